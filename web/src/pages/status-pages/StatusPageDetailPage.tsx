import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { canManage } from '../../api/admin';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useUser } from '../../session/session';
import { ConfirmButton } from '../services/ConfirmButton';
import { publicPath, useStatusPage, useStatusPageMutations } from './api';
import { ComponentsSection } from './ComponentsSection';
import { StatusPageForm, valuesOf } from './StatusPageForm';
import { SubscribersSection } from './SubscribersSection';

/** One status page: where it is read, its components, its subscribers and its settings. */
export function StatusPageDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useUser();
  const navigate = useNavigate();
  const page = useStatusPage(id);
  const { update, remove } = useStatusPageMutations();
  const [saved, setSaved] = useState(false);
  const admin = canManage(me.role);
  if (page.isPending) return <Loading />;
  if (!page.data) return <ErrorNote error={page.error} />;
  const p = page.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/status-pages">{t('statusPages.list.title')}</Link>
      </p>
      <PageHeader
        title={p.name}
        actions={
          admin ? (
            <ConfirmButton
              label={t('statusPages.detail.delete')}
              question={t('statusPages.detail.deleteQuestion', { name: p.name })}
              disabled={remove.isPending}
              onConfirm={() => remove.mutate(p.id, { onSuccess: () => navigate('/status-pages') })}
            />
          ) : null
        }
      >
        <p className="row">
          <span className="badge">{t(`statusPages.visibility.${p.visibility}`)}</span>
          <span className="muted">{t('statusPages.detail.publicUrl')}:</span>
          <code className="break">{p.url}</code>
          <CopyButton text={p.url} />
          <a className="button small" href={publicPath(p.slug)}>
            {t('statusPages.detail.open')}
          </a>
        </p>
        {p.description ? <p className="muted">{p.description}</p> : null}
      </PageHeader>
      <ErrorNote error={remove.error} />
      {admin ? null : <p className="muted">{t('statusPages.detail.readOnly')}</p>}
      <ComponentsSection pageId={p.id} canEdit={admin} />
      {admin ? <SubscribersSection pageId={p.id} /> : null}
      <section className="card" aria-labelledby="status-page-settings">
        <h2 id="status-page-settings">{t('statusPages.detail.settings')}</h2>
        <StatusPageForm
          key={p.updatedAt}
          initial={valuesOf(p)}
          submitLabel={t('common.save')}
          busy={update.isPending}
          error={update.error}
          disabled={!admin}
          onSubmit={(v) => {
            setSaved(false);
            update.mutate(
              {
                id: p.id,
                body: { name: v.name, description: v.description, visibility: v.visibility, language: v.language, timeZone: v.timeZone, hostname: v.hostname.trim() || null },
              },
              { onSuccess: () => setSaved(true) },
            );
          }}
        />
        {saved ? (
          <p className="ok-note" role="status">
            {t('statusPages.detail.saved')}
          </p>
        ) : null}
      </section>
    </>
  );
}
