import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManage, useUserPages } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useUser } from '../../session/session';
import { CreateUserDialog } from './CreateUserDialog';
import { RolesHelp } from './RolesHelp';
import { UserRow } from './UserRow';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const admin = canManage(me.role);
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const [creating, setCreating] = useState(false);
  const pages = useUserPages(query);
  const users = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('people.users.title')}
        actions={
          admin ? (
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              {t('people.users.new')}
            </button>
          ) : null
        }
      />
      <RolesHelp />
      <div className="admin-toolbar">
        <Field label={t('people.users.search')}>{(id) => <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
      </div>
      <ErrorNote error={pages.error} />
      {pages.isPending ? (
        <Loading />
      ) : users.length === 0 ? (
        <p className="muted">{t('people.users.noMatch')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('people.users.name')}</th>
                <th scope="col">{t('people.users.role')}</th>
                <th scope="col">{t('people.users.languageZone')}</th>
                <th scope="col">{t('people.users.status')}</th>
                {admin ? <th scope="col">{t('people.users.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} me={me} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages.hasNextPage ? (
        <button type="button" className="button" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {t('common.more')}
        </button>
      ) : null}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} canCreateOwner={me.role === 'owner'} />
    </>
  );
}
