import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyStatus, parseRetryAfter } from './http-out.js';
import { blockedReason, destinationProblem, ipToBytes, parseOutboundAllow } from './outbound-guard.js';

describe('outbound HTTP: address checks', () => {
  it('reads IPv4, IPv6, mapped and compressed forms into one 16-byte form', () => {
    assert.deepEqual(ipToBytes('127.0.0.1'), ipToBytes('::ffff:127.0.0.1'));
    assert.deepEqual(ipToBytes('::ffff:7f00:1'), ipToBytes('::ffff:127.0.0.1'));
    assert.deepEqual(ipToBytes('[::1]'), ipToBytes('0:0:0:0:0:0:0:1'));
    assert.deepEqual(ipToBytes('fe80::1%eth0'), ipToBytes('fe80:0:0:0:0:0:0:1'));
    assert.equal(ipToBytes('example.com'), null);
    assert.equal(ipToBytes('1.2.3'), null);
    assert.equal(ipToBytes('1:2:3:4:5:6:7:8:9'), null);
  });

  it('refuses every non-public range, in every spelling', () => {
    const refused = [
      '127.0.0.1',
      '127.255.0.9',
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.254',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:a9fe:a9fe',
      '::ffff:10.1.2.3',
      '::127.0.0.1',
      '64:ff9b::a00:1',
      '2002:7f00:1::',
    ];
    for (const ip of refused) assert.ok(blockedReason(ip), `${ip} should be refused`);
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2002:0808:0808::'])
      assert.equal(blockedReason(ip), null, `${ip} is public`);
    assert.match(blockedReason('169.254.169.254')!, /link-local/);
    assert.match(blockedReason('::ffff:127.0.0.1')!, /loopback/);
  });

  it('lets an administrator allow hosts, addresses and ranges', () => {
    const allow = parseOutboundAllow(' hooks.corp.example, *.lab.example ,10.0.0.0/8, 127.0.0.1,fd00::/8 ');
    assert.deepEqual(allow.hosts, ['hooks.corp.example', '*.lab.example']);
    assert.deepEqual(allow.cidrs, ['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    assert.equal(destinationProblem('x', ['10.9.9.9'], allow), null);
    assert.equal(destinationProblem('x', ['::ffff:10.9.9.9'], allow), null);
    assert.equal(destinationProblem('x', ['127.0.0.1'], allow), null);
    assert.match(destinationProblem('x', ['127.0.0.2'], allow)!, /loopback/);
    assert.equal(destinationProblem('hooks.corp.example', ['192.168.0.1'], allow), null);
    assert.equal(destinationProblem('a.lab.example', ['192.168.0.1'], allow), null);
    assert.match(destinationProblem('lab.example.evil', ['192.168.0.1'], allow)!, /HIKESHI_OUTBOUND_ALLOW/);
    // Every address of a host must pass: one private answer among public ones is refused.
    assert.match(destinationProblem('mixed.example', ['8.8.8.8', '10.0.0.1'], parseOutboundAllow(''))!, /private/);
    assert.deepEqual(parseOutboundAllow(undefined), { hosts: [], cidrs: [] });
    assert.throws(() => parseOutboundAllow('10.0.0.0/33'), /HIKESHI_OUTBOUND_ALLOW: "10.0.0.0\/33"/);
    assert.throws(() => parseOutboundAllow('http://x'), /not a host name/);
  });
});

describe('outbound HTTP: classification', () => {
  it('maps statuses to outcomes', () => {
    const table: [number, string][] = [
      [200, 'delivered'],
      [202, 'delivered'],
      [204, 'delivered'],
      [301, 'permanent'],
      [302, 'permanent'],
      [400, 'permanent'],
      [401, 'permanent'],
      [404, 'permanent'],
      [408, 'transient'],
      [410, 'permanent'],
      [425, 'transient'],
      [429, 'transient'],
      [500, 'transient'],
      [502, 'transient'],
      [503, 'transient'],
    ];
    for (const [status, outcome] of table) assert.equal(classifyStatus(status), outcome, String(status));
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-11-22T09:00:00Z');
    assert.equal(parseRetryAfter('30', now), 30_000);
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 09:01:00 GMT', now), 60_000);
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 08:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
