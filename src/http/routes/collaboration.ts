import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

export async function collaborationRoutes(_app: HttpApp, _deps: AppDeps): Promise<void> {}
