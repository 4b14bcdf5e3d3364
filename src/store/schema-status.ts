/** Tables of status pages, subscribers, stakeholder updates and intake (migrations/2026-11-22-2100-status-pages.ts). */

export interface StatusPageTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** public | internal (login required) */
  visibility: string;
  /** ja | en */
  language: string;
  timeZone: string;
  /** Custom domain serving the page at `/` and `/api/v2/…`; lower case, unique. */
  hostname: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StatusComponentTable {
  id: string;
  pageId: string;
  name: string;
  description: string;
  /** 1: a group (its status is the worst of its components). */
  isGroup: number;
  groupId: string | null;
  serviceId: string | null;
  position: number;
  /** Set by hand; overrides incidents and maintenance while not null. */
  manualStatus: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StatusIncidentTable {
  id: string;
  pageId: string;
  incidentId: string;
  /** The public name. */
  title: string;
  /** Status of the latest update: investigating | identified | monitoring | resolved. */
  status: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface StatusUpdateTable {
  id: string;
  statusIncidentId: string;
  status: string;
  body: string;
  createdById: string | null;
  createdAt: string;
}

export interface MaintenanceWindowStatusPageTable {
  windowId: string;
  pageId: string;
}

export interface StatusSubscriberTable {
  id: string;
  pageId: string;
  /** email | webhook */
  channel: string;
  address: string;
  /** ja | en */
  language: string;
  /** JSON array of component ids; null: the whole page. */
  componentIds: string | null;
  /** Double opt-in: e-mail subscribers get nothing but the confirmation until this is set. */
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OutboundMessageTable {
  id: string;
  /** Unique: `webhook-id` and the e-mail Message-ID on every attempt. */
  idempotencyKey: string;
  /** subscriber_confirm | status_update | stakeholder_update */
  purpose: string;
  /** email | webhook */
  channel: string;
  address: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  /** Webhooks: the JSON body, identical on every attempt. */
  bodyJson: string | null;
  /** Webhooks: whose signing secret signs it (the subscriber id). */
  signingId: string | null;
  pageId: string | null;
  subscriberId: string | null;
  incidentId: string | null;
  /** The status update or stakeholder update it carries. */
  sourceId: string | null;
  /** pending | delivered | failed | cancelled */
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

export interface OutboundAttemptTable {
  id: string;
  messageId: string;
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  /** delivered | transient | permanent | unknown; null while sending. */
  outcome: string | null;
  statusCode: number | null;
  code: string | null;
  error: string | null;
}

export interface StakeholderAudienceTable {
  id: string;
  name: string;
  /** executives | support | all_employees | custom */
  kind: string;
  language: string;
  /** 1: every active user (whole company). */
  allUsers: number;
  /** JSON array of user ids. */
  userIds: string;
  /** JSON array of e-mail addresses. */
  emails: string;
  createdAt: string;
  updatedAt: string;
}

export interface StakeholderUpdateTable {
  id: string;
  incidentId: string;
  /** executive | standard */
  format: string;
  language: string;
  /** JSON array of audience ids. */
  audienceIds: string;
  subject: string;
  body: string;
  impact: string;
  currentStatus: string;
  nextUpdateAt: string | null;
  recipientCount: number;
  createdById: string | null;
  createdAt: string;
}

export interface IntakeReportTable {
  id: string;
  incidentId: string;
  reporterId: string | null;
  /** JSON: the form's answers. */
  answers: string;
  /** 1: a security question was answered yes. */
  securityFlag: number;
  createdAt: string;
}

export interface StatusTables {
  statusPage: StatusPageTable;
  statusComponent: StatusComponentTable;
  statusIncident: StatusIncidentTable;
  statusUpdate: StatusUpdateTable;
  maintenanceWindowStatusPage: MaintenanceWindowStatusPageTable;
  statusSubscriber: StatusSubscriberTable;
  outboundMessage: OutboundMessageTable;
  outboundAttempt: OutboundAttemptTable;
  stakeholderAudience: StakeholderAudienceTable;
  stakeholderUpdate: StakeholderUpdateTable;
  intakeReport: IntakeReportTable;
}
