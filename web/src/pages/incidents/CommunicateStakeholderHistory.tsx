import { useTranslation } from 'react-i18next';
import type { StakeholderUpdate } from '../../api/types';
import { useFormat } from '../../time/useFormat';

/** The updates already sent, newest first, each with how its e-mails are doing. */
export function CommunicateStakeholderHistory({ items }: { items: StakeholderUpdate[] | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!items) return null;
  if (items.length === 0) return <p className="muted">{t('communicate.stakeholders.none')}</p>;
  return (
    <div className="posted">
      <h4>{t('communicate.stakeholders.history')}</h4>
      <ol className="timeline">
        {items.map((u) => (
          <li key={u.id} aria-label={t('communicate.stakeholders.sequence', { n: u.sequence })}>
            <div className="row">
              <strong>{t('communicate.stakeholders.sequence', { n: u.sequence })}</strong>
              <span className="badge">{t(`communicate.formats.${u.format}`)}</span>
              <time className="muted small" dateTime={u.createdAt}>
                {f.dateTime(u.createdAt)}
              </time>
            </div>
            <p className="message">{u.subject}</p>
            <p className="muted small">
              {u.audiences.map((a) => a.name ?? t('communicate.stakeholders.deletedAudience')).join(', ')}
              {' · '}
              {t('communicate.stakeholders.recipients', { count: u.recipientCount })}
            </p>
            <p className="small">
              <span className="badge delivered">{t('communicate.delivery.delivered', { count: u.delivery.delivered })}</span>{' '}
              {u.delivery.pending ? <span className="badge pending">{t('communicate.delivery.pending', { count: u.delivery.pending })}</span> : null}{' '}
              {u.delivery.failed ? <span className="badge failed">{t('communicate.delivery.failed', { count: u.delivery.failed })}</span> : null}{' '}
              {u.delivery.cancelled ? <span className="badge">{t('communicate.delivery.cancelled', { count: u.delivery.cancelled })}</span> : null}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
