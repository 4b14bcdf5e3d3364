import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentFilters } from '../../api/incidents';
import { useServices } from '../../api/incidents';
import { Field } from '../../components/Field';
import { NamedSelect } from '../../components/NamedSelect';

const STATUSES = ['open', 'triggered', 'acknowledged', 'resolved', 'closed', 'declined', 'merged'] as const;
const TYPES = ['inquiry', 'outage', 'security'] as const;
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

/** Filters live in the URL, so a filtered list can be shared and survives a reload. */
export function IncidentFiltersBar({ value, onChange }: { value: IncidentFilters; onChange: (f: IncidentFilters) => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const [q, setQ] = useState(value.q ?? '');
  // Search as the person types, a moment after they stop.
  useEffect(() => {
    if ((value.q ?? '') === q) return;
    const h = setTimeout(() => onChange({ ...value, q: q || undefined }), 300);
    return () => clearTimeout(h);
  }, [q, value, onChange]);
  const set = (k: keyof IncidentFilters, v: string) => onChange({ ...value, [k]: v || undefined });
  return (
    <form className="filters card" aria-label={t('incidents.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <Field label={t('common.search')}>
        {(id) => <input id={id} type="search" value={q} placeholder={t('incidents.filters.search')} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <Field label={t('incidents.filters.status')}>
        {(id) => (
          <select id={id} value={value.status ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('incidents.filters.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'open' ? t('incidents.filters.open') : t(`incidents.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('incidents.filters.service')}>
        {(id) => (
          <NamedSelect id={id} value={value.serviceId ?? ''} onChange={(v) => set('serviceId', v)} options={services.data?.items} empty={t('incidents.filters.anyService')} />
        )}
      </Field>
      <Field label={t('incidents.filters.type')}>
        {(id) => (
          <select id={id} value={value.type ?? ''} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('incidents.filters.any')}</option>
            {TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`incidents.type.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('incidents.filters.severity')}>
        {(id) => (
          <select id={id} value={value.severity ?? ''} onChange={(e) => set('severity', e.target.value)}>
            <option value="">{t('incidents.filters.any')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
      </Field>
    </form>
  );
}
