import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canManage, useTeams } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useUser } from '../../session/session';
import { CreateTeamDialog } from './CreateTeamDialog';

export function TeamsPage() {
  const { t } = useTranslation();
  const me = useUser();
  const teams = useTeams();
  const [creating, setCreating] = useState(false);
  const items = teams.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('people.teams.title')}
        actions={
          canManage(me.role) ? (
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              {t('people.teams.new')}
            </button>
          ) : null
        }
      >
        <p className="muted">{t('people.teams.intro')}</p>
      </PageHeader>
      <ErrorNote error={teams.error} />
      {teams.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('people.teams.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('people.teams.name')}</th>
                <th scope="col">{t('people.teams.members')}</th>
                <th scope="col">{t('people.teams.kind')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((tm) => (
                <tr key={tm.id}>
                  <td>
                    <Link to={`/people/teams/${tm.id}`}>{tm.name}</Link>
                    {tm.description ? <div className="muted clamp">{tm.description}</div> : null}
                  </td>
                  <td>{tm.memberCount}</td>
                  <td>{tm.security ? <span className="badge security-badge">{t('people.teams.security')}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateTeamDialog open={creating} onClose={() => setCreating(false)} isOwner={me.role === 'owner'} />
    </>
  );
}
