import { UpdateStakeholderAudienceBody } from '../../contracts/stakeholder.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { checkAudience, loadAudience, requireFreeName, type StakeholderAudienceView, uniqueEmails, viewAudience } from './audience-view.js';

/** Change an audience; the result must still have someone to write to. Updates already sent keep their recipients. */
export async function updateAudience(ctx: ServiceContext, id: string, input: unknown): Promise<StakeholderAudienceView> {
  authorize(ctx.actor, 'settings.manage');
  const body = parseInput(UpdateStakeholderAudienceBody, input);
  return inTransaction(ctx, async (t) => {
    const before = viewAudience(await loadAudience(t.tx, id));
    const next = {
      name: body.name ?? before.name,
      kind: body.kind ?? before.kind,
      language: body.language ?? before.language,
      allUsers: body.allUsers ?? before.allUsers,
      userIds: body.userIds ? [...new Set(body.userIds)] : before.userIds,
      emails: body.emails ? uniqueEmails(body.emails) : before.emails,
    };
    await checkAudience(t.tx, next);
    if (next.name !== before.name) await requireFreeName(t.tx, next.name, id);
    await t.tx
      .updateTable('stakeholderAudience')
      .set({
        name: next.name,
        kind: next.kind,
        language: next.language,
        allUsers: next.allUsers ? 1 : 0,
        userIds: JSON.stringify(next.userIds),
        emails: JSON.stringify(next.emails),
        updatedAt: t.now,
      })
      .where('id', '=', id)
      .execute();
    const after = viewAudience(await loadAudience(t.tx, id));
    await recordAudit(t, { action: 'stakeholder_audience.updated', targetType: 'stakeholder_audience', targetId: id, before, after });
    return after;
  });
}
