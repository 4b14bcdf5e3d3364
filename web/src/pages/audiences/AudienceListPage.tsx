import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManage } from '../../api/admin';
import type { StakeholderAudience, User } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useUser } from '../../session/session';
import { ConfirmButton } from '../services/ConfirmButton';
import { useAudienceList, useAudienceMutations, useEveryone } from './api';
import { AudienceDialog } from './AudienceDialog';

/** Whom an audience writes to, in words: everyone, or so many people and addresses (with the names). */
function Recipients({ a, people, t }: { a: StakeholderAudience; people: ReadonlyMap<string, User>; t: TFunction }) {
  const names = a.userIds.map((id) => people.get(id)?.name ?? t('audiences.people.unknown'));
  return (
    <>
      {a.allUsers ? <span className="badge">{t('audiences.list.everyone')}</span> : null}
      {a.allUsers && a.userIds.length === 0 && a.emails.length === 0 ? null : (
        <div>
          {a.allUsers ? null : <span>{t('audiences.list.people', { count: a.userIds.length })}</span>}
          {a.allUsers ? null : ' · '}
          <span>{t('audiences.list.addresses', { count: a.emails.length })}</span>
        </div>
      )}
      {!a.allUsers && names.length ? <div className="muted small recipients-names">{names.join(', ')}</div> : null}
      {a.emails.length ? <div className="muted small break">{a.emails.join(', ')}</div> : null}
    </>
  );
}

/**
 * The stakeholder audiences: who receives the updates sent from an incident's Communicate panel.
 * Responders read the list (to know whom they write to); administrators change it.
 */
export function AudienceListPage() {
  const { t } = useTranslation();
  const me = useUser();
  const admin = canManage(me.role);
  const list = useAudienceList();
  const everyone = useEveryone();
  const { remove } = useAudienceMutations();
  // null: closed; 'new': creating; an audience: changing it.
  const [editing, setEditing] = useState<StakeholderAudience | 'new' | null>(null);
  const people = everyone.data ?? [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('audiences.list.title')}
        actions={
          admin ? (
            <button type="button" className="button primary" onClick={() => setEditing('new')}>
              {t('audiences.list.new')}
            </button>
          ) : null
        }
      >
        <p className="muted">{t('audiences.list.intro')}</p>
      </PageHeader>
      {admin ? null : <p className="muted">{t('audiences.list.readOnly')}</p>}
      <ErrorNote error={list.error ?? remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        list.data ? <p className="muted">{admin ? t('audiences.list.empty') : t('audiences.list.emptyReadOnly')}</p> : null
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audiences.list.name')}</th>
                <th scope="col">{t('audiences.list.kind')}</th>
                <th scope="col">{t('audiences.list.language')}</th>
                <th scope="col">{t('audiences.list.recipients')}</th>
                {admin ? <th scope="col">{t('audiences.list.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <strong>{a.name}</strong>
                  </td>
                  <td>
                    <span className="badge">{t(`audiences.kind.${a.kind}`)}</span>
                  </td>
                  <td>{t(`common.language.${a.language}`)}</td>
                  <td>
                    <Recipients a={a} people={byId} t={t} />
                  </td>
                  {admin ? (
                    <td>
                      <div className="row actions">
                        <button type="button" className="button small" aria-label={t('audiences.list.editNamed', { name: a.name })} onClick={() => setEditing(a)}>
                          {t('audiences.list.edit')}
                        </button>
                        <ConfirmButton
                          label={t('audiences.list.delete')}
                          question={t('audiences.list.deleteQuestion', { name: a.name })}
                          disabled={remove.isPending}
                          onConfirm={() => remove.mutate(a.id)}
                        />
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? <AudienceDialog audience={editing === 'new' ? null : editing} people={people} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
