import { useTranslation } from 'react-i18next';
import { useServices } from '../../api/incidents';
import type { StatusComponent } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { AddComponentForm } from './AddComponentForm';
import { useComponentMutations, useComponents } from './api';
import { ComponentRow } from './ComponentRow';
import { groupComponents, moveWithinGroup } from './component-order';

/**
 * A page's components in the order the page shows them: grouped, each group where its first
 * component is. Each can be moved within its group and have its status set by hand or left automatic.
 */
export function ComponentsSection({ pageId, canEdit }: { pageId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const list = useComponents(pageId);
  const services = useServices();
  const m = useComponentMutations(pageId);
  const items = list.data?.items ?? [];
  const groups = groupComponents(items);
  const serviceName = (id: string | null) => (id ? (services.data?.items.find((s) => s.id === id)?.name ?? '…') : null);
  const busy = m.update.isPending || m.reorder.isPending || m.remove.isPending;
  const move = (c: StatusComponent, by: -1 | 1) => {
    const moves = moveWithinGroup(items, c.id, by);
    if (moves.length) m.reorder.mutate(moves);
  };
  return (
    <section className="card" aria-labelledby="components-title">
      <h2 id="components-title">{t('statusPages.components.title')}</h2>
      <p className="muted">{t('statusPages.components.intro')}</p>
      <ErrorNote error={list.error ?? m.update.error ?? m.reorder.error ?? m.remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('statusPages.components.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('statusPages.components.name')}</th>
                <th scope="col">{t('statusPages.components.shown')}</th>
                <th scope="col">{t('statusPages.components.status')}</th>
                {canEdit ? <th scope="col">{t('statusPages.components.actions')}</th> : null}
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.name ?? ''}>
                {g.name !== null ? (
                  <tr className="group-row">
                    <th scope="colgroup" colSpan={canEdit ? 4 : 3}>
                      {g.name}
                    </th>
                  </tr>
                ) : null}
                {g.items.map((c, i) => (
                  <ComponentRow
                    key={c.id}
                    component={c}
                    serviceName={serviceName(c.serviceId)}
                    canEdit={canEdit}
                    busy={busy}
                    first={i === 0}
                    last={i === g.items.length - 1}
                    onMove={(by) => move(c, by)}
                    onManualStatus={(manualStatus) => m.update.mutate({ id: c.id, body: { manualStatus } })}
                    onDelete={() => m.remove.mutate(c.id)}
                  />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {canEdit ? <AddComponentForm mutation={m.create} groups={groups.flatMap((g) => (g.name === null ? [] : [g.name]))} services={services.data?.items} /> : null}
    </section>
  );
}
