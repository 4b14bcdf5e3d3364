import { DEFAULT_INTEGRATION_RATE } from '../../domain/ingest/config.js';
import { RateLimiter } from '../../platform/rate-limit.js';
import { integrationSettings } from '../service/view.js';
import { IngestPipeline, type PipelineDeps } from './pipeline.js';
import type { IngestJob, JobResult } from './job.js';

/**
 * The front door of alert ingestion, shared by every intake endpoint (HTTP, SMTP, heartbeats): rate
 * limits, then the group-commit pipeline. A job's promise settles after its transaction commits.
 */
export class Intake {
  readonly pipeline: IngestPipeline;
  private readonly limiter: RateLimiter;
  /** Each key's configured rate, learnt from the pipeline's lookups (the default until then). */
  private readonly rates = new Map<string, number>();

  constructor(deps: PipelineDeps & { globalRateLimit: number }) {
    this.pipeline = new IngestPipeline(deps);
    this.limiter = new RateLimiter(deps.clock, deps.globalRateLimit, DEFAULT_INTEGRATION_RATE);
  }

  /** Take `events` from the key's budget: null when admitted, else the seconds to put in Retry-After. */
  admit(key: string, events: number): number | null {
    return this.limiter.take(key, Math.max(1, events), this.rates.get(key));
  }

  async submit(job: IngestJob): Promise<JobResult> {
    const result = await this.pipeline.submit(job);
    this.rates.set(job.key, integrationSettings(result.integration.config ?? '{}').rateLimitPerSecond);
    return result;
  }
}

