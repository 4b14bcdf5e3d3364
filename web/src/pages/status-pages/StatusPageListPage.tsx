import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canManage } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useUser } from '../../session/session';
import { publicPath, useStatusPages } from './api';
import { CreateStatusPageDialog } from './CreateStatusPageDialog';

export function StatusPageListPage() {
  const { t } = useTranslation();
  const me = useUser();
  const pages = useStatusPages();
  const [creating, setCreating] = useState(false);
  const items = pages.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('statusPages.list.title')}
        actions={
          canManage(me.role) ? (
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              {t('statusPages.list.new')}
            </button>
          ) : null
        }
      >
        <p className="muted">{t('statusPages.list.intro')}</p>
      </PageHeader>
      <ErrorNote error={pages.error} />
      {pages.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('statusPages.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('statusPages.list.name')}</th>
                <th scope="col">{t('statusPages.list.slug')}</th>
                <th scope="col">{t('statusPages.list.visibility')}</th>
                <th scope="col">{t('statusPages.list.language')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/status-pages/${p.id}`}>{p.name}</Link>
                    {p.description ? <div className="muted clamp">{p.description}</div> : null}
                  </td>
                  <td>
                    {/* A server-rendered page, outside the app: a plain link. */}
                    <a href={publicPath(p.slug)} aria-label={t('statusPages.list.open', { name: p.name })}>
                      <code>{publicPath(p.slug)}</code>
                    </a>
                    {p.hostname ? <div className="muted small">{p.hostname}</div> : null}
                  </td>
                  <td>
                    <span className="badge">{t(`statusPages.visibility.${p.visibility}`)}</span>
                  </td>
                  <td>{t(`common.language.${p.language}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateStatusPageDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
