import { type ServiceIngestConfig, ingestConfigOf } from '../../domain/ingest/config.js';
import type { PriorityMatrix } from '../../domain/incident/priority.js';
import type { AlertEvent } from '../../ingest/event.js';
import type { TxContext } from '../context.js';
import { evaluateRules, type EventRule, type RuleOutcome, type RuleReason } from '../../domain/ingest/rules.js';
import { loadEnabledRules } from '../event-rule/load-enabled.js';
import { activeMaintenance } from '../maintenance-window/active-for.js';
import type { KeyedIntegration } from './integration-actor.js';
import { EventLog } from './record-event.js';
import { getPriorityMatrix } from '../settings/priority-matrix.js';

/** What the event rules did to one event (domain/ingest/rules.ts). */
export type RuleEffects = Omit<RuleOutcome<AlertEvent>, 'matched' | 'disposition' | 'reason'> & {
  /** Which rules matched and decided what (stored on the alert), or null when none matched. */
  matched: RuleReason | null;
};

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
  private rules: Promise<EventRule[]> | null = null;

  private integrations = new Map<string, KeyedIntegration>();
  /** Event rows of the batch, written together before the commit. */
  readonly eventLog = new EventLog();

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

  /**
   * The event rules' verdict (global rules, then the service's). Triggers get every action;
   * acknowledge/resolve only the routing and re-keying, so they find the alert their trigger made
   * (a drop or suppress rule must not leave an alert open forever).
   */
  async evaluate(serviceId: string, event: AlertEvent): Promise<RuleEffects> {
    this.rules ??= loadEnabledRules(this.t.tx);
    const rules = await this.rules;
    if (rules.length === 0) return noRules(serviceId, event);
    const o = evaluateRules(rules, serviceId, event);
    if (o.matched.length === 0) return noRules(serviceId, event);
    const trigger = event.action === 'trigger';
    return {
      event: trigger ? o.event : { ...event, dedupKey: o.event.dedupKey },
      serviceId: o.serviceId,
      matched: o.reason,
      drop: trigger ? o.drop : null,
      suppress: trigger ? o.suppress : null,
      priority: o.priority,
      incidentSeverity: o.incidentSeverity,
      incidentType: o.incidentType,
      notes: o.notes,
      routedBy: o.routedBy,
    };
  }

  maintenanceOf(serviceId: string): Promise<ActiveMaintenance | null> {
    let p = this.maintenance.get(serviceId);
    if (!p) {
      p = activeMaintenance(this.t.tx, [serviceId], this.t.now).then((m) => m.get(serviceId) ?? null);
      this.maintenance.set(serviceId, p);
    }
    return p;
  }
}

function noRules(serviceId: string, event: AlertEvent): RuleEffects {
  return { event, serviceId, matched: null, drop: null, suppress: null, priority: null, incidentSeverity: null, incidentType: null, notes: [], routedBy: null };
}
