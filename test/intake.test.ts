import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inTransaction, type ServiceContext, SYSTEM_ACTOR } from '../src/services/context.js';
import { DeclareIncidentBody } from '../src/contracts/incident.js';
import { declareIncidentIn } from '../src/services/incident/declare.js';
import { parseInput } from '../src/services/shared/parse.js';
import { type Api, api } from './helpers/api.js';
import { createTeam, createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/**
 * SPEC §4.5 intake portal: an employee's structured report becomes an `inquiry` incident with the
 * answers; a "yes" to a security question flags it for the security team; triage escalates it with
 * PATCH /incidents/{id} and the history stays.
 */
describe(`intake reports (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let employee: Api; // an observer, in Japanese, in Tokyo, signed in to the web app (cookie + CSRF)
  let employeeToken: Api; // the same observer's API token: read-only, as every observer token is
  let employeeId: string;
  let responder: Api;
  let outsider: Api;
  let security: Api;
  let readOnly: Api;

  const answers = (over: Record<string, unknown> = {}) => ({
    summary: 'VPNにつながらない',
    startedAt: '2026-11-22T08:15:00Z',
    affected: { who: 'my_team', count: 12 },
    scope: '東京オフィス',
    cannotDo: '社内システムにログインできない',
    device: { kind: 'pc', details: 'Windows 11' },
    security: { suspiciousEmailOpened: 'no', unusualDeviceBehaviour: 'unsure', unexpectedLoginNotice: 'no' },
    ...over,
  });
  const timeline = async (who: Api, id: string) => ((await who.get(`/api/v1/incidents/${id}/timeline`)).body.items as any[]).map((e) => e.action);

  /** A browser session: the cookie, and the CSRF token the session endpoint gives. */
  async function signIn(email: string, password: string): Promise<Api> {
    const res = await ts.server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email, password }) });
    assert.equal(res.statusCode, 200, res.body);
    const raw = res.headers['set-cookie'];
    const cookie = /hikeshi_session=([^;]*)/.exec(Array.isArray(raw) ? raw.join('\n') : (raw ?? ''))?.[1];
    const session = await api(ts.server.app, undefined, { cookie: `hikeshi_session=${cookie}` }).get('/api/v1/auth/session');
    return api(ts.server.app, undefined, { cookie: `hikeshi_session=${cookie}`, 'x-csrf-token': session.body.csrfToken });
  }

  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
    const password = 'a long employee passphrase 31';
    const u = await owner.post('/api/v1/users', { name: '山田 花子', email: 'hanako@example.com', role: 'observer', locale: 'ja', timeZone: 'Asia/Tokyo', password });
    assert.equal(u.status, 201, JSON.stringify(u.body));
    employeeId = u.body.id;
    employee = await signIn('hanako@example.com', password);
    employeeToken = api(ts.server.app, (await owner.post(`/api/v1/users/${employeeId}/tokens`, { name: 'test' })).body.token);
    responder = api(ts.server.app, (await createUser(ts, { role: 'responder' })).token);
    outsider = api(ts.server.app, (await createUser(ts, { role: 'responder' })).token);
    const sec = await createUser(ts, { role: 'responder' });
    await createTeam(ts, { name: 'CSIRT', security: true, memberIds: [sec.id] });
    security = api(ts.server.app, sec.token);
    readOnly = api(ts.server.app, (await createUser(ts, { role: 'responder', scopes: ['read'] })).token);
  });
  after(() => ts.close());

  it('a report becomes an inquiry with the answers, in the reporter’s language and zone, and timeline entries', async () => {
    const r = await employee.post('/api/v1/intake-reports', answers({ details: '朝から何度か試した' }));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const { report, incident } = r.body;
    assert.match(incident.reference, /^INC-\d+$/);
    assert.equal(report.incidentId, incident.id);
    assert.equal(report.securityFlag, false);
    assert.deepEqual(report.securityConcerns, []);
    assert.equal(report.answers.security.unusualDeviceBehaviour, 'unsure');
    assert.deepEqual(report.answers.affected, { who: 'my_team', count: 12 });
    assert.equal(report.reporter.id, employeeId);

    const inc = (await employee.get(`/api/v1/incidents/${incident.id}`)).body;
    assert.equal(inc.type, 'inquiry');
    assert.equal(inc.title, 'VPNにつながらない');
    assert.equal(inc.startedAt, '2026-11-22T08:15:00.000Z', 'when it started, earlier than the report');
    assert.equal(inc.createdAt, '2026-11-22T09:00:00.000Z');
    assert.equal(inc.visibility, 'public');
    assert.equal(inc.createdBy.id, employeeId, 'declared as the reporter, not as anyone else');
    assert.deepEqual([inc.impact, inc.urgency], [3, 3], 'one team, no security concern: low impact, low urgency');
    // The answers, in Japanese (the reporter's locale) and Tokyo time (their zone).
    assert.match(inc.description, /発生時刻：2026年11月22日\(日\) 17:15 Asia\/Tokyo/);
    assert.match(inc.description, /影響を受けている人：自分のチーム \(約12人\)/);
    assert.match(inc.description, /できないこと[\s\S]*社内システムにログインできない/);
    assert.match(inc.description, /端末の動作がおかしい：わからない/);
    assert.match(inc.description, /朝から何度か試した/);
    assert.doesNotMatch(inc.description, /セキュリティチームへの確認対象/);

    assert.deepEqual(await timeline(employee, incident.id), ['incident.declared', 'intake.reported']);
    const entries = (await employee.get(`/api/v1/incidents/${incident.id}/timeline`)).body.items;
    assert.equal(entries[1].data.reportId, report.id);
    assert.equal(entries[1].actor.id, employeeId);
    assert.equal(entries[0].at, entries[1].at, 'the report and its incident are one transaction');

    const again = await employee.get(`/api/v1/incidents/${incident.id}/intake-report`);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, report);
  });

  it('an English reporter gets an English description', async () => {
    const r = await responder.post('/api/v1/intake-reports', answers({ summary: 'Printer on floor 3 is offline', startedAt: undefined, scope: 'Floor 3\nprinter room' }));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const inc = (await responder.get(`/api/v1/incidents/${r.body.incident.id}`)).body;
    assert.match(inc.description, /When it started: not given \(reported at 2026-11-22 \(Sun\) 09:00 UTC/);
    assert.match(inc.description, /- Scope: Floor 3 printer room\n/, 'one list item even with a line break');
    assert.match(inc.description, /The device behaves unusually: not sure/);
    assert.equal(inc.startedAt, inc.createdAt);
  });

  it('a "yes" to a security question flags the report, lists it for the security team, and keeps it an inquiry', async () => {
    const r = await employee.post(
      '/api/v1/intake-reports',
      answers({ summary: '不審なメールの添付を開いた', affected: { who: 'just_me' }, security: { suspiciousEmailOpened: 'yes', unusualDeviceBehaviour: 'no', unexpectedLoginNotice: 'yes' } }),
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const { report, incident } = r.body;
    assert.equal(report.securityFlag, true);
    assert.deepEqual(report.securityConcerns, ['suspiciousEmailOpened', 'unexpectedLoginNotice']);
    const inc = (await owner.get(`/api/v1/incidents/${incident.id}`)).body;
    assert.equal(inc.type, 'inquiry', 'an inquiry until triaged');
    assert.equal(inc.visibility, 'public', 'visible to triage staff');
    assert.equal(inc.urgency, 2, 'a possible compromise is high urgency');
    assert.equal(inc.assessment.securityImpact, true);
    assert.match(inc.description, /セキュリティチームへの確認対象/);
    assert.deepEqual(await timeline(owner, incident.id), ['incident.declared', 'intake.reported', 'intake.security_flagged']);
    const flaggedEntry = (await owner.get(`/api/v1/incidents/${incident.id}/timeline`)).body.items[2];
    assert.deepEqual(flaggedEntry.data.concerns, ['suspiciousEmailOpened', 'unexpectedLoginNotice']);

    for (const who of [security, owner, responder]) {
      const flagged = await who.get('/api/v1/intake-reports?flagged=true');
      assert.equal(flagged.status, 200);
      assert.ok(flagged.body.items.length >= 1);
      assert.ok(flagged.body.items.every((x: any) => x.securityFlag === true), 'only flagged reports');
      assert.equal(flagged.body.items[0].id, report.id);
    }
    const unflagged = (await owner.get('/api/v1/intake-reports?flagged=false')).body.items;
    assert.ok(unflagged.length >= 2 && unflagged.every((x: any) => x.securityFlag === false));
  });

  it('bad input is a 400 naming the field, and nothing is created', async () => {
    const before = (await owner.get('/api/v1/incidents?limit=200')).body.items.length;
    const cases: [unknown, RegExp][] = [
      [answers({ security: { unusualDeviceBehaviour: 'no', unexpectedLoginNotice: 'no' } }), /security\.suspiciousEmailOpened$/],
      [answers({ security: { suspiciousEmailOpened: 'maybe', unusualDeviceBehaviour: 'no', unexpectedLoginNotice: 'no' } }), /security\.suspiciousEmailOpened$/],
      [answers({ summary: '   ' }), /summary$/],
      [answers({ cannotDo: undefined }), /cannotDo$/],
      [answers({ affected: { who: 'the whole planet' } }), /affected\.who$/],
      [answers({ affected: { who: 'my_team', count: 0 } }), /affected\.count$/],
      [answers({ device: { kind: 'toaster' } }), /device\.kind$/],
      [answers({ startedAt: 'yesterday' }), /startedAt$/],
      [answers({ startedAt: '2026-11-22T10:00:00Z' }), /^startedAt$/],
      [answers({ serviceId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }), /serviceId$/],
      [answers({ severity: 'SEV1' }), /body/],
    ];
    for (const [body, field] of cases) {
      const r = await employee.post('/api/v1/intake-reports', body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'VALIDATION');
      assert.ok(
        r.body.error.details.fields.some((f: { field: string }) => field.test(f.field)),
        `${field} in ${JSON.stringify(r.body.error.details.fields)}`,
      );
    }
    assert.equal((await owner.get('/api/v1/incidents?limit=200')).body.items.length, before, 'no incident from a refused report');
    assert.equal((await owner.get('/api/v1/intake-reports?limit=200')).body.items.length, 3);
  });

  it('triage to security keeps the history, restricts the incident, and the reporter still sees it', async () => {
    const r = await employee.post('/api/v1/intake-reports', answers({ summary: '知らないログイン通知', security: { suspiciousEmailOpened: 'no', unusualDeviceBehaviour: 'no', unexpectedLoginNotice: 'yes' } }));
    const id = r.body.incident.id;
    assert.equal((await employee.patch(`/api/v1/incidents/${id}`, { type: 'security' })).status, 403, 'an observer cannot triage');
    const t = await responder.patch(`/api/v1/incidents/${id}`, { type: 'security' });
    assert.equal(t.status, 200, JSON.stringify(t.body));
    assert.equal(t.body.type, 'security');
    assert.equal(t.body.visibility, 'restricted');

    // The history: reported, flagged, type changed (and restricted), and the report itself.
    const actions = await timeline(owner, id);
    assert.deepEqual(actions.slice(0, 3), ['incident.declared', 'intake.reported', 'intake.security_flagged']);
    assert.ok(actions.includes('incident.type_changed') && actions.includes('incident.visibility_changed'), actions.join());
    const report = await owner.get(`/api/v1/incidents/${id}/intake-report`);
    assert.equal(report.status, 200);
    assert.equal(report.body.incident.type, 'security');
    assert.equal(report.body.answers.summary, '知らないログイン通知');

    // The reporter declared it, so they still see it and their report; the security team too.
    assert.equal((await employee.get(`/api/v1/incidents/${id}`)).status, 200);
    assert.equal((await employee.get(`/api/v1/incidents/${id}/intake-report`)).status, 200);
    assert.ok((await security.get('/api/v1/intake-reports?flagged=true')).body.items.some((x: any) => x.incidentId === id));
    // Someone who takes no part: the incident, its report and its list entry do not exist.
    assert.equal((await outsider.get(`/api/v1/incidents/${id}`)).status, 404);
    assert.equal((await outsider.get(`/api/v1/incidents/${id}/intake-report`)).status, 404);
    const listed = (await outsider.get('/api/v1/intake-reports?limit=200')).body.items as any[];
    assert.ok(listed.length >= 3, 'the other reports are still listed');
    assert.ok(!listed.some((x) => x.incidentId === id), 'a restricted report is absent from the list');
  });

  it('an observer can report (signed in) but cannot list; a read-only token cannot report', async () => {
    const list = await employee.get('/api/v1/intake-reports');
    assert.equal(list.status, 403);
    assert.equal(list.body.error.code, 'FORBIDDEN');
    assert.equal((await employeeToken.get('/api/v1/intake-reports')).status, 403);
    for (const ro of [readOnly, employeeToken]) {
      const r = await ro.post('/api/v1/intake-reports', answers());
      assert.equal(r.status, 403);
      assert.match(r.body.error.message, /"write" scope/);
    }
    assert.equal((await api(ts.server.app).post('/api/v1/intake-reports', answers())).status, 401);
  });

  it('an incident that was not reported has no intake report; the list pages with a cursor', async () => {
    const declared = await owner.post('/api/v1/incidents', { title: 'declared by hand' });
    const none = await owner.get(`/api/v1/incidents/${declared.body.id}/intake-report`);
    assert.equal(none.status, 404);
    assert.equal(none.body.error.code, 'NOT_FOUND');
    assert.equal((await owner.get('/api/v1/incidents/01JZZZZZZZZZZZZZZZZZZZZZZZ/intake-report')).status, 404);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await owner.get(`/api/v1/intake-reports?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((x: any) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 4);
    assert.equal(new Set(seen).size, 4, 'no report twice');
    assert.equal((await owner.get('/api/v1/intake-reports?flagged=maybe')).status, 400);
    assert.equal((await owner.get('/api/v1/intake-reports?cursor=nonsense')).status, 400);
  });

  it('the declaration joins the report’s transaction: a failure after it leaves no incident, and the live stream hears only a commit', async () => {
    const count = async () => (await ts.server.store.db.selectFrom('incident').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    const before = Number(await count());
    let told = 0;
    const ctx: ServiceContext = { store: ts.server.store, clock: ts.clock, actor: SYSTEM_ACTOR, requestId: null, secret: 'x', publicUrl: 'http://hikeshi.test', outbox: { committed: () => told++ } };
    await assert.rejects(
      inTransaction(ctx, async (t) => {
        const inc = await declareIncidentIn(t, parseInput(DeclareIncidentBody, { type: 'inquiry', title: 'rolled back with its report' }));
        assert.equal(inc.createdAt, t.now, 'one instant for the whole transaction');
        assert.equal(told, 0, 'not announced before the commit');
        throw new Error('the report failed');
      }),
      /the report failed/,
    );
    assert.equal(Number(await count()), before);
    assert.equal(told, 0);
    await inTransaction(ctx, (t) => declareIncidentIn(t, parseInput(DeclareIncidentBody, { type: 'inquiry', title: 'committed with its report' })));
    assert.equal(Number(await count()), before + 1);
    assert.equal(told, 1, 'announced once, after the commit');
  });
});
