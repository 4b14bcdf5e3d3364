import type { z } from 'zod';
import type { SendStakeholderUpdateBody } from '../../contracts/stakeholder.js';
import { usableZone } from '../../notify/render/time.js';
import type { IncidentRow } from '../../store/queries/incident.js';
import type { Actor, Executor } from '../context.js';
import type { AssessmentFacts, StakeholderFacts } from './templates.js';

type Body = z.output<typeof SendStakeholderUpdateBody>;

/** The installation's zone when the sender has none (a token of the system, an integration). */
const DEFAULT_ZONE = 'UTC';

/**
 * Times are written in the sender's zone (the recipients are colleagues of one organisation, and the
 * zone's name is printed beside every time), or UTC.
 */
export async function senderZone(ex: Executor, actor: Actor): Promise<string> {
  if (!actor.userId) return DEFAULT_ZONE;
  const u = await ex.selectFrom('appUser').select('timeZone').where('id', '=', actor.userId).executeTakeFirst();
  return usableZone(u?.timeZone ?? DEFAULT_ZONE);
}

/** Which update this is for the incident: 1 for the first (第1報). */
export async function nextSequence(ex: Executor, incidentId: string): Promise<number> {
  const r = await ex
    .selectFrom('stakeholderUpdate')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incidentId', '=', incidentId)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

/** What the templates need to know about the incident, read in the caller's transaction. */
export async function loadStakeholderFacts(
  ex: Executor,
  opts: { actor: Actor; publicUrl: string; incident: IncidentRow; body: Body; sequence: number },
): Promise<StakeholderFacts> {
  const inc = opts.incident;
  const serviceIds = new Set<string>(inc.serviceId ? [inc.serviceId] : []);
  for (const r of await ex.selectFrom('incidentService').select('serviceId').where('incidentId', '=', inc.id).execute()) serviceIds.add(r.serviceId);
  const services = serviceIds.size ? await ex.selectFrom('service').select(['id', 'name']).where('id', 'in', [...serviceIds]).execute() : [];
  // Primary service first, then by name.
  services.sort((a, b) => (a.id === inc.serviceId ? -1 : b.id === inc.serviceId ? 1 : a.name.localeCompare(b.name)));
  const commander = await ex
    .selectFrom('incidentRole')
    .innerJoin('appUser', 'appUser.id', 'incidentRole.userId')
    .select('appUser.name')
    .where('incidentRole.incidentId', '=', inc.id)
    .where('incidentRole.role', '=', 'commander')
    .executeTakeFirst();
  const latest = await ex
    .selectFrom('statusUpdate')
    .innerJoin('statusIncident', 'statusIncident.id', 'statusUpdate.statusIncidentId')
    .select(['statusUpdate.status', 'statusUpdate.body', 'statusUpdate.createdAt'])
    .where('statusIncident.incidentId', '=', inc.id)
    .orderBy('statusUpdate.createdAt', 'desc')
    .orderBy('statusUpdate.id', 'desc')
    .executeTakeFirst();
  const b = opts.body;
  return {
    incident: {
      id: inc.id,
      number: inc.number,
      title: inc.title,
      type: inc.type,
      status: inc.status,
      severity: inc.severity,
      impact: inc.impact,
      startedAt: inc.startedAt,
      acknowledgedAt: inc.acknowledgedAt,
      resolvedAt: inc.resolvedAt,
      assessment: parseAssessment(inc.assessment),
    },
    sequence: opts.sequence,
    format: b.format,
    impact: b.impact || null,
    status: b.status || null,
    message: b.message || null,
    nextUpdateAt: b.nextUpdateAt ? new Date(b.nextUpdateAt).toISOString() : null,
    latestPublicUpdate: latest ? { status: latest.status, body: latest.body, at: latest.createdAt } : null,
    serviceNames: services.map((s) => s.name),
    commander: commander?.name ?? null,
    zone: await senderZone(ex, opts.actor),
    incidentUrl: `${opts.publicUrl.replace(/\/+$/, '')}/incidents/${inc.id}`,
  };
}

function parseAssessment(json: string): AssessmentFacts {
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    const out: AssessmentFacts = {};
    if (v.scope === 'internal' || v.scope === 'external' || v.scope === 'both') out.scope = v.scope;
    if (typeof v.customerExperience === 'string') out.customerExperience = v.customerExperience;
    if (v.customersAffected === 'none' || v.customersAffected === 'some' || v.customersAffected === 'all' || v.customersAffected === 'unknown') {
      out.customersAffected = v.customersAffected;
    }
    if (typeof v.customerCount === 'number') out.customerCount = v.customerCount;
    return out;
  } catch {
    return {};
  }
}
