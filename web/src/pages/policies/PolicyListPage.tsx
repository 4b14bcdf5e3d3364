import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, usePolicies } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';

/** Every escalation policy: its levels in brief, repeats and how many services use it. */
export function PolicyListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const q = usePolicies();
  const items = q.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('policies.list.title')}
        actions={
          can.manage ? (
            <Link className="button primary" to="/escalation-policies/new">
              {t('policies.list.create')}
            </Link>
          ) : null
        }
      />
      <ErrorNote error={q.error} />
      {q.isPending ? (
        <Loading />
      ) : items.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('policies.form.name')}</th>
                <th scope="col">{t('policies.levels.title')}</th>
                <th scope="col">{t('policies.form.repeat')}</th>
                <th scope="col">{t('policies.list.services')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/escalation-policies/${p.id}`}>{p.name}</Link>
                    {p.description ? <div className="muted small">{p.description}</div> : null}
                  </td>
                  <td>
                    <ol className="level-summary">
                      {p.levels.map((l, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: levels are positional
                        <li key={i}>
                          {l.targets.map((x) => x.name ?? t('policies.targets.missing')).join(', ')}{' '}
                          <span className="muted">{t('policies.list.wait', { minutes: l.delayMinutes })}</span>
                        </li>
                      ))}
                    </ol>
                  </td>
                  <td>{p.repeat}</td>
                  <td>{p.serviceIds.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('policies.list.empty')}</p>
      )}
    </>
  );
}
