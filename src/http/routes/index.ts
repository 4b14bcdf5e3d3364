import type { AppDeps } from '../deps.js';
import { healthRoutes } from './health.js';
import { incidentRoutes } from './incidents.js';
import { liveRoutes } from './live.js';
import { serviceRoutes } from './services.js';
import type { HttpApp } from './types.js';

/** Every route module, in one list. */
export async function registerRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  await healthRoutes(app, deps);
  await incidentRoutes(app, deps);
  await serviceRoutes(app, deps);
  await liveRoutes(app, deps);
}
