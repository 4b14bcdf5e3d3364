import { CreateStakeholderAudienceBody } from '../../contracts/stakeholder.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { checkAudience, requireFreeName, type StakeholderAudienceView, uniqueEmails, viewAudience } from './audience-view.js';

/** A stakeholder audience; `all_employees` writes to every active user unless told otherwise. */
export async function createAudience(ctx: ServiceContext, input: unknown): Promise<StakeholderAudienceView> {
  authorize(ctx.actor, 'settings.manage');
  const body = parseInput(CreateStakeholderAudienceBody, input);
  const allUsers = body.allUsers ?? body.kind === 'all_employees';
  const userIds = [...new Set(body.userIds ?? [])];
  const emails = uniqueEmails(body.emails ?? []);
  return inTransaction(ctx, async (t) => {
    await checkAudience(t.tx, { allUsers, userIds, emails });
    await requireFreeName(t.tx, body.name, null);
    const row = {
      id: newId(),
      name: body.name,
      kind: body.kind,
      language: body.language,
      allUsers: allUsers ? 1 : 0,
      userIds: JSON.stringify(userIds),
      emails: JSON.stringify(emails),
      createdAt: t.now,
      updatedAt: t.now,
    };
    await t.tx.insertInto('stakeholderAudience').values(row).execute();
    const view = viewAudience(row);
    await recordAudit(t, { action: 'stakeholder_audience.created', targetType: 'stakeholder_audience', targetId: row.id, after: view });
    return view;
  });
}
