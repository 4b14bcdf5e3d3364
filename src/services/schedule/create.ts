import { CreateScheduleBody } from '../../contracts/schedule.js';
import type { Layer } from '../../domain/schedule/types.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { recordScheduleChanged } from './changed.js';
import { checkMembers, checkSchedule } from './check.js';
import { layerFromInput, PENDING } from './layers.js';
import { firstHandoff, layerColumns } from './model.js';
import { type ScheduleView, viewSchedule } from './view.js';

/**
 * Create a schedule. Each layer's members form one member period from the rotation's first handoff
 * (`members[0]` is on call from it); later changes append periods (set-members.ts).
 */
export async function createSchedule(ctx: ServiceContext, input: unknown): Promise<ScheduleView> {
  authorize(ctx.actor, 'schedule.manage');
  const body = parseInput(CreateScheduleBody, input);
  const drafts = body.layers.map((l) => layerFromInput(l, newId(), [{ from: PENDING, members: l.members }]));
  checkSchedule({ timeZone: body.timeZone, layers: drafts, overrides: [] });
  const layers: Layer[] = drafts.map((l) => ({ ...l, members: [{ from: firstHandoff(body.timeZone, l.rotation), members: l.members[0]!.members }] }));
  return inTransaction(ctx, async (t) => {
    await checkMembers(
      t.tx,
      body.layers.map((l, i) => ({ members: l.members, field: (j: number) => `layers.${i}.members.${j}` })),
    );
    const row = { id: newId(), name: body.name, description: body.description ?? '', timeZone: body.timeZone, createdAt: t.now, updatedAt: t.now };
    await t.tx.insertInto('schedule').values(row).execute();
    const layerRows = layers.map((l, i) => ({ id: l.id, scheduleId: row.id, position: i + 1, ...layerColumns(l), createdAt: t.now, updatedAt: t.now }));
    await t.tx.insertInto('scheduleLayer').values(layerRows).execute();
    const view = await viewSchedule(t.tx, row, layerRows, t.now);
    await recordAudit(t, { action: 'schedule.created', targetType: 'schedule', targetId: row.id, after: view });
    await recordScheduleChanged(t, row.id);
    return view;
  });
}
