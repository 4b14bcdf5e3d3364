import { conflict } from '../../domain/errors.js';
import type { IncidentRow } from '../../store/queries/incident.js';
import type { TxContext } from '../context.js';
import { loadVisibleIncident } from './access.js';

/**
 * Load an incident for a collaboration change (roles, tasks, participants, responders).
 *
 * Only `merged` incidents refuse these changes (409): their response continues on the incident they
 * were merged into. `closed`, `resolved` and `declined` incidents accept them, because follow-up work
 * (a task to clean up, a scribe finishing the record) happens after the response ends.
 */
export async function loadIncidentForCollaboration(t: TxContext, id: string): Promise<IncidentRow> {
  const { row } = await loadVisibleIncident(t.tx, t.actor, id);
  if (row.status === 'merged') {
    throw conflict(`the incident was merged into ${row.mergedIntoId}; make this change there`, { status: row.status, mergedIntoId: row.mergedIntoId });
  }
  return row;
}

/** Every change to an incident's collaboration state moves its updatedAt. */
export async function touchIncident(t: TxContext, id: string): Promise<void> {
  await t.tx.updateTable('incident').set({ updatedAt: t.now }).where('id', '=', id).execute();
}
