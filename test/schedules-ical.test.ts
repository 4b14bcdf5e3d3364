import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

interface Ics {
  raw: string;
  calendar: Record<string, string>;
  events: Record<string, string>[];
}

/**
 * A small RFC 5545 reader: checks CRLF line ends and 75-octet folding, unfolds, and collects the
 * properties of the calendar and of each VEVENT (parameters dropped, TEXT unescaped).
 */
function parseIcs(raw: string): Ics {
  assert.ok(raw.endsWith('\r\n'), 'ends with CRLF');
  const physical = raw.slice(0, -2).split('\r\n');
  for (const line of physical) {
    assert.ok(!line.includes('\n') && !line.includes('\r'), `bare line break in ${JSON.stringify(line)}`);
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line longer than 75 octets: ${line}`);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  const calendar: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  const stack: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    assert.ok(colon > 0, `not a content line: ${line}`);
    const name = line.slice(0, colon).split(';')[0]!;
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') current = {};
    } else if (name === 'END') {
      assert.equal(stack.pop(), value, 'BEGIN/END pairs match');
      if (value === 'VEVENT') {
        events.push(current!);
        current = null;
      }
    } else (current ?? calendar)[name] = unescapeText(value);
  }
  assert.equal(stack.length, 0);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  return { raw, calendar, events };
}

describe(`schedules: iCal feeds (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let anon: Api;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let chicago: { id: string };
  let tokyo: { id: string };

  before(async () => {
    ts = await startTestServer();
    ts.clock.set('2026-03-01T00:00:00.000Z');
    a = api(ts.server.app, ts.token);
    anon = api(ts.server.app);
    alice = await createUser(ts, { role: 'responder', name: 'Alice 渡辺' });
    bob = await createUser(ts, { role: 'responder', name: 'Bob, Jr.; on call' });
    const rotation = { unit: 'day', length: 1, handoffTime: '09:00', startDate: '2025-12-01' };
    chicago = (
      await a.post('/api/v1/schedules', {
        name: 'Platform, US; 本番環境のオンコール当番表（プラットフォーム・インフラストラクチャ）',
        timeZone: 'America/Chicago',
        layers: [{ name: 'Primary', members: [alice.id, bob.id], rotation }],
      })
    ).body;
    tokyo = (await a.post('/api/v1/schedules', { name: 'Tokyo', timeZone: 'Asia/Tokyo', layers: [{ name: 'Primary', members: [bob.id, alice.id], rotation }] })).body;
  });
  after(() => ts.close());

  const feedPath = async (path: string) => {
    const r = await a.get(path);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const url = new URL(r.body.url);
    assert.equal(url.origin, 'http://hikeshi.test', 'the URL is built on HIKESHI_PUBLIC_URL');
    return `${url.pathname}${url.search}`;
  };

  it('serves a schedule feed with UTC timestamps, one VEVENT per final shift, 60 days back to 180 ahead', async () => {
    const path = await feedPath(`/api/v1/schedules/${chicago.id}/feed-url`);
    assert.match(path, new RegExp(`^/api/v1/schedules/${chicago.id}/feed\\.ics\\?token=[A-Za-z0-9_-]{43}$`));
    const res = await ts.server.app.inject({ method: 'GET', url: path });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    const ics = parseIcs(res.body);
    assert.equal(ics.calendar.VERSION, '2.0');
    assert.ok(ics.calendar.PRODID);
    assert.match(ics.calendar['X-WR-CALNAME']!, /Platform, US; 本番環境/, 'text is escaped and unescapes to the name');
    assert.ok(ics.raw.includes('Platform\\, US\\; '));

    // now is 2026-03-01T00:00Z: from 2025-12-31T00:00Z (clipped) to 2026-08-28T00:00Z
    const first = ics.events[0]!;
    assert.equal(first.DTSTART, '20251231T000000Z');
    assert.equal(ics.events.at(-1)!.DTEND, '20260828T000000Z');
    assert.equal(ics.events.length, 241, 'a daily rotation: 240 days, the first and last shifts clipped');
    for (const e of ics.events) {
      assert.match(e.DTSTART!, /^\d{8}T\d{6}Z$/);
      assert.match(e.DTEND!, /^\d{8}T\d{6}Z$/);
      assert.ok(e.UID && e.DTSTAMP && e.SUMMARY);
    }
    assert.equal(new Set(ics.events.map((e) => e.UID)).size, ics.events.length, 'UIDs are unique');
    // across the change of 2026-03-08: 09:00 CST = 15:00Z, then 09:00 CDT = 14:00Z
    const starts = ics.events.map((e) => e.DTSTART);
    assert.ok(starts.includes('20260307T150000Z') && starts.includes('20260308T140000Z') && !starts.includes('20260308T150000Z'));
    const bobs = ics.events.find((e) => e.SUMMARY!.startsWith('Bob'))!;
    assert.match(bobs.SUMMARY!, /^Bob, Jr\.; on call on call \(Platform, US; /);

    // stable UIDs: the same shift has the same UID on the next fetch
    ts.clock.set('2026-03-01T06:00:00.000Z');
    const again = parseIcs((await ts.server.app.inject({ method: 'GET', url: path })).body);
    const uidOf = (x: Ics, start: string) => x.events.find((e) => e.DTSTART === start)?.UID;
    assert.equal(uidOf(again, '20260308T140000Z'), uidOf(ics, '20260308T140000Z'));
    ts.clock.set('2026-03-01T00:00:00.000Z');
  });

  it('shows overrides in the feed', async () => {
    const o = await a.post(`/api/v1/schedules/${tokyo.id}/overrides`, { start: '2026-03-11T03:00:00Z', end: '2026-03-11T05:00:00Z', userId: alice.id, replacesUserId: bob.id });
    assert.equal(o.status, 201, JSON.stringify(o.body));
    const ics = parseIcs((await ts.server.app.inject({ method: 'GET', url: await feedPath(`/api/v1/schedules/${tokyo.id}/feed-url`) })).body);
    const override = ics.events.find((e) => e.DTSTART === '20260311T030000Z')!;
    assert.ok(override, 'the override is an event');
    assert.equal(override.DTEND, '20260311T050000Z');
    assert.match(override.SUMMARY!, /^Alice 渡辺 on call/);
    assert.match(override.DESCRIPTION!, /override/);
  });

  it('serves a person’s feed across schedules', async () => {
    const path = await feedPath(`/api/v1/users/${alice.id}/oncall-feed-url`);
    assert.match(path, new RegExp(`^/api/v1/users/${alice.id}/oncall\\.ics\\?token=`));
    const res = await ts.server.app.inject({ method: 'GET', url: path });
    assert.equal(res.statusCode, 200, res.body);
    const ics = parseIcs(res.body);
    assert.match(ics.calendar['X-WR-CALNAME']!, /Alice 渡辺/);
    const summaries = new Set(ics.events.map((e) => e.SUMMARY!.replace(/ \(.*/, '')));
    assert.ok([...summaries].some((s) => s.startsWith('On call: Platform')) && summaries.has('On call: Tokyo'), JSON.stringify([...summaries]));
    assert.ok(ics.events.every((e) => e.DESCRIPTION!.startsWith('Alice 渡辺 on call')), 'only Alice’s shifts');
    const sorted = ics.events.map((e) => e.DTSTART!);
    assert.deepEqual(sorted, [...sorted].sort());
  });

  it('answers a wrong, missing or borrowed token with 404, never 401', async () => {
    const good = await feedPath(`/api/v1/schedules/${chicago.id}/feed-url`);
    const token = new URL(good, 'http://x').searchParams.get('token')!;
    // One character changed in the middle (the last one of base64url may carry only padding bits).
    const tampered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    const tokyoPath = await feedPath(`/api/v1/schedules/${tokyo.id}/feed-url`);
    const userPath = await feedPath(`/api/v1/users/${alice.id}/oncall-feed-url`);
    const userToken = new URL(userPath, 'http://x').searchParams.get('token')!;
    const cases = [
      `/api/v1/schedules/${chicago.id}/feed.ics`,
      `/api/v1/schedules/${chicago.id}/feed.ics?token=`,
      `/api/v1/schedules/${chicago.id}/feed.ics?token=${tampered}`,
      `/api/v1/schedules/${tokyo.id}/feed.ics?token=${token}`,
      `/api/v1/schedules/${chicago.id}/feed.ics?token=${userToken}`,
      `/api/v1/users/${bob.id}/oncall.ics?token=${userToken}`,
      `/api/v1/users/${alice.id}/oncall.ics?token=${token}`,
      `/api/v1/schedules/01JD2Z3K4M5N6P7Q8R9S0TVWXY/feed.ics?token=${token}`,
    ];
    for (const url of cases) {
      const r = await anon.get(url);
      assert.equal(r.status, 404, url);
      assert.equal(r.body.error.code, 'NOT_FOUND', url);
    }
    const missing = await anon.get(`/api/v1/schedules/01JD2Z3K4M5N6P7Q8R9S0TVWXY/feed.ics?token=${token}`);
    const wrong = await anon.get(`/api/v1/schedules/${tokyo.id}/feed.ics?token=${token}`);
    assert.equal(wrong.body.error.message.replace(tokyo.id, 'ID'), missing.body.error.message.replace('01JD2Z3K4M5N6P7Q8R9S0TVWXY', 'ID'), 'same answer as a missing schedule');
    assert.equal((await anon.get(tokyoPath)).status, 200, 'no bearer token needed with the signed one');
    assert.equal((await anon.get(`/api/v1/schedules/${chicago.id}/feed-url`)).status, 401, 'the URL itself needs authentication');
    const observer = api(ts.server.app, (await createUser(ts, { role: 'observer' })).token);
    assert.equal((await observer.get(`/api/v1/users/${alice.id}/oncall-feed-url`)).status, 200);
    assert.equal((await a.get('/api/v1/users/01JD2Z3K4M5N6P7Q8R9S0TVWXY/oncall-feed-url')).status, 404);
  });
});
