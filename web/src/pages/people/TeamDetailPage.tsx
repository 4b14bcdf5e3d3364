import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { canManage, useTeam, useTeamMutations } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useUser } from '../../session/session';
import { ConfirmButton } from '../services/ConfirmButton';
import { AddMemberForm } from './AddMemberForm';

export function TeamDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useUser();
  const navigate = useNavigate();
  const team = useTeam(id);
  const m = useTeamMutations();
  // The security flag and a security team's members are the owners' to change (SPEC §4.9).
  const isOwner = me.role === 'owner';
  if (team.isPending) return <Loading />;
  if (!team.data) return <ErrorNote error={team.error} />;
  const tm = team.data;
  const canEdit = canManage(me.role) && (!tm.security || isOwner);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/people/teams">{t('people.teams.title')}</Link>
      </p>
      <PageHeader
        title={tm.name}
        actions={
          canEdit ? (
            <ConfirmButton
              label={t('people.teams.delete')}
              question={t('people.teams.deleteQuestion', { name: tm.name })}
              disabled={m.remove.isPending}
              onConfirm={() => m.remove.mutate(tm.id, { onSuccess: () => navigate('/people/teams') })}
            />
          ) : null
        }
      >
        {tm.description ? <p className="muted">{tm.description}</p> : null}
        {tm.security ? <span className="badge security-badge">{t('people.teams.security')}</span> : null}
      </PageHeader>
      <ErrorNote error={m.remove.error ?? m.update.error ?? m.removeMember.error} />
      <section className="card" aria-labelledby="team-security">
        <h2 id="team-security">{t('people.teams.securityTitle')}</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={tm.security}
            disabled={!isOwner || m.update.isPending}
            onChange={(e) => m.update.mutate({ id: tm.id, body: { security: e.target.checked } })}
          />
          {t('people.teams.securityLabel')}
        </label>
        <p className="hint">{isOwner ? t('people.teams.securityHint') : t('people.teams.securityOwnersOnly')}</p>
      </section>
      <section className="card" aria-labelledby="team-members">
        <h2 id="team-members">{t('people.teams.membersTitle', { count: tm.members.length })}</h2>
        {tm.members.length === 0 ? (
          <p className="muted">{t('people.teams.noMembers')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('people.users.name')}</th>
                  <th scope="col">{t('people.users.role')}</th>
                  {canEdit ? <th scope="col">{t('people.users.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {tm.members.map((mb) => (
                  <tr key={mb.userId}>
                    <td>
                      {mb.name}
                      <div className="muted break">{mb.email}</div>
                    </td>
                    <td>{t(`people.roles.${mb.role}`)}</td>
                    {canEdit ? (
                      <td>
                        <button
                          type="button"
                          className="button small"
                          aria-label={t('people.teams.removeMember', { name: mb.name })}
                          disabled={m.removeMember.isPending}
                          onClick={() => m.removeMember.mutate({ id: tm.id, userId: mb.userId })}
                        >
                          {t('common.remove')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? <AddMemberForm teamId={tm.id} memberIds={tm.members.map((mb) => mb.userId)} /> : null}
      </section>
    </>
  );
}
