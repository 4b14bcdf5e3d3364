import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canManage, useEscalationPolicies, useServices, useTeams } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useUser } from '../../session/session';
import { CreateServiceDialog } from './CreateServiceDialog';

export function ServiceListPage() {
  const { t } = useTranslation();
  const me = useUser();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const [creating, setCreating] = useState(false);
  const services = useServices(query);
  const policies = useEscalationPolicies();
  const teams = useTeams();
  const policyName = (id: string | null) => (id ? (policies.data?.items.find((p) => p.id === id)?.name ?? '…') : null);
  const teamName = (id: string | null) => (id ? (teams.data?.items.find((x) => x.id === id)?.name ?? '…') : null);
  const items = services.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('services.list.title')}
        actions={
          canManage(me.role) ? (
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              {t('services.list.new')}
            </button>
          ) : null
        }
      >
        <p className="muted">{t('services.list.intro')}</p>
      </PageHeader>
      <div className="admin-toolbar">
        <Field label={t('services.list.search')}>{(id) => <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
      </div>
      <ErrorNote error={services.error} />
      {services.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{query ? t('services.list.noMatch') : t('services.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('services.list.name')}</th>
                <th scope="col">{t('services.list.tier')}</th>
                <th scope="col">{t('services.list.policy')}</th>
                <th scope="col">{t('services.list.team')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/services/${s.id}`}>{s.name}</Link>
                    {s.description ? <div className="muted clamp">{s.description}</div> : null}
                  </td>
                  <td className="nowrap">{t('services.form.tierOption', { n: s.tier })}</td>
                  <td>{policyName(s.escalationPolicyId) ?? <span className="badge warn-badge">{t('services.list.noPolicy')}</span>}</td>
                  <td>{teamName(s.teamId) ?? <span className="muted">{t('common.none')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateServiceDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
