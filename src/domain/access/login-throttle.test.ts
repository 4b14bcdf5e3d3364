import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOGIN_IP_LIMIT, LOGIN_PAIR_LIMIT, LOGIN_WINDOW_MS, loginRetryAfter } from './login-throttle.js';

const now = 10 * LOGIN_WINDOW_MS;
const times = (n: number, start: number, step = 1000) => Array.from({ length: n }, (_, i) => start + i * step);

describe('login throttle', () => {
  it('allows attempts below both limits', () => {
    assert.equal(loginRetryAfter({ pair: times(LOGIN_PAIR_LIMIT - 1, now - 60_000), ip: [] }, now), 0);
  });

  it('at the pair limit, waits until the oldest failure leaves the window', () => {
    const first = now - 5 * 60_000;
    const retry = loginRetryAfter({ pair: times(LOGIN_PAIR_LIMIT, first), ip: times(LOGIN_PAIR_LIMIT, first) }, now);
    assert.equal(retry, (first + LOGIN_WINDOW_MS - now) / 1000);
  });

  it('above the limit (concurrent attempts), waits for enough failures to expire', () => {
    const pair = times(LOGIN_PAIR_LIMIT + 2, now - 10 * 60_000, 60_000 / 4);
    const third = [...pair].sort((a, b) => a - b)[2]!;
    assert.equal(loginRetryAfter({ pair, ip: pair }, now), Math.ceil((third + LOGIN_WINDOW_MS - now) / 1000));
  });

  it('limits one address across many e-mails', () => {
    assert.ok(loginRetryAfter({ pair: [], ip: times(LOGIN_IP_LIMIT, now - 60_000) }, now) > 0);
    assert.equal(loginRetryAfter({ pair: [], ip: times(LOGIN_IP_LIMIT - 1, now - 60_000) }, now), 0);
  });

  it('never answers less than one second while limited', () => {
    const pair = times(LOGIN_PAIR_LIMIT, now - LOGIN_WINDOW_MS + 1, 0);
    assert.equal(loginRetryAfter({ pair, ip: [] }, now), 1);
  });
});
