import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import * as changeEvents from './2026-11-22-1500-change-events.js';
import * as core from './2026-11-22-1300-core.js';
import * as ingest from './2026-11-22-1700-ingest.js';
import * as jobs from './2026-11-22-1900-jobs.js';
import * as notifications from './2026-11-22-1910-notifications.js';
import * as oncall from './2026-11-22-1920-oncall.js';
import * as quietHours from './2026-11-22-2000-quiet-hours.js';
import * as statusPages from './2026-11-22-2100-status-pages.js';

export interface PortableMigration {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/**
 * Every migration, by timestamp name. Listed in code (not read from disk) so the build output is
 * self-contained. Never edit a migration that has landed: add a new one.
 */
export const migrations: Record<string, PortableMigration> = {
  '2026-11-22-1300-core': core,
  '2026-11-22-1500-change-events': changeEvents,
  '2026-11-22-1700-ingest': ingest,
  '2026-11-22-1900-jobs': jobs,
  '2026-11-22-1910-notifications': notifications,
  '2026-11-22-1920-oncall': oncall,
  '2026-11-22-2000-quiet-hours': quietHours,
  '2026-11-22-2100-status-pages': statusPages,
};
