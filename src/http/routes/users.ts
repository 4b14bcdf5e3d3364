import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

export async function usersRoutes(_app: HttpApp, _deps: AppDeps): Promise<void> {}
