import { type ServiceIngestConfig, ingestConfigOf } from '../../domain/ingest/config.js';
import type { PriorityMatrix } from '../../domain/incident/priority.js';
import type { IncidentType, Priority, Severity } from '../../domain/incident/types.js';
import type { AlertEvent } from '../../ingest/event.js';
import type { TxContext } from '../context.js';
import type { KeyedIntegration } from './integration-actor.js';
import { getPriorityMatrix } from '../settings/priority-matrix.js';

/** What the event rules did to one event (domain/ingest/rules.ts). */
export interface RuleEffects {
  event: AlertEvent;
  serviceId: string;
  matched: unknown[];
  drop: { ruleId: string } | null;
  suppress: { ruleId: string } | null;
  priority: Priority | null;
  incidentSeverity: Severity | null;
  incidentType: IncidentType | null;
  notes: { ruleId: string; body: string }[];
  routedBy: string | null;
}

export interface ActiveMaintenance {
  id: string;
  name: string;
  endsAt: string;
}

/**
 * What one batch transaction reads once and reuses for every event in it: per-service settings,
 * the priority matrix, the event rules and the maintenance state. Configuration read inside the
 * transaction is as current as the batch's own writes.
 */
export class BatchState {
  private configs = new Map<string, Promise<ServiceIngestConfig>>();
  private maintenance = new Map<string, Promise<ActiveMaintenance | null>>();
  private matrix: Promise<PriorityMatrix> | null = null;

  private integrations = new Map<string, KeyedIntegration>();

  constructor(private readonly t: TxContext) {}

  /** Look up every key of the batch in one query. */
  async loadIntegrations(keys: string[]): Promise<void> {
    const wanted = [...new Set(keys)].filter((k) => /^[a-z0-9]{32}$/.test(k) && !this.integrations.has(k));
    if (wanted.length === 0) return;
    const rows = await this.t.tx.selectFrom('integration').select(['id', 'serviceId', 'type', 'name', 'key', 'config']).where('key', 'in', wanted).execute();
    for (const r of rows) this.integrations.set(r.key, { id: r.id, serviceId: r.serviceId, type: r.type, name: r.name, config: r.config });
  }

  integration(key: string): KeyedIntegration | null {
    return this.integrations.get(key) ?? null;
  }

  config(serviceId: string): Promise<ServiceIngestConfig> {
    let p = this.configs.get(serviceId);
    if (!p) {
      p = this.t.tx
        .selectFrom('service')
        .select('ingestConfig')
        .where('id', '=', serviceId)
        .executeTakeFirst()
        .then((r) => ingestConfigOf(r ? JSON.parse(r.ingestConfig) : {}));
      this.configs.set(serviceId, p);
    }
    return p;
  }

  priorityMatrix(): Promise<PriorityMatrix> {
    this.matrix ??= getPriorityMatrix(this.t.tx);
    return this.matrix;
  }

  async evaluate(serviceId: string, event: AlertEvent): Promise<RuleEffects> {
    return { event, serviceId, matched: [], drop: null, suppress: null, priority: null, incidentSeverity: null, incidentType: null, notes: [], routedBy: null };
  }

  maintenanceOf(serviceId: string): Promise<ActiveMaintenance | null> {
    let p = this.maintenance.get(serviceId);
    if (!p) {
      p = Promise.resolve(null);
      this.maintenance.set(serviceId, p);
    }
    return p;
  }
}
