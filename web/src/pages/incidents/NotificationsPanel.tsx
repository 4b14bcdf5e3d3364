import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type * as CNotification from '../../../../src/contracts/notification';
import { get } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../time/useFormat';

type Notification = z.infer<typeof CNotification.NotificationView>;
const CHANNELS = ['email', 'webhook', 'slack', 'teams', 'mattermost', 'sms', 'voice'] as const;
type T = TFunction;

/** Every page sent about the incident and how its delivery is going; one slow channel shows as queued. */
export function NotificationsPanel({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({
    queryKey: ['incident', incidentId, 'notifications'],
    queryFn: () => get<{ items: Notification[] }>(`/api/v1/incidents/${incidentId}/notifications`),
    // Deliveries progress without incident events (retries, deferrals): look again now and then.
    refetchInterval: 30_000,
  });
  const items = q.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('incidents.notifications.title')}</h2>
      <ErrorNote error={q.error} />
      {q.data && items.length === 0 ? <p className="muted">{t('incidents.notifications.empty')}</p> : null}
      <ul className="list">
        {items.map((n) => (
          <li key={n.id} className="alert-item">
            <div className="row">
              <strong>{n.user.name ?? '—'}</strong>
              <span className="badge">{channelName(t, n.channel)}</span>
              <span className={`badge ${n.status}`}>{state(t, n, f.time)}</span>
            </div>
            {n.attempts.length > 1 ? <div className="muted small">{t('incidents.notifications.attempts', { count: n.attempts.length })}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function channelName(t: T, channel: string): string {
  return (CHANNELS as readonly string[]).includes(channel)
    ? t(`incidents.notifications.channel.${channel as (typeof CHANNELS)[number]}`)
    : t('incidents.notifications.channel.other', { channel });
}

export function state(t: T, n: Notification, time: (iso: string) => string): string {
  const last = n.attempts[n.attempts.length - 1];
  switch (n.status) {
    case 'delivered':
      return t('incidents.notifications.delivered', { at: n.deliveredAt ? time(n.deliveredAt) : '' });
    case 'failed':
      return t('incidents.notifications.failed', { error: n.lastError ?? '' });
    case 'cancelled':
      return t('incidents.notifications.cancelled');
    default: {
      const at = n.nextAttemptAt ? time(n.nextAttemptAt) : '';
      if (n.deferral && n.nextAttemptAt && n.deferral.until === n.nextAttemptAt) {
        return n.deferral.reason === 'quiet_hours' ? t('incidents.notifications.quietHours', { at }) : t('incidents.notifications.throttled', { at });
      }
      if (last?.httpStatus === 429) return t('incidents.notifications.rateLimited', { at });
      if (last?.outcome === 'transient' || last?.outcome === 'unknown') return t('incidents.notifications.retrying', { at, error: last.error ?? last.httpStatus ?? '' });
      return t('incidents.notifications.queued');
    }
  }
}
