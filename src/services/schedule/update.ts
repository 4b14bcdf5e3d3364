import { UpdateScheduleBody } from '../../contracts/schedule.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Layer, MemberPeriod } from '../../domain/schedule/types.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { recordScheduleChanged } from './changed.js';
import { checkMembers, checkSchedule, problemsError } from './check.js';
import { appendMemberPeriod, layerFromInput, membersUnchanged, PENDING } from './layers.js';
import { firstHandoff, layerColumns, layerModel, loadSchedule, lockSchedule } from './model.js';
import { currentMembers, type ScheduleView, viewSchedule } from './view.js';

/**
 * The earliest member list counts from the rotation's first handoff at the latest: when a change of
 * rotation or zone moves handoff 0 earlier, the layer's first members cover it (nothing else moves).
 */
function anchorFirstPeriod(zone: string, layer: Layer): Layer {
  const first = firstHandoff(zone, layer.rotation);
  const members: MemberPeriod[] = layer.members.map((p) => (p.from === PENDING ? { ...p, from: first } : p));
  const earliest = members.reduce((m, p, i) => (Date.parse(p.from) < Date.parse(members[m]!.from) ? i : m), 0);
  if (members[earliest] && Date.parse(first) < Date.parse(members[earliest].from)) members[earliest] = { ...members[earliest], from: first };
  return { ...layer, members };
}

/**
 * Change a schedule. `layers` replaces the layers as a whole: a layer sent with its `id` is kept with
 * its member history, and a different `members` list applies from now (the past is never rewritten;
 * PUT …/layers/{layerId}/members chooses another instant); layers left out are removed; layers
 * without `id` are added. Changing a rotation or the zone re-computes that layer's handoffs.
 */
export async function updateSchedule(ctx: ServiceContext, id: string, input: unknown): Promise<ScheduleView> {
  authorize(ctx.actor, 'schedule.manage');
  const body = parseInput(UpdateScheduleBody, input);
  return inTransaction(ctx, async (t) => {
    await lockSchedule(t.tx, id);
    const { row, layers: stored } = await loadSchedule(t.tx, id);
    const before = await viewSchedule(t.tx, row, stored, t.now);
    const zone = body.timeZone ?? row.timeZone;
    const existing = new Map(stored.map((l) => [l.id, l]));

    let layers: Layer[];
    if (body.layers) {
      const problems: FieldProblem[] = [];
      const seen = new Map<string, number>();
      body.layers.forEach((l, i) => {
        if (l.id === undefined) return;
        if (!existing.has(l.id)) problems.push({ field: `layers.${i}.id`, message: `schedule ${id} has no layer ${l.id}; leave id out to add a layer` });
        else if (seen.has(l.id)) problems.push({ field: `layers.${i}.id`, message: `layer ${l.id} is already listed as layers.${seen.get(l.id)}; list each layer once` });
        else seen.set(l.id, i);
      });
      if (problems.length) throw problemsError(problems);
      layers = body.layers.map((l) => {
        const kept = l.id !== undefined ? existing.get(l.id) : undefined;
        if (!kept) return layerFromInput(l, newId(), [{ from: PENDING, members: l.members }]);
        const old = layerModel(kept);
        const periods = membersUnchanged(currentMembers(row.timeZone, old, t.now), l.members)
          ? old.members
          : appendMemberPeriod(old.members, { from: t.now, members: l.members });
        return layerFromInput(l, kept.id, periods);
      });
    } else {
      layers = stored.map(layerModel);
    }
    checkSchedule({ timeZone: zone, layers, overrides: [] });
    layers = layers.map((l) => anchorFirstPeriod(zone, l));
    if (body.layers) {
      await checkMembers(
        t.tx,
        body.layers.map((l, i) => {
          const kept = l.id !== undefined ? existing.get(l.id) : undefined;
          const known = new Set(kept ? layerModel(kept).members.flatMap((p) => p.members) : []);
          return { members: l.members, field: (j: number) => `layers.${i}.members.${j}`, known };
        }),
      );
    }

    const keep = new Set(layers.map((l) => l.id));
    const removed = stored.filter((l) => !keep.has(l.id)).map((l) => l.id);
    if (removed.length) await t.tx.deleteFrom('scheduleLayer').where('id', 'in', removed).execute();
    const rows = layers.map((l, i) => {
      const old = existing.get(l.id);
      return { id: l.id, scheduleId: id, position: i + 1, ...layerColumns(l), createdAt: old?.createdAt ?? t.now, updatedAt: t.now };
    });
    for (const r of rows) {
      if (existing.has(r.id)) {
        const { id: layerId, scheduleId: _s, createdAt: _c, ...changes } = r;
        await t.tx.updateTable('scheduleLayer').set(changes).where('id', '=', layerId).execute();
      } else {
        await t.tx.insertInto('scheduleLayer').values(r).execute();
      }
    }
    const after = {
      ...row,
      name: body.name ?? row.name,
      description: body.description ?? row.description,
      timeZone: zone,
      updatedAt: t.now,
    };
    await t.tx
      .updateTable('schedule')
      .set({ name: after.name, description: after.description, timeZone: after.timeZone, updatedAt: t.now })
      .where('id', '=', id)
      .execute();
    const view = await viewSchedule(t.tx, after, rows, t.now);
    await recordAudit(t, { action: 'schedule.updated', targetType: 'schedule', targetId: id, before, after: view });
    await recordScheduleChanged(t, id);
    return view;
  });
}
