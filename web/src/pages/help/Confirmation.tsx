import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CreatedIntakeReport } from './api';

/** After a report: its number and a link; for a security "yes", what to do until the team calls. */
export function Confirmation({ created, onAnother }: { created: CreatedIntakeReport; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const ref = created.incident.reference;
  return (
    <section className="card report-done" aria-labelledby="done-title">
      <h2 id="done-title" ref={heading} tabIndex={-1}>
        {t('help.done.title')}
      </h2>
      <p className="ok-note">{t('help.done.recorded', { ref })}</p>
      <p>{t('help.done.next')}</p>
      {created.report.securityFlag ? (
        <div className="security-advice" role="note">
          <p>
            <strong>{t('help.done.security')}</strong>
          </p>
          <p>{t('help.done.securityAdvice')}</p>
        </div>
      ) : null}
      <p className="row">
        <Link className="button primary" to={`/incidents/${created.incident.id}`}>
          {t('help.done.view', { ref })}
        </Link>
        <button type="button" className="button" onClick={onAnother}>
          {t('help.done.another')}
        </button>
      </p>
    </section>
  );
}
