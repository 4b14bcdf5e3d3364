import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useUpdateIncident } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useFormat } from '../../time/useFormat';

export function IncidentFacts({ incident: i }: { incident: Incident }) {
  const { t } = useTranslation();
  const f = useFormat();
  const services = useServices();
  const service = services.data?.items.find((s) => s.id === i.serviceId);
  const dash = t('incidents.detail.none');
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('incidents.detail.summary')}</h2>
      {i.description ? <p className="description">{i.description}</p> : null}
      <dl className="facts">
        <dt>{t('incidents.detail.service')}</dt>
        <dd>{service?.name ?? dash}</dd>
        <dt>{t('incidents.detail.visibility')}</dt>
        <dd>{t(`incidents.visibility.${i.visibility}`)}</dd>
        <dt>{t('incidents.detail.started')}</dt>
        <dd>{f.dateTime(i.startedAt)}</dd>
        <dt>{t('incidents.detail.declared')}</dt>
        <dd>{f.dateTime(i.createdAt)}</dd>
        <dt>{t('incidents.detail.acknowledged')}</dt>
        <dd>{i.acknowledgedAt ? f.dateTime(i.acknowledgedAt) : dash}</dd>
        <dt>{t('incidents.detail.resolved')}</dt>
        <dd>{i.resolvedAt ? f.dateTime(i.resolvedAt) : dash}</dd>
        <dt>{t('incidents.detail.declaredBy')}</dt>
        <dd>{i.createdBy.name}</dd>
        <dt>{t('incidents.detail.alertCount')}</dt>
        <dd>{i.alertCount}</dd>
      </dl>
      <Coordination incident={i} />
    </section>
  );
}

function Coordination({ incident: i }: { incident: Incident }) {
  const { t } = useTranslation();
  const update = useUpdateIncident(i.id);
  const [url, setUrl] = useState(i.coordinationUrl ?? '');
  return (
    <div className="coordination">
      <h3>{t('incidents.detail.coordination')}</h3>
      {i.coordinationUrl ? (
        <p>
          <a href={i.coordinationUrl} target="_blank" rel="noopener noreferrer">
            {t('incidents.detail.openCoordination')}
          </a>
        </p>
      ) : (
        <p className="muted">{t('incidents.detail.noCoordination')}</p>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ coordinationUrl: url || null });
        }}
      >
        <Field label={t('incidents.detail.setCoordination')}>
          {(id) => <input id={id} type="url" value={url} placeholder="https://" onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <button type="submit" className="button small" disabled={update.isPending}>
          {t('common.save')}
        </button>
      </form>
      <ErrorNote error={update.error} />
    </div>
  );
}
