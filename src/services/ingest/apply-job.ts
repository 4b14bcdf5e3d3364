import { sha256Hex } from '../../platform/ids.js';
import type { TxContext } from '../context.js';
import { applyEvent } from './apply-event.js';
import type { BatchState } from './batch-state.js';
import { markMissed, recordPing } from './heartbeat.js';
import { integrationActor, type KeyedIntegration } from './integration-actor.js';
import type { IngestJob, JobResult } from './job.js';
import { resolveAbsentMembers } from './group-snapshot.js';

/** Apply one request's events in order, acting as its integration (the timeline's actor). */
export async function applyJob(t: TxContext, state: BatchState, integration: KeyedIntegration, job: IngestJob): Promise<JobResult> {
  const jt: TxContext = { ...t, actor: integrationActor(integration), requestId: job.requestId, wroteOutbox: false };
  const groupKey = job.group ? sha256Hex(job.group.key) : null;
  const events = [];
  const extra = job.heartbeat ? await heartbeatEvent(jt, integration, job.heartbeat) : null;
  for (const event of extra ? [...job.events, extra] : job.events) events.push(await applyEvent(jt, state, integration, job, event, groupKey));
  if (job.group && groupKey) events.push(...(await resolveAbsentMembers(jt, integration, job.group, groupKey)));
  if (jt.wroteOutbox) t.wroteOutbox = true;
  return { integration, events };
}

function heartbeatEvent(t: TxContext, integration: KeyedIntegration, h: NonNullable<IngestJob['heartbeat']>) {
  return h.kind === 'ping' ? recordPing(t, integration.id) : markMissed(t, integration.id, integration.name, h.dueAt);
}
