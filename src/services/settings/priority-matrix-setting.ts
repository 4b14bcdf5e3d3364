import { PriorityMatrixSetting } from '../../contracts/settings.js';
import type { PriorityMatrix } from '../../domain/incident/priority.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { getPriorityMatrix, setPriorityMatrix } from './priority-matrix.js';

/**
 * The API face of the priority matrix (`{ matrix }`): reading needs only `incident.read` (every screen
 * that shows a priority explains it); the shape is checked here so a bad matrix is a 400 naming the
 * cell, before priority-matrix.ts stores it.
 */
export async function readPriorityMatrixSetting(ctx: ServiceContext): Promise<{ matrix: PriorityMatrix }> {
  authorize(ctx.actor, 'incident.read');
  return { matrix: await getPriorityMatrix(ctx.store.db) };
}

export async function updatePriorityMatrixSetting(ctx: ServiceContext, input: unknown): Promise<{ matrix: PriorityMatrix }> {
  authorize(ctx.actor, 'settings.manage');
  const body = parseInput(PriorityMatrixSetting, input);
  return { matrix: await setPriorityMatrix(ctx, body.matrix) };
}
