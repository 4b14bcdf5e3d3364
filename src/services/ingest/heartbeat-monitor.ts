import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../store/db.js';
import type { IngestPipeline } from './pipeline.js';

/**
 * Finds armed heartbeats whose ping is overdue and turns each into a trigger (through the pipeline,
 * so the alert, its incident and the state change commit together). The state lives in the database:
 * after a restart, or on another instance, the next sweep picks up where this one stopped, and the
 * conditional update in markMissed makes a duplicate sweep harmless.
 */
export class HeartbeatMonitor {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly pipeline: IngestPipeline,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  start(everyMs = 15_000): void {
    this.timer ??= setInterval(() => {
      this.sweep().catch(this.onError);
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass; returns how many overdue heartbeats were handed to the pipeline. */
  async sweep(): Promise<number> {
    const now = this.clock.now().toISOString();
    const due = await this.store.db
      .selectFrom('heartbeat')
      .innerJoin('integration', 'integration.id', 'heartbeat.integrationId')
      .select(['integration.key', 'heartbeat.dueAt'])
      .where('heartbeat.enabled', '=', 1)
      .where('heartbeat.state', '!=', 'down')
      .where('heartbeat.dueAt', '<=', now)
      .orderBy('heartbeat.dueAt')
      .limit(500)
      .execute();
    await Promise.all(due.map((d) => this.pipeline.submit({ key: d.key, type: '*', events: [], heartbeat: { kind: 'missed', dueAt: d.dueAt! }, requestId: null })));
    return due.length;
  }
}
