import { z } from 'zod';
import { authorize } from '../shared/authorize.js';
import { DEFAULT_PRIORITY_MATRIX, type PriorityMatrix } from '../../domain/incident/priority.js';
import { PRIORITIES } from '../../domain/incident/types.js';
import { type Executor, inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';

const P = z.enum(PRIORITIES);
const Row = z.tuple([P, P, P]);
export const PriorityMatrixSchema = z
  .tuple([Row, Row, Row])
  .describe('matrix[impact-1][urgency-1]; impact and urgency run 1 (highest) to 3')
  .meta({ id: 'PriorityMatrix' });

const KEY = 'priority_matrix';

export async function getPriorityMatrix(ex: Executor): Promise<PriorityMatrix> {
  const row = await ex.selectFrom('setting').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_PRIORITY_MATRIX;
  return PriorityMatrixSchema.parse(JSON.parse(row.value)) as PriorityMatrix;
}

/** Replace the impact × urgency → priority matrix. Existing incidents keep their priority. */
export async function setPriorityMatrix(ctx: ServiceContext, input: unknown): Promise<PriorityMatrix> {
  authorize(ctx.actor, 'settings.manage');
  const matrix = PriorityMatrixSchema.parse(input) as PriorityMatrix;
  return inTransaction(ctx, async (t) => {
    const before = await getPriorityMatrix(t.tx);
    const value = JSON.stringify(matrix);
    await t.tx
      .insertInto('setting')
      .values({ key: KEY, value, updatedAt: t.now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: t.now }))
      .execute();
    await recordAudit(t, { action: 'settings.priority_matrix_changed', targetType: 'setting', targetId: KEY, before, after: matrix });
    return matrix;
  });
}
