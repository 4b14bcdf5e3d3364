import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Integration, useIntegrationMutations, useIntegrations } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { CreateIntegrationDialog } from './CreateIntegrationDialog';
import { EditIntegrationDialog } from './EditIntegrationDialog';
import { IntegrationRow } from './IntegrationRow';
import { KeyDialog } from './KeyDialog';

/**
 * A service's inbound sources. A key is shown in full only right after it is made (create or
 * rotate), with the sender's configuration; afterwards the list shows its first characters.
 */
export function IntegrationsSection({ serviceId, canEdit }: { serviceId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const list = useIntegrations(serviceId);
  const m = useIntegrationMutations(serviceId);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ integration: Integration; fresh: boolean } | null>(null);
  const [editing, setEditing] = useState<Integration | null>(null);
  const items = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="integrations-title">
      <div className="section-head">
        <h2 id="integrations-title">{t('services.integrations.title')}</h2>
        {canEdit ? (
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            {t('services.integrations.add')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('services.integrations.intro')}</p>
      <ErrorNote error={list.error ?? m.rotate.error ?? m.remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('services.integrations.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('services.integrations.name')}</th>
                <th scope="col">{t('services.integrations.type')}</th>
                <th scope="col">{t('services.integrations.key')}</th>
                <th scope="col">{t('services.integrations.heartbeat')}</th>
                <th scope="col">{t('services.integrations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <IntegrationRow
                  key={i.id}
                  integration={i}
                  canEdit={canEdit}
                  busy={m.rotate.isPending || m.remove.isPending}
                  onSetup={() => setShown({ integration: i, fresh: false })}
                  onEdit={() => setEditing(i)}
                  onRotate={() => m.rotate.mutate(i.id, { onSuccess: (r) => setShown({ integration: r, fresh: true }) })}
                  onDelete={() => m.remove.mutate(i.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateIntegrationDialog
        open={creating}
        mutation={m.create}
        onClose={() => setCreating(false)}
        onCreated={(i) => {
          setCreating(false);
          setShown({ integration: i, fresh: true });
        }}
      />
      <EditIntegrationDialog integration={editing} mutation={m.update} onClose={() => setEditing(null)} />
      <KeyDialog shown={shown} onClose={() => setShown(null)} />
    </section>
  );
}
