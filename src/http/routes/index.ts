import type { AppDeps } from '../deps.js';
import { alertsRoutes } from './alerts.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { changeRoutes } from './changes.js';
import { collaborationRoutes } from './collaboration.js';
import { escalationPolicyRoutes } from './escalation-policies.js';
import { eventRuleRoutes } from './event-rules.js';
import { healthRoutes } from './health.js';
import { incidentRoutes } from './incidents.js';
import { ingestOpsgenieRoutes } from './ingest-opsgenie.js';
import { ingestPagerDutyRoutes } from './ingest-pagerduty.js';
import { ingestWebhookRoutes } from './ingest-webhooks.js';
import { liveRoutes } from './live.js';
import { maintenanceWindowRoutes } from './maintenance-windows.js';
import { notificationRuleRoutes } from './notification-rules.js';
import { serviceRoutes } from './services.js';
import { respondRoutes } from './respond.js';
import { scheduleRoutes } from './schedules.js';
import { settingsRoutes } from './settings.js';
import { teamsRoutes } from './teams.js';
import type { HttpApp } from './types.js';
import { usersRoutes } from './users.js';

/** Every route module, in one list. */
export async function registerRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  await healthRoutes(app, deps);
  await authRoutes(app, deps);
  await usersRoutes(app, deps);
  await teamsRoutes(app, deps);
  await serviceRoutes(app, deps);
  await incidentRoutes(app, deps);
  await collaborationRoutes(app, deps);
  await alertsRoutes(app, deps);
  await settingsRoutes(app, deps);
  await auditRoutes(app, deps);
  await changeRoutes(app, deps);
  await eventRuleRoutes(app, deps);
  await maintenanceWindowRoutes(app, deps);
  await escalationPolicyRoutes(app, deps);
  await notificationRuleRoutes(app, deps);
  await scheduleRoutes(app, deps);
  await respondRoutes(app, deps);
  await ingestPagerDutyRoutes(app, deps);
  await ingestOpsgenieRoutes(app, deps);
  await ingestWebhookRoutes(app, deps);
  await liveRoutes(app, deps);
}
