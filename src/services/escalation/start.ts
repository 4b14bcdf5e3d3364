import type { PolicyShape } from '../../domain/escalation/policy.js';
import { scheduleJob } from '../../jobs/index.js';
import type { TxContext } from '../context.js';
import { policyShape } from '../escalation-policy/view.js';
import { appendTimeline } from '../shared/timeline.js';
import { ESCALATION_STEP, stepKey } from './kinds.js';

/**
 * A triggered incident starts its service's escalation policy (SPEC §4.4), in the transaction that
 * creates the incident: the policy is copied onto the incident (an edit later does not reshuffle a
 * page in flight) and level 1 is due at once. No policy: recorded, nobody is paged.
 */
export async function startEscalation(t: TxContext, incidentId: string, serviceId: string | null): Promise<void> {
  const service = serviceId ? await t.tx.selectFrom('service').select(['escalationPolicyId']).where('id', '=', serviceId).executeTakeFirst() : undefined;
  const policyRow = service?.escalationPolicyId
    ? await t.tx.selectFrom('escalationPolicy').select(['id', 'name', 'repeat', 'levels', 'ackTimeoutMinutes']).where('id', '=', service.escalationPolicyId).executeTakeFirst()
    : undefined;
  if (!policyRow) {
    // Worth saying only when a service exists and pages nobody; an incident without one is a choice.
    if (service) await appendTimeline(t, incidentId, 'escalation.none', { reason: 'the service has no escalation policy: nobody is paged' });
    return;
  }
  const policy: PolicyShape & { name: string } = { ...policyShape(policyRow), name: policyRow.name };
  await t.tx
    .insertInto('incidentEscalation')
    .values({ incidentId, policyId: policyRow.id, policy: JSON.stringify(policy), level: -1, pass: 0, status: 'active', generation: 0, startedAt: t.now, updatedAt: t.now })
    .onConflict((oc) => oc.column('incidentId').doNothing())
    .execute();
  await scheduleStep(t, incidentId, 0, 0, 0, t.now);
}

export async function scheduleStep(t: TxContext, incidentId: string, generation: number, pass: number, level: number, dueAt: string): Promise<void> {
  await scheduleJob(t.tx, { kind: ESCALATION_STEP, key: stepKey(incidentId, generation, pass, level), payload: { incidentId, generation, level, pass }, dueAt, now: t.now });
}
