import type { TFunction } from 'i18next';
import type { TimelineEntry } from '../../api/types';
import type { Resources } from '../../i18n/resources';

type ActionKey = `incidents.action.${keyof Resources['incidents']['action'] & string}`;
/** Timeline actions are dotted (role.assigned); i18next keys use dots as separators, so messages use role_assigned. */
const k = (action: string) => `incidents.action.${action.replaceAll('.', '_')}` as ActionKey;

type Data = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** One timeline entry in words, in the viewer's language; unknown actions show their name. */
export function describeEntry(t: TFunction, e: TimelineEntry, roleName: (key: string) => string): string {
  const d = e.data as Data;
  const name = str(d.userName ?? d.toUserName ?? d.name);
  switch (e.action) {
    case 'role.assigned':
    case 'role.unassigned':
      return t(k(e.action), { role: roleName(str(d.role)), name });
    case 'role.handed_over':
      return t('incidents.action.role_handed_over', { role: roleName(str(d.role)), name: str(d.toUserName) });
    case 'participant.added':
    case 'participant.removed':
    case 'responder.added':
      return t(k(e.action), { name });
    case 'task.added':
    case 'task.updated':
    case 'task.completed':
      return t(k(e.action), { title: str(d.title) });
    case 'escalation.level_paged': {
      const users = Array.isArray(d.users) ? (d.users as { name: string }[]).map((u) => u.name).join(', ') : '';
      return `${t('incidents.action.escalation_level_paged', { level: str(d.level) })}${users ? `: ${users}` : ''}`;
    }
    case 'escalation.level_skipped':
      return t('incidents.action.escalation_level_skipped', { level: str(d.level) });
    case 'incident.updated':
      return t('incidents.action.incident_updated', { fields: Object.keys((d.changes as Data) ?? {}).join(', ') });
    case 'incident.severity_changed':
    case 'incident.priority_changed':
    case 'incident.type_changed':
    case 'incident.visibility_changed':
      return t(k(e.action), { from: str(d.from), to: str(d.to) });
    case 'stakeholder_update.sent':
      return t('incidents.action.stakeholder_update_sent', {
        sequence: str(d.sequence),
        audiences: Array.isArray(d.audiences) ? d.audiences.join(', ') : '',
        recipients: str(d.recipientCount),
      });
    case 'status_update.posted':
      return t('incidents.action.status_update_posted', { page: str(d.pageName), status: t(`communicate.updateStatus.${str(d.status)}` as 'communicate.updateStatus.investigating', { defaultValue: str(d.status) }) });
    case 'intake.reported':
      return t('incidents.action.intake_reported', { affected: t(`help.form.who.${str(d.affected)}` as 'help.form.who.just_me', { defaultValue: str(d.affected) }) });
    case 'intake.security_flagged':
      return t('incidents.action.intake_security_flagged', {
        concerns: Array.isArray(d.concerns) ? d.concerns.map((c) => t(`help.form.questions.${str(c)}` as 'help.form.questions.suspiciousEmailOpened', { defaultValue: str(c) })).join(', ') : '',
      });
    case 'incident.declared':
    case 'incident.acknowledged':
    case 'incident.resolved':
    case 'incident.reopened':
    case 'incident.closed':
    case 'incident.declined':
    case 'incident.merged':
    case 'incident.merged_in':
    case 'incident.escalated':
    case 'incident.coordination_link_changed':
    case 'note.added':
    case 'alert.added':
    case 'alert.resolved':
    case 'escalation.exhausted':
    case 'escalation.none':
    case 'notification.deferred':
    case 'notification.failed':
    case 'notification.throttled':
      return t(k(e.action));
    default:
      return t('incidents.action.other', { action: e.action });
  }
}
