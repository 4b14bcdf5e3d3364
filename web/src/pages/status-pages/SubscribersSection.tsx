import { useTranslation } from 'react-i18next';
import type { StatusSubscriber } from '../../api/types';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { ConfirmButton } from '../services/ConfirmButton';
import { AddSubscriberForm } from './AddSubscriberForm';
import { useComponents, useSubscriberMutations, useSubscribers } from './api';

/**
 * Who is told about each update: e-mail addresses (waiting for confirmation until they follow their
 * link) and webhooks (with the secret that signs them). Administrators only, like the API.
 */
export function SubscribersSection({ pageId }: { pageId: string }) {
  const { t } = useTranslation();
  const list = useSubscribers(pageId);
  const components = useComponents(pageId);
  const m = useSubscriberMutations(pageId);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const scope = (s: StatusSubscriber) => {
    const ids = s.componentIds ?? [];
    if (ids.length === 0) return t('statusPages.subscribers.allComponents');
    return ids.map((id) => components.data?.items.find((c) => c.id === id)?.name ?? '…').join(', ');
  };
  return (
    <section className="card" aria-labelledby="subscribers-title">
      <h2 id="subscribers-title">{t('statusPages.subscribers.title')}</h2>
      <p className="muted">{t('statusPages.subscribers.intro')}</p>
      <ErrorNote error={list.error ?? m.remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('statusPages.subscribers.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('statusPages.subscribers.address')}</th>
                <th scope="col">{t('statusPages.subscribers.channel')}</th>
                <th scope="col">{t('statusPages.subscribers.components')}</th>
                <th scope="col">{t('statusPages.subscribers.state')}</th>
                <th scope="col">{t('statusPages.components.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td className="break">{s.address}</td>
                  <td>{t(`statusPages.channel.${s.channel}`)}</td>
                  <td>{scope(s)}</td>
                  <td>
                    <span className={`badge ${s.status === 'active' ? 'delivered' : s.status === 'pending_confirmation' ? 'pending' : 'declined'}`}>
                      {t(`statusPages.subscribers.status.${s.status}`)}
                    </span>
                  </td>
                  <td>
                    <div className="row actions">
                      {s.signingSecret ? <CopyButton text={s.signingSecret} label={t('statusPages.subscribers.copySecret')} /> : null}
                      <ConfirmButton
                        label={t('statusPages.subscribers.remove')}
                        question={t('statusPages.subscribers.removeQuestion', { address: s.address })}
                        disabled={m.remove.isPending}
                        onConfirm={() => m.remove.mutate(s.id)}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage ? (
        <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('common.more')}
        </button>
      ) : null}
      <AddSubscriberForm mutation={m.add} components={components.data?.items} />
    </section>
  );
}
