import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { normalizeForSearch } from '../../domain/text/search.js';
import { prepared } from '../prepared.js';
import type { Database, IncidentTable } from '../schema.js';

type Ex = Kysely<Database> | Transaction<Database>;
export type IncidentRow = Selectable<IncidentTable>;

export function findIncidentRow(ex: Ex, id: string): Promise<IncidentRow | undefined> {
  return ex.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Next human number (INC-n). The counter row is locked by the UPDATE until the transaction ends. */
const bumpCounter = prepared((ex, a: { name: string }) =>
  ex
    .updateTable('counter')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', a.name)
    .returning('value'),
);

export async function nextIncidentNumber(tx: Transaction<Database>): Promise<number> {
  const { rows } = await bumpCounter(tx, { name: 'incident_number' });
  return Number(rows[0]!.value);
}

export async function isParticipant(ex: Ex, incidentId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const row = await ex
    .selectFrom('incidentParticipant')
    .select('userId')
    .where('incidentId', '=', incidentId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Add a participant once; the first reason is kept. */
export async function addParticipant(tx: Transaction<Database>, incidentId: string, userId: string, reason: string, at: string): Promise<void> {
  await tx
    .insertInto('incidentParticipant')
    .values({ incidentId, userId, reason, addedAt: at })
    .onConflict((oc) => oc.columns(['incidentId', 'userId']).doNothing())
    .execute();
}

export async function impactedServiceIds(ex: Ex, incidentIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (incidentIds.length === 0) return out;
  const rows = await ex.selectFrom('incidentService').select(['incidentId', 'serviceId']).where('incidentId', 'in', incidentIds).execute();
  for (const r of rows) out.set(r.incidentId, [...(out.get(r.incidentId) ?? []), r.serviceId]);
  return out;
}

export async function setImpactedServices(tx: Transaction<Database>, incidentId: string, serviceIds: string[]): Promise<void> {
  await tx.deleteFrom('incidentService').where('incidentId', '=', incidentId).execute();
  const unique = [...new Set(serviceIds)];
  if (unique.length) await tx.insertInto('incidentService').values(unique.map((serviceId) => ({ incidentId, serviceId }))).execute();
}

export interface RoleHolder {
  incidentId: string;
  role: string;
  userId: string;
  name: string;
  assignedAt: string;
}

export function roleHolders(ex: Ex, incidentIds: string[]): Promise<RoleHolder[]> {
  if (incidentIds.length === 0) return Promise.resolve([]);
  return ex
    .selectFrom('incidentRole')
    .innerJoin('appUser', 'appUser.id', 'incidentRole.userId')
    .select(['incidentRole.incidentId', 'incidentRole.role', 'incidentRole.userId', 'appUser.name', 'incidentRole.assignedAt'])
    .where('incidentRole.incidentId', 'in', incidentIds)
    .execute();
}

export async function actorNames(ex: Ex, rows: { createdByType: string; createdById: string | null }[]): Promise<Map<string, string>> {
  const users = rows.filter((r) => r.createdByType === 'user' && r.createdById).map((r) => r.createdById!);
  const tokens = rows.filter((r) => r.createdByType === 'token' && r.createdById).map((r) => r.createdById!);
  const integrations = rows.filter((r) => r.createdByType === 'integration' && r.createdById).map((r) => r.createdById!);
  const out = new Map<string, string>();
  if (users.length) for (const u of await ex.selectFrom('appUser').select(['id', 'name']).where('id', 'in', users).execute()) out.set(u.id, u.name);
  if (tokens.length) {
    const rows = await ex.selectFrom('apiToken').innerJoin('appUser', 'appUser.id', 'apiToken.userId').select(['apiToken.id', 'apiToken.name', 'appUser.name as userName']).where('apiToken.id', 'in', tokens).execute();
    for (const t of rows) out.set(t.id, `${t.userName} (${t.name})`);
  }
  if (integrations.length)
    for (const i of await ex.selectFrom('integration').select(['id', 'name']).where('id', 'in', integrations).execute()) out.set(i.id, i.name);
  return out;
}

export interface IncidentFilter {
  statuses?: string[];
  serviceId?: string;
  type?: string;
  severity?: string;
  priority?: string;
  visibility?: string;
  q?: string;
  number?: number;
  updatedSince?: string;
  /** Keyset cursor: rows strictly older than (createdAt, id). */
  before?: { createdAt: string; id: string };
  limit: number;
  /** Restricted incidents are included only for these viewers (SPEC §4.2). */
  viewer: { userId: string | null; seesAllRestricted: boolean };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Newest first. Restricted incidents the viewer may not see are filtered in SQL, so counts agree. */
export function listIncidentRows(ex: Ex, f: IncidentFilter): Promise<IncidentRow[]> {
  return listIncidentQuery(ex, f).execute();
}

/** The list query itself (tests EXPLAIN it on both databases). */
export function listIncidentQuery(ex: Ex, f: IncidentFilter) {
  let q = ex.selectFrom('incident').selectAll('incident');
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.serviceId) {
    const sid = f.serviceId;
    q = q.where((eb) =>
      eb.or([
        eb('serviceId', '=', sid),
        eb.exists(eb.selectFrom('incidentService as s').select('s.serviceId').whereRef('s.incidentId', '=', 'incident.id').where('s.serviceId', '=', sid)),
      ]),
    );
  }
  if (f.type) q = q.where('type', '=', f.type);
  if (f.severity) q = q.where('severity', '=', f.severity);
  if (f.priority) q = q.where('priority', '=', f.priority);
  if (f.visibility) q = q.where('visibility', '=', f.visibility);
  if (f.updatedSince) q = q.where('updatedAt', '>=', f.updatedSince);
  if (f.q) {
    // Substring match on normalised text: no word segmentation, so 「決済」 finds 「決済APIの遅延」, and
    // NFKC + lower case on both sides make ＡＰＩ/API/api and ｹｯｻｲ/ケッサイ find each other.
    const pattern = `%${escapeLike(normalizeForSearch(f.q))}%`;
    const num = f.number;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('searchText')} like ${pattern} escape '\\'`,
        ...(num !== undefined ? [eb('number', '=', num)] : []),
      ]),
    );
  }
  if (!f.viewer.seesAllRestricted) {
    const uid = f.viewer.userId;
    q = q.where((eb) =>
      eb.or([
        eb('visibility', '=', 'public'),
        ...(uid
          ? [
              eb.exists(
                eb.selectFrom('incidentParticipant as p').select('p.userId').whereRef('p.incidentId', '=', 'incident.id').where('p.userId', '=', uid),
              ),
            ]
          : []),
      ]),
    );
  }
  if (f.before) {
    const { createdAt, id } = f.before;
    q = q.where((eb) => eb.or([eb('createdAt', '<', createdAt), eb.and([eb('createdAt', '=', createdAt), eb('id', '<', id)])]));
  }
  return q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(f.limit);
}
