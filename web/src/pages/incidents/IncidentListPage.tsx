import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type IncidentFilters, useIncidentList, useServices } from '../../api/incidents';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ZoneNote } from '../../components/ZoneNote';
import { DeclareDialog } from './DeclareDialog';
import { IncidentFiltersBar } from './IncidentFiltersBar';
import { IncidentRow } from './IncidentRow';

const KEYS = ['status', 'serviceId', 'type', 'severity', 'q'] as const;

export function IncidentListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [declaring, setDeclaring] = useState(false);
  const filters = useMemo<IncidentFilters>(() => {
    const f: IncidentFilters = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const setFilters = useCallback(
    (f: IncidentFilters) => {
      const next = new URLSearchParams();
      for (const k of KEYS) if (f[k]) next.set(k, f[k] as string);
      setParams(next, { replace: true });
    },
    [setParams],
  );
  const list = useIncidentList(filters);
  const services = useServices();
  const serviceName = useMemo(() => new Map(services.data?.items.map((s) => [s.id, s.name]) ?? []), [services.data]);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <PageHeader
        title={t('incidents.list.title')}
        actions={
          <button type="button" className="button primary" onClick={() => setDeclaring(true)}>
            {t('incidents.list.declare')}
          </button>
        }
      >
        <ZoneNote />
      </PageHeader>
      <IncidentFiltersBar value={filters} onChange={setFilters} />
      <ErrorNote error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="card muted">{t('incidents.list.empty')}</p>
      ) : (
        <ul className="incident-list" aria-label={t('incidents.list.title')} aria-live="polite" aria-relevant="additions">
          {items.map((i) => (
            <IncidentRow key={i.id} incident={i} serviceName={i.serviceId ? serviceName.get(i.serviceId) : undefined} />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common.loading') : t('common.more')}
        </button>
      ) : null}
      <DeclareDialog
        open={declaring}
        onClose={() => setDeclaring(false)}
        onDeclared={(id) => {
          setDeclaring(false);
          void navigate(`/incidents/${id}`);
        }}
      />
    </section>
  );
}
