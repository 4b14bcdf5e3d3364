import { sha256Hex } from '../../platform/ids.js';
import type { TxContext } from '../context.js';
import { applyEvent } from './apply-event.js';
import type { BatchState } from './batch-state.js';
import { applySnapshot } from './group-snapshot.js';
import { markMissed, recordPing } from './heartbeat.js';
import { attachAlerts } from './incident-from-alert.js';
import { integrationActor, type KeyedIntegration } from './integration-actor.js';
import type { EventResult, IngestJob, JobResult, JobScope } from './job.js';

/** Apply one request's events in order, acting as its integration (the timeline's actor). */
export async function applyJob(t: TxContext, state: BatchState, integration: KeyedIntegration, job: IngestJob): Promise<JobResult> {
  const jt: TxContext = { ...t, actor: integrationActor(integration), requestId: job.requestId, wroteOutbox: false };
  const scope: JobScope = { joins: new Map(), groupIncidents: new Map() };
  const flushJoins = async () => {
    for (const [incidentId, alerts] of scope.joins) await attachAlerts(jt, incidentId, alerts);
    scope.joins.clear();
  };
  let events: EventResult[] = [];
  if (job.group) {
    events = await applySnapshot(jt, state, integration, job, job.group, sha256Hex(job.group.key), scope, flushJoins);
  } else {
    const extra = job.heartbeat ? await heartbeatEvent(jt, integration, job.heartbeat) : null;
    for (const event of extra ? [...job.events, extra] : job.events) {
      // Joins wait for the end of the job, but never past a change of state that could finish their incident.
      if (event.action !== 'trigger') await flushJoins();
      events.push(await applyEvent(jt, state, integration, job, event, null, scope));
    }
  }
  await flushJoins();
  if (jt.wroteOutbox) t.wroteOutbox = true;
  return { integration, events };
}

function heartbeatEvent(t: TxContext, integration: KeyedIntegration, h: NonNullable<IngestJob['heartbeat']>) {
  return h.kind === 'ping' ? recordPing(t, integration.id) : markMissed(t, integration.id, integration.name, h.dueAt);
}
