import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssignRole, useIncidentRoles, usePeople } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useUser } from '../../session/session';
import { NamedSelect } from '../../components/NamedSelect';

/** Each role with its holder; assigning someone else hands the role over (on the timeline). */
export function RolesPanel({ incident: i }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const roles = useIncidentRoles();
  const assign = useAssignRole(i.id);
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <section className="card" aria-labelledby="roles-title">
      <h2 id="roles-title">{t('incidents.roles.title')}</h2>
      <ul className="list">
        {roles.data?.roles.map((r) => (
          <RoleRow key={r.key} incident={i} roleKey={r.key} roleName={r.name[lang]} onAssign={(userId) => assign.mutate({ role: r.key, userId })} busy={assign.isPending} />
        ))}
      </ul>
      <ErrorNote error={assign.error ?? roles.error} />
    </section>
  );
}

function RoleRow(props: { incident: Incident; roleKey: string; roleName: string; onAssign: (userId: string | null) => void; busy: boolean }) {
  const { t } = useTranslation();
  const me = useUser();
  const people = usePeople();
  const holder = props.incident.roles[props.roleKey];
  const [choice, setChoice] = useState('');
  const open = props.incident.status !== 'closed' && props.incident.status !== 'merged';
  return (
    <li className="role-row">
      <strong>{props.roleName}</strong>: {holder ? holder.name : <span className="muted">{t('incidents.roles.unassigned')}</span>}
      {open ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) props.onAssign(choice);
          }}
        >
          <Field label={t('incidents.roles.to', { role: props.roleName })}>
            {(id) => (
              <NamedSelect
                id={id}
                value={choice}
                onChange={setChoice}
                options={people.data?.items.filter((u) => !u.disabled && u.id !== holder?.userId)}
                empty="—"
              />
            )}
          </Field>
          <button type="submit" className="button small" disabled={!choice || props.busy}>
            {holder ? t('incidents.roles.handOver') : t('incidents.roles.assign')}
          </button>
          {holder?.userId !== me.id ? (
            <button type="button" className="button small" disabled={props.busy} onClick={() => props.onAssign(me.id)}>
              {t('incidents.roles.takeIt')}
            </button>
          ) : null}
          {holder ? (
            <button type="button" className="button small" disabled={props.busy} onClick={() => props.onAssign(null)}>
              {t('incidents.roles.unassign')}
            </button>
          ) : null}
        </form>
      ) : null}
    </li>
  );
}
