import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../src/platform/ids.js';
import { type Api, api } from './helpers/api.js';
import { createUser, type TestRole } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/** A person with a token of their own, created through the users API; `name` kept for assertions. */
async function makeUser(ts: TestServer, name: string, role: TestRole = 'responder'): Promise<{ id: string; name: string; token: string }> {
  const u = await createUser(ts, { role, name });
  return { id: u.id, name, token: u.token };
}

describe(`incident collaboration over HTTP (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let alice: { id: string; name: string; token: string };
  let bob: { id: string; name: string; token: string };
  let carol: { id: string; name: string; token: string };

  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    alice = await makeUser(ts, '佐藤 Alice');
    bob = await makeUser(ts, 'Bob');
    carol = await makeUser(ts, 'Carol');
  });
  after(() => ts.close());

  const declare = async (body: Record<string, unknown> = {}) => {
    const r = await a.post('/api/v1/incidents', { title: 'DB replication lag', ...body });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  const timeline = async (id: string) => (await a.get(`/api/v1/incidents/${id}/timeline`)).body.items as any[];
  const participants = async (id: string, client = a) => (await client.get(`/api/v1/incidents/${id}/participants`)).body.items as any[];

  it('assigns, hands over and unassigns a role, each on the timeline with its actor', async () => {
    const inc = await declare();
    ts.clock.advance(60_000);
    const r1 = await a.put(`/api/v1/incidents/${inc.id}/roles/commander`, { userId: alice.id });
    assert.equal(r1.status, 200, JSON.stringify(r1.body));
    assert.equal(r1.body.roles.commander.userId, alice.id);
    assert.equal(r1.body.roles.commander.name, alice.name);
    assert.equal(r1.body.updatedAt, ts.clock.now().toISOString());

    ts.clock.advance(60_000);
    const r2 = await a.put(`/api/v1/incidents/${inc.id}/roles/commander`, { userId: bob.id });
    assert.equal(r2.status, 200);
    assert.equal(r2.body.roles.commander.userId, bob.id);

    const r3 = await a.delete(`/api/v1/incidents/${inc.id}/roles/commander`);
    assert.equal(r3.status, 200);
    assert.equal(r3.body.roles.commander, undefined);

    const entries = (await timeline(inc.id)).filter((e) => e.action.startsWith('role.'));
    assert.deepEqual(entries.map((e) => e.action), ['role.assigned', 'role.handed_over', 'role.unassigned']);
    assert.deepEqual(entries[0].data, { role: 'commander', userId: alice.id, userName: alice.name });
    assert.deepEqual(entries[1].data, { role: 'commander', fromUserId: alice.id, fromUserName: alice.name, toUserId: bob.id, toUserName: bob.name });
    assert.deepEqual(entries[2].data, { role: 'commander', userId: bob.id, userName: bob.name });
    assert.equal(entries[0].actor.type, 'token');
    assert.equal(entries[0].actor.name, 'Administrator (bootstrap)');
    assert.equal(entries[1].at, '2026-11-22T09:02:00.000Z');

    // Both holders became participants (and stay: they saw the incident).
    const ps = await participants(inc.id);
    assert.equal(ps.find((p) => p.userId === alice.id)?.reason, 'role');
    assert.equal(ps.find((p) => p.userId === bob.id)?.reason, 'role');
    const audit = await ts.server.store.db.selectFrom('auditLog').select('action').where('targetId', '=', inc.id).execute();
    assert.ok(audit.some((r) => r.action === 'role.handed_over'));
  });

  it('giving a role to its holder again is a no-op with no timeline entry', async () => {
    const inc = await declare();
    await a.put(`/api/v1/incidents/${inc.id}/roles/scribe`, { userId: carol.id });
    const before = (await timeline(inc.id)).length;
    const again = await a.put(`/api/v1/incidents/${inc.id}/roles/scribe`, { userId: carol.id });
    assert.equal(again.status, 200);
    assert.equal(again.body.roles.scribe.userId, carol.id);
    assert.equal((await timeline(inc.id)).length, before);
    // Unassigning a role nobody holds is a no-op as well.
    const none = await a.delete(`/api/v1/incidents/${inc.id}/roles/tech_lead`);
    assert.equal(none.status, 200);
    assert.equal((await timeline(inc.id)).length, before);
  });

  it('an unknown role is a 400 naming role and listing the valid keys; unknown users are 400 naming userId', async () => {
    const inc = await declare();
    const r = await a.put(`/api/v1/incidents/${inc.id}/roles/pilot`, { userId: alice.id });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.details.fields[0].field, 'role');
    assert.match(r.body.error.message, /commander, tech_lead, communications_lead, scribe/);
    const del = await a.delete(`/api/v1/incidents/${inc.id}/roles/pilot`);
    assert.equal(del.status, 400);
    const u = await a.put(`/api/v1/incidents/${inc.id}/roles/commander`, { userId: newId() });
    assert.equal(u.status, 400);
    assert.equal(u.body.error.details.fields[0].field, 'userId');
    const missing = await a.put(`/api/v1/incidents/${newId()}/roles/commander`, { userId: alice.id });
    assert.equal(missing.status, 404);
  });

  it('observers may not assign roles', async () => {
    const observer = await makeUser(ts, 'Olive', 'observer');
    const inc = await declare();
    const r = await api(ts.server.app, observer.token).put(`/api/v1/incidents/${inc.id}/roles/commander`, { userId: alice.id });
    assert.equal(r.status, 403);
  });

  it('tasks: add, start, complete, reopen, reassign; the owner becomes a participant', async () => {
    const inc = await declare();
    const add = await a.post(`/api/v1/incidents/${inc.id}/tasks`, { title: ' Fail over to the replica ', ownerId: alice.id });
    assert.equal(add.status, 201, JSON.stringify(add.body));
    const task = add.body;
    assert.equal(task.title, 'Fail over to the replica');
    assert.equal(task.status, 'todo');
    assert.equal(task.ownerName, alice.name);
    assert.equal(task.completedAt, null);
    assert.equal((await participants(inc.id)).find((p) => p.userId === alice.id)?.reason, 'task');

    ts.clock.advance(60_000);
    const started = await a.patch(`/api/v1/incidents/${inc.id}/tasks/${task.id}`, { status: 'in_progress' });
    assert.equal(started.status, 200);
    assert.equal(started.body.status, 'in_progress');
    assert.equal(started.body.updatedAt, ts.clock.now().toISOString());

    ts.clock.advance(60_000);
    const done = await a.patch(`/api/v1/incidents/${inc.id}/tasks/${task.id}`, { status: 'done' });
    assert.equal(done.body.completedAt, ts.clock.now().toISOString());

    const reopened = await a.patch(`/api/v1/incidents/${inc.id}/tasks/${task.id}`, { status: 'todo', ownerId: bob.id, title: 'Fail over (retry)' });
    assert.equal(reopened.body.completedAt, null);
    assert.equal(reopened.body.ownerId, bob.id);
    const unowned = await a.patch(`/api/v1/incidents/${inc.id}/tasks/${task.id}`, { ownerId: null });
    assert.equal(unowned.body.ownerId, null);
    assert.equal(unowned.body.ownerName, null);

    const entries = (await timeline(inc.id)).filter((e) => e.action.startsWith('task.'));
    assert.deepEqual(entries.map((e) => e.action), ['task.added', 'task.updated', 'task.completed', 'task.updated', 'task.updated']);
    assert.deepEqual(entries[1].data.changes, { status: { from: 'todo', to: 'in_progress' } });
    assert.equal(entries[2].data.taskId, task.id);
    assert.deepEqual(entries[3].data.changes, {
      title: { from: 'Fail over to the replica', to: 'Fail over (retry)' },
      status: { from: 'done', to: 'todo' },
      ownerId: { from: alice.id, to: bob.id },
    });

    await a.post(`/api/v1/incidents/${inc.id}/tasks`, { title: 'Tell support' });
    const list = await a.get(`/api/v1/incidents/${inc.id}/tasks`);
    assert.deepEqual(list.body.items.map((t: any) => t.title), ['Fail over (retry)', 'Tell support']);
    assert.equal(list.body.nextCursor, null);

    // Sending the current values writes nothing; bad input is a 400; an unknown task a 404.
    const count = (await timeline(inc.id)).length;
    await a.patch(`/api/v1/incidents/${inc.id}/tasks/${task.id}`, { status: 'todo' });
    assert.equal((await timeline(inc.id)).length, count);
    assert.equal((await a.patch(`/api/v1/incidents/${inc.id}/tasks/${task.id}`, { status: 'finished' })).status, 400);
    assert.equal((await a.patch(`/api/v1/incidents/${inc.id}/tasks/${task.id}`, {})).status, 400);
    assert.equal((await a.patch(`/api/v1/incidents/${inc.id}/tasks/${newId()}`, { status: 'done' })).status, 404);
    const badOwner = await a.post(`/api/v1/incidents/${inc.id}/tasks`, { title: 'x', ownerId: newId() });
    assert.equal(badOwner.status, 400);
    assert.equal(badOwner.body.error.details.fields[0].field, 'ownerId');
  });

  it('merged incidents refuse collaboration changes; closed ones still take follow-up tasks', async () => {
    const target = await declare({ title: 'target' });
    const source = await declare({ title: 'source' });
    assert.equal((await a.post(`/api/v1/incidents/${source.id}/merge`, { targetIncidentId: target.id })).status, 200);
    const t = await a.post(`/api/v1/incidents/${source.id}/tasks`, { title: 'x' });
    assert.equal(t.status, 409);
    assert.equal((await a.put(`/api/v1/incidents/${source.id}/roles/commander`, { userId: alice.id })).status, 409);
    assert.equal((await a.post(`/api/v1/incidents/${source.id}/participants`, { userId: alice.id })).status, 409);

    const closed = await declare({ title: 'closed' });
    await a.post(`/api/v1/incidents/${closed.id}/resolve`);
    await a.post(`/api/v1/incidents/${closed.id}/close`);
    assert.equal((await a.post(`/api/v1/incidents/${closed.id}/tasks`, { title: 'Write the postmortem' })).status, 201);
  });

  it('adding a responder makes them a participant and asks the paging runner to page them', async () => {
    const inc = await declare();
    const r = await a.post(`/api/v1/incidents/${inc.id}/responders`, { userId: carol.id, message: 'DB expertise needed' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual({ userId: r.body.userId, name: r.body.name, reason: r.body.reason }, { userId: carol.id, name: 'Carol', reason: 'responder' });
    const entry = (await timeline(inc.id)).find((e) => e.action === 'responder.added');
    assert.deepEqual(entry?.data, { userId: carol.id, userName: 'Carol', message: 'DB expertise needed' });
    const rows = await ts.server.store.db.selectFrom('outbox').selectAll().where('incidentId', '=', inc.id).where('topic', '=', 'responder.requested').execute();
    assert.equal(rows.length, 1);
    const data = JSON.parse(rows[0]!.data);
    assert.equal(data.userId, carol.id);
    assert.equal(data.message, 'DB expertise needed');
    assert.equal(data.requestedBy.type, 'token');
  });

  it('participants decide who sees a restricted incident', async () => {
    const inc = await declare({ type: 'security', title: '不審なログイン' });
    assert.equal(inc.visibility, 'restricted');
    const asBob = api(ts.server.app, bob.token);
    assert.equal((await asBob.get(`/api/v1/incidents/${inc.id}`)).status, 404);
    assert.equal((await asBob.get(`/api/v1/incidents/${inc.id}/participants`)).status, 404);
    assert.equal((await asBob.post(`/api/v1/incidents/${inc.id}/tasks`, { title: 'x' })).status, 404);
    assert.equal((await asBob.patch(`/api/v1/incidents/${inc.id}/tasks/${newId()}`, { title: 'x' })).status, 404);

    const add = await a.post(`/api/v1/incidents/${inc.id}/participants`, { userId: bob.id });
    assert.equal(add.status, 201);
    assert.equal(add.body.reason, 'added');
    assert.equal((await a.post(`/api/v1/incidents/${inc.id}/participants`, { userId: bob.id })).status, 200);
    assert.equal((await asBob.get(`/api/v1/incidents/${inc.id}`)).status, 200);
    const names = (await participants(inc.id, asBob)).map((p) => p.name);
    assert.deepEqual(names, ['Administrator', 'Bob']);

    const del = await a.delete(`/api/v1/incidents/${inc.id}/participants/${bob.id}`);
    assert.equal(del.status, 204);
    assert.equal((await asBob.get(`/api/v1/incidents/${inc.id}`)).status, 404);
    assert.equal((await a.delete(`/api/v1/incidents/${inc.id}/participants/${bob.id}`)).status, 404);
    const actions = (await timeline(inc.id)).map((e) => e.action);
    assert.deepEqual(actions.filter((x) => x.startsWith('participant.')), ['participant.added', 'participant.removed']);

    // A role holder stays a participant until the role is unassigned.
    await a.put(`/api/v1/incidents/${inc.id}/roles/tech_lead`, { userId: bob.id });
    assert.equal((await asBob.get(`/api/v1/incidents/${inc.id}`)).status, 200);
    const refused = await a.delete(`/api/v1/incidents/${inc.id}/participants/${bob.id}`);
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /tech_lead/);
  });

  it('pins and unpins a timeline entry without a timeline entry of its own, audited', async () => {
    const inc = await declare();
    const note = await a.post(`/api/v1/incidents/${inc.id}/notes`, { body: 'Replica promoted at 09:05' });
    const count = (await timeline(inc.id)).length;
    const pin = await a.patch(`/api/v1/incidents/${inc.id}/timeline/${note.body.id}`, { pinned: true });
    assert.equal(pin.status, 200, JSON.stringify(pin.body));
    assert.equal(pin.body.pinned, true);
    assert.equal(pin.body.action, 'note.added');
    const items = await timeline(inc.id);
    assert.equal(items.length, count);
    assert.equal(items.find((e) => e.id === note.body.id).pinned, true);
    const unpin = await a.patch(`/api/v1/incidents/${inc.id}/timeline/${note.body.id}`, { pinned: false });
    assert.equal(unpin.body.pinned, false);
    const audit = await ts.server.store.db.selectFrom('auditLog').select(['action', 'after']).where('targetId', '=', inc.id).orderBy('seq').execute();
    assert.deepEqual(audit.filter((r) => r.action.startsWith('timeline.')).map((r) => r.action), ['timeline.pinned', 'timeline.unpinned']);

    const other = await declare();
    assert.equal((await a.patch(`/api/v1/incidents/${other.id}/timeline/${note.body.id}`, { pinned: true })).status, 404);
    assert.equal((await a.patch(`/api/v1/incidents/${inc.id}/timeline/${note.body.id}`, { pinned: 'yes' })).status, 400);
  });
});
