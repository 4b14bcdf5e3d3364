import { useTranslation } from 'react-i18next';
import { canManage, ROLES, type Role, useUpdateUser } from '../../api/admin';
import type { User } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { ConfirmButton } from '../services/ConfirmButton';

/** One person: role (changeable by administrators; owner only by owners), language, zone, access. */
export function UserRow({ user: u, me }: { user: User; me: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const admin = canManage(me.role);
  const self = u.id === me.id;
  // Only an owner may make or unmake owners; nobody changes their own role or access here.
  const roleEditable = admin && !self && (me.role === 'owner' || u.role !== 'owner');
  const roles = ROLES.filter((r) => me.role === 'owner' || r !== 'owner');
  return (
    <tr className={u.disabled ? 'disabled-row' : undefined}>
      <td>
        <strong>{u.name}</strong>
        {self ? <span className="muted"> {t('people.users.you')}</span> : null}
        <div className="muted break">{u.email}</div>
      </td>
      <td>
        {roleEditable ? (
          <select
            aria-label={t('people.users.roleOf', { name: u.name })}
            value={u.role}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ id: u.id, body: { role: e.target.value as Role } })}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`people.roles.${r}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`people.roles.${u.role}`)
        )}
        <ErrorNote error={update.error} />
      </td>
      <td>
        {t(`people.locales.${u.locale}`)}
        <div className="muted">{u.timeZone}</div>
      </td>
      <td>
        <span className={`badge ${u.disabled ? 'failed' : 'resolved'}`}>{u.disabled ? t('people.users.disabled') : t('people.users.active')}</span>
      </td>
      {admin ? (
        <td>
          {roleEditable ? (
            u.disabled ? (
              <button type="button" className="button small" disabled={update.isPending} onClick={() => update.mutate({ id: u.id, body: { disabled: false } })}>
                {t('people.users.enable')}
              </button>
            ) : (
              <ConfirmButton
                label={t('people.users.disable')}
                question={t('people.users.disableQuestion', { name: u.name })}
                disabled={update.isPending}
                onConfirm={() => update.mutate({ id: u.id, body: { disabled: true } })}
              />
            )
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
