/**
 * The API's shapes, taken from the server's own zod contracts (type-only imports: nothing of the
 * server reaches the bundle), so the web app and the API cannot drift apart silently.
 */
import type { z } from 'zod';
import type * as CAuth from '../../../src/contracts/auth';
import type * as CIncident from '../../../src/contracts/incident';
import type * as CService from '../../../src/contracts/service';
import type * as CUser from '../../../src/contracts/user';
import type * as CTeam from '../../../src/contracts/team';
import type * as CSchedule from '../../../src/contracts/schedule';
import type * as CPolicy from '../../../src/contracts/escalation-policy';
import type * as CRule from '../../../src/contracts/notification-rule';
import type * as CAlert from '../../../src/contracts/alert';
import type * as CStatusPage from '../../../src/contracts/status-page';
import type * as CSubscriber from '../../../src/contracts/status-subscriber';
import type * as CStakeholder from '../../../src/contracts/stakeholder';

export type Session = z.infer<typeof CAuth.SessionInfo>;
export type Incident = z.infer<typeof CIncident.Incident>;
export type TimelineEntry = z.infer<typeof CIncident.TimelineEntry>;
export type DeclareIncident = z.input<typeof CIncident.DeclareIncidentBody>;
export type Service = z.infer<typeof CService.Service>;
export type User = z.infer<typeof CUser.User>;
export type Team = z.infer<typeof CTeam.Team>;
export type Schedule = z.infer<typeof CSchedule.Schedule>;
export type EscalationPolicy = z.infer<typeof CPolicy.EscalationPolicy>;
export type NotificationRule = z.infer<typeof CRule.NotificationRule>;
export type Alert = z.infer<typeof CAlert.Alert>;
export type StatusPage = z.infer<typeof CStatusPage.StatusPage>;
export type CreateStatusPage = z.input<typeof CStatusPage.CreateStatusPageBody>;
export type UpdateStatusPage = z.input<typeof CStatusPage.UpdateStatusPageBody>;
export type StatusComponent = z.infer<typeof CStatusPage.StatusComponent>;
export type CreateStatusComponent = z.input<typeof CStatusPage.CreateStatusComponentBody>;
export type UpdateStatusComponent = z.input<typeof CStatusPage.UpdateStatusComponentBody>;
export type PostedIncident = z.infer<typeof CStatusPage.PostedIncident>;
export type CreateStatusUpdate = z.input<typeof CStatusPage.CreateStatusUpdateBody>;
export type StatusSubscriber = z.infer<typeof CSubscriber.StatusSubscriber>;
export type CreateStatusSubscriber = z.input<typeof CSubscriber.CreateStatusSubscriberBody>;
export type StakeholderAudience = z.infer<typeof CStakeholder.StakeholderAudience>;
export type StakeholderUpdate = z.infer<typeof CStakeholder.StakeholderUpdate>;
export type SendStakeholderUpdate = z.input<typeof CStakeholder.SendStakeholderUpdateBody>;
export type StakeholderUpdatePreview = z.infer<typeof CStakeholder.StakeholderUpdatePreview>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
