import { UpdateIncidentBody } from '../../contracts/incident.js';
import { forbidden, validation } from '../../domain/errors.js';
import { priorityOf } from '../../domain/incident/priority.js';
import { incidentSearchText } from '../../domain/text/search.js';
import type { Level } from '../../domain/incident/types.js';
import { findIncidentRow, impactedServiceIds, setImpactedServices } from '../../store/queries/incident.js';
import type { IncidentTable } from '../../store/schema.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { getPriorityMatrix } from '../settings/priority-matrix.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireServices } from '../shared/exists.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { appendTimeline } from '../shared/timeline.js';
import { loadVisibleIncident } from './access.js';
import { type IncidentView, viewIncident } from './view.js';

type Change = { from: unknown; to: unknown };

/** Fields whose change gets a timeline action of its own; the rest are `incident.updated`. */
const OWN_ACTION: Record<string, string> = {
  severity: 'incident.severity_changed',
  priority: 'incident.priority_changed',
  type: 'incident.type_changed',
  visibility: 'incident.visibility_changed',
  coordinationUrl: 'incident.coordination_link_changed',
};

/** PATCH an incident: triage (type, severity, impact × urgency → priority), text, services, links. */
export async function updateIncident(ctx: ServiceContext, id: string, input: unknown): Promise<IncidentView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseInput(UpdateIncidentBody, input);
  return inTransaction(ctx, async (t) => {
    const { tx } = t;
    const { row } = await loadVisibleIncident(tx, t.actor, id);
    if (body.serviceId) await requireServices(tx, 'serviceId', [body.serviceId]);
    if (body.impactedServiceIds) await requireServices(tx, 'impactedServiceIds', body.impactedServiceIds);
    if (body.visibility === 'public' && row.visibility === 'restricted' && !(t.actor.role === 'owner' || t.actor.inSecurityTeam || t.actor.type === 'system')) {
      throw forbidden('only owners and security-team members can make a restricted incident public');
    }
    const set: Partial<IncidentTable> = {};
    const changes: Record<string, Change> = {};
    const note = <K extends keyof IncidentTable>(field: K, to: IncidentTable[K] | undefined, apiField: string = field) => {
      if (to === undefined || to === row[field]) return;
      set[field] = to;
      changes[apiField] = { from: row[field], to };
    };
    note('title', body.title);
    note('description', body.description);
    note('type', body.type);
    note('severity', body.severity);
    // Escalating an inquiry or outage into a security incident restricts it unless the caller says
    // otherwise: restricted is the default for security incidents (SPEC §4.2).
    const becomesSecurity = body.type === 'security' && row.type !== 'security';
    note('visibility', body.visibility ?? (becomesSecurity ? 'restricted' : undefined));
    note('serviceId', body.serviceId);
    note('coordinationUrl', body.coordinationUrl);
    if (body.startedAt !== undefined) {
      const startedAt = new Date(body.startedAt).toISOString();
      if (startedAt > t.now) throw validation('startedAt', 'the impact cannot start in the future');
      note('startedAt', startedAt);
    }
    if (body.assessment !== undefined) note('assessment', JSON.stringify(body.assessment));
    const impact = (body.impact ?? row.impact) as Level;
    const urgency = (body.urgency ?? row.urgency) as Level;
    note('impact', impact);
    note('urgency', urgency);
    if (impact !== row.impact || urgency !== row.urgency) note('priority', priorityOf(await getPriorityMatrix(tx), impact, urgency));

    let impactedChanged = false;
    if (body.impactedServiceIds !== undefined || body.serviceId) {
      const current = (await impactedServiceIds(tx, [id])).get(id) ?? [];
      const primary = body.serviceId ?? row.serviceId;
      const next = [...new Set([...(primary ? [primary] : []), ...(body.impactedServiceIds ?? current)])];
      if (next.slice().sort().join() !== current.slice().sort().join()) {
        await setImpactedServices(tx, id, next);
        changes.impactedServiceIds = { from: current, to: next };
        impactedChanged = true;
      }
    }
    if (Object.keys(set).length === 0 && !impactedChanged) return viewIncident(tx, row);
    if (set.title !== undefined || set.description !== undefined) {
      set.searchText = incidentSearchText(set.title ?? row.title, set.description ?? row.description);
    }

    await tx.updateTable('incident').set({ ...set, updatedAt: t.now }).where('id', '=', id).execute();
    const general: Record<string, Change> = {};
    for (const [field, change] of Object.entries(changes)) {
      const shown = field === 'assessment' ? { from: JSON.parse(String(change.from)), to: JSON.parse(String(change.to)) } : change;
      const action = OWN_ACTION[field];
      if (action) await appendTimeline(t, id, action, shown);
      else general[field] = shown;
    }
    if (Object.keys(general).length) await appendTimeline(t, id, 'incident.updated', { changes: general });
    await recordAudit(t, {
      action: 'incident.updated',
      targetType: 'incident',
      targetId: id,
      before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.from])),
      after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])),
    });
    await recordOutbox(t, 'incident.updated', id, { incidentId: id, fields: Object.keys(changes) });
    return viewIncident(tx, (await findIncidentRow(tx, id))!);
  });
}
