import type { Executor } from '../context.js';
import type { Cursor } from '../shared/cursor.js';
import type { AlertRow } from './view.js';

export interface AlertFilter {
  serviceId?: string;
  integrationId?: string;
  incidentId?: string;
  statuses?: string[];
  /** Keyset cursor: rows strictly after (lastSeenAt, id) in newest-first order. */
  before?: Cursor;
  limit: number;
  /** Alerts of restricted incidents appear only for viewers who see the incident (SPEC §4.2). */
  viewer: { userId: string | null; seesAllRestricted: boolean };
}

/** Newest `lastSeenAt` first. The visibility filter is in SQL so pages stay full and counts agree. */
export function listAlertRows(ex: Executor, f: AlertFilter): Promise<AlertRow[]> {
  let q = ex.selectFrom('alert').selectAll('alert');
  if (f.serviceId) q = q.where('alert.serviceId', '=', f.serviceId);
  if (f.integrationId) q = q.where('alert.integrationId', '=', f.integrationId);
  if (f.incidentId) q = q.where('alert.incidentId', '=', f.incidentId);
  if (f.statuses?.length) q = q.where('alert.status', 'in', f.statuses);
  if (!f.viewer.seesAllRestricted) {
    const uid = f.viewer.userId;
    q = q.where((eb) =>
      eb.or([
        eb('alert.incidentId', 'is', null),
        eb.exists(
          eb
            .selectFrom('incident as i')
            .select('i.id')
            .whereRef('i.id', '=', 'alert.incidentId')
            .where((e) =>
              e.or([
                e('i.visibility', '=', 'public'),
                ...(uid
                  ? [e.exists(e.selectFrom('incidentParticipant as p').select('p.userId').whereRef('p.incidentId', '=', 'i.id').where('p.userId', '=', uid))]
                  : []),
              ]),
            ),
        ),
      ]),
    );
  }
  if (f.before) {
    const { createdAt: lastSeenAt, id } = f.before;
    q = q.where((eb) => eb.or([eb('alert.lastSeenAt', '<', lastSeenAt), eb.and([eb('alert.lastSeenAt', '=', lastSeenAt), eb('alert.id', '<', id)])]));
  }
  return q.orderBy('alert.lastSeenAt', 'desc').orderBy('alert.id', 'desc').limit(f.limit).execute();
}
