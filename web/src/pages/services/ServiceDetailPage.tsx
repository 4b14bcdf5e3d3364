import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { canManage, useDeleteService, useService, useUpdateService } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useUser } from '../../session/session';
import { ConfirmButton } from './ConfirmButton';
import { IntegrationsSection } from './IntegrationsSection';
import { ServiceForm, valuesOf } from './ServiceForm';

export function ServiceDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useUser();
  const navigate = useNavigate();
  const service = useService(id);
  const update = useUpdateService(id);
  const remove = useDeleteService(id);
  const [saved, setSaved] = useState(false);
  const admin = canManage(me.role);
  if (service.isPending) return <Loading />;
  if (!service.data) return <ErrorNote error={service.error} />;
  const s = service.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/services">{t('services.list.title')}</Link>
      </p>
      <PageHeader
        title={s.name}
        actions={
          admin ? (
            <ConfirmButton
              label={t('services.detail.delete')}
              question={t('services.detail.deleteQuestion', { name: s.name })}
              disabled={remove.isPending}
              onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/services') })}
            />
          ) : null
        }
      >
        {s.description ? <p className="muted">{s.description}</p> : null}
      </PageHeader>
      <ErrorNote error={remove.error} />
      <IntegrationsSection serviceId={s.id} canEdit={admin} />
      <section className="card" aria-labelledby="service-settings">
        <h2 id="service-settings">{t('services.detail.settings')}</h2>
        {admin ? null : <p className="muted">{t('services.detail.readOnly')}</p>}
        <ServiceForm
          key={s.updatedAt}
          initial={valuesOf(s)}
          submitLabel={t('common.save')}
          busy={update.isPending}
          error={update.error}
          disabled={!admin}
          onSubmit={(v) => {
            setSaved(false);
            update.mutate(
              { name: v.name, description: v.description, tier: v.tier, teamId: v.teamId, escalationPolicyId: v.escalationPolicyId },
              { onSuccess: () => setSaved(true) },
            );
          }}
        />
        {saved ? (
          <p className="ok-note" role="status">
            {t('services.detail.saved')}
          </p>
        ) : null}
      </section>
    </>
  );
}
