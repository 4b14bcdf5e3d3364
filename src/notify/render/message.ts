/**
 * What a notification says, once, in the recipient's language and time zone. Each channel lays this
 * out its own way (an e-mail, Block Kit, an Adaptive Card, 160 characters, speech), so the facts and
 * their wording live here and nowhere else.
 */
import { STRINGS, type Locale } from './i18n.js';
import { type LinkAction, respondUrl, signLink } from './links.js';
import { formatInstant, usableZone } from './time.js';

export const PURPOSES = ['page', 'test', 'reminder', 'shift'] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface IncidentSummary {
  id: string;
  number: number;
  title: string;
  status: string;
  severity: string;
  urgency: number;
  priority: string;
  serviceName: string | null;
  startedAt: string;
}

export interface Recipient {
  id: string;
  name: string;
  locale: Locale;
  timeZone: string;
}

/** A pre-shift reminder: which schedule, from when until when (ISO instants). */
export interface ShiftFacts {
  scheduleName: string;
  start: string;
  end: string;
}

export interface MessageLinks {
  incident: string | null;
  acknowledge: string | null;
  resolve: string | null;
  /** When the acknowledge/resolve links stop working (ISO). */
  expiresAt: string | null;
}

export interface MessageInput {
  notificationId: string;
  purpose: Purpose;
  recipient: Recipient;
  incident: IncidentSummary | null;
  /** For `shift`: the on-call period it announces. */
  shift?: ShiftFacts | null;
  /** When the notification was created: stable across attempts (the webhook body carries it). */
  createdAt: string;
  links: MessageLinks;
}

export interface MessageField {
  key: 'service' | 'severity' | 'urgency' | 'status' | 'startedAt';
  label: string;
  /** Rendered for the recipient (an instant in their zone and language). */
  value: string;
  /** For instants: the ISO value, for channels that render times themselves (Slack's <!date>). */
  instant?: string;
}

export interface MessageAction {
  kind: 'open' | LinkAction;
  label: string;
  url: string;
}

export interface RenderedMessage {
  input: MessageInput;
  locale: Locale;
  timeZone: string;
  /** `INC-42`, or null for a message about no incident. */
  ref: string | null;
  subject: string;
  /** `INC-42: Checkout errors` (or the test subject). */
  headline: string;
  intro: string;
  /** `SEV2 • urgency high • checkout` */
  summary: string;
  fields: MessageField[];
  actions: MessageAction[];
  /** `The acknowledge and resolve links work until …`, when there are such links. */
  expiryNote: string | null;
  footer: string;
  /** Said on a voice call. */
  speech: string;
  /** Attention (open incident), good (resolved), warning (other). */
  tone: 'attention' | 'good' | 'warning';
}

export const incidentRef = (n: number) => `INC-${n}`;

/** The links of a message about an incident: the incident page and signed respond links for the recipient. */
export function messageLinks(opts: { publicUrl: string; secret: string; incidentId: string | null; userId: string; expiresAt: Date }): MessageLinks {
  const base = opts.publicUrl.replace(/\/+$/, '');
  if (!opts.incidentId) return { incident: null, acknowledge: null, resolve: null, expiresAt: null };
  const link = (action: LinkAction) =>
    respondUrl(base, signLink({ incidentId: opts.incidentId!, userId: opts.userId, action, expiresAt: opts.expiresAt }, opts.secret));
  return {
    incident: `${base}/incidents/${opts.incidentId}`,
    acknowledge: link('acknowledge'),
    resolve: link('resolve'),
    expiresAt: new Date(Math.floor(opts.expiresAt.getTime() / 1000) * 1000).toISOString(),
  };
}

export function renderMessage(input: MessageInput): RenderedMessage {
  const locale = input.recipient.locale;
  const zone = usableZone(input.recipient.timeZone);
  const s = STRINGS[locale];
  const inc = input.incident;
  const footer = s.footer;
  if (!inc && input.purpose === 'shift' && input.shift) {
    const facts = { schedule: input.shift.scheduleName, start: formatInstant(input.shift.start, zone, locale), end: formatInstant(input.shift.end, zone, locale) };
    const subject = s.shiftSubject(facts);
    return {
      input,
      locale,
      timeZone: zone,
      ref: null,
      subject,
      headline: subject,
      intro: s.shiftIntro({ ...facts, name: input.recipient.name }),
      summary: `${facts.start} – ${facts.end}`,
      fields: [],
      actions: [],
      expiryNote: null,
      footer,
      speech: s.speechShift(facts),
      tone: 'warning',
    };
  }
  if (!inc) {
    return {
      input,
      locale,
      timeZone: zone,
      ref: null,
      subject: s.testSubject,
      headline: s.testSubject,
      intro: s.testIntro(input.recipient.name),
      summary: s.testBody,
      fields: [],
      actions: [],
      expiryNote: null,
      footer,
      speech: s.speechTest,
      tone: 'warning',
    };
  }
  const ref = incidentRef(inc.number);
  const service = inc.serviceName ?? s.noService;
  const open = inc.status === 'triggered' || inc.status === 'acknowledged';
  const actions: MessageAction[] = [];
  if (input.links.incident) actions.push({ kind: 'open', label: s.open, url: input.links.incident });
  if (open && inc.status === 'triggered' && input.links.acknowledge) actions.push({ kind: 'acknowledge', label: s.acknowledge, url: input.links.acknowledge });
  if (open && input.links.resolve) actions.push({ kind: 'resolve', label: s.resolve, url: input.links.resolve });
  const hasRespond = actions.some((a) => a.kind !== 'open');
  const subjectParts = { severity: inc.severity, ref, title: inc.title };
  return {
    input,
    locale,
    timeZone: zone,
    ref,
    subject: input.purpose === 'reminder' ? s.reminderSubject(subjectParts) : s.pageSubject(subjectParts),
    headline: `${ref}: ${inc.title}`,
    intro: input.purpose === 'reminder' ? s.reminderIntro(input.recipient.name) : s.pageIntro(input.recipient.name),
    summary: `${inc.severity} • ${s.urgency} ${s.urgencyName(inc.urgency)} • ${s.statusName(inc.status)} • ${service}`,
    fields: [
      { key: 'service', label: s.service, value: service },
      { key: 'severity', label: s.severity, value: `${inc.severity} (${s.priority} ${inc.priority})` },
      { key: 'urgency', label: s.urgency, value: s.urgencyName(inc.urgency) },
      { key: 'status', label: s.status, value: s.statusName(inc.status) },
      { key: 'startedAt', label: s.startedAt, value: formatInstant(inc.startedAt, zone, locale), instant: inc.startedAt },
    ],
    actions,
    expiryNote: hasRespond && input.links.expiresAt ? s.linksExpire(formatInstant(input.links.expiresAt, zone, locale)) : null,
    footer,
    speech: s.speechPage({ number: inc.number, severity: inc.severity, title: inc.title, service: inc.serviceName }),
    tone: open ? 'attention' : inc.status === 'resolved' || inc.status === 'closed' ? 'good' : 'warning',
  };
}
