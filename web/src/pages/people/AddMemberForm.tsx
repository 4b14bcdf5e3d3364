import { type FormEvent, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeamMutations, useUserPages } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

/** Find a person by name or e-mail and add them. */
export function AddMemberForm({ teamId, memberIds }: { teamId: string; memberIds: string[] }) {
  const { t } = useTranslation();
  const { addMember } = useTeamMutations();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const users = useUserPages(query);
  const candidates = (users.data?.pages[0]?.items ?? []).filter((u) => !memberIds.includes(u.id) && !u.disabled);
  const [picked, setPicked] = useState('');
  const userId = candidates.some((u) => u.id === picked) ? picked : (candidates[0]?.id ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (userId) addMember.mutate({ id: teamId, userId }, { onSuccess: () => setPicked('') });
  };
  return (
    <form className="add-member" onSubmit={submit} aria-label={t('people.teams.addMember')}>
      <h3>{t('people.teams.addMember')}</h3>
      <div className="grid-2">
        <Field label={t('people.teams.findPerson')}>{(id) => <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <Field label={t('people.teams.person')}>
          {(id) => (
            <select id={id} value={userId} onChange={(e) => setPicked(e.target.value)} disabled={candidates.length === 0}>
              {candidates.length === 0 ? <option value="">{t('people.teams.nobodyToAdd')}</option> : null}
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorNote error={addMember.error ?? users.error} />
      <button type="submit" className="button" disabled={!userId || addMember.isPending}>
        {t('people.teams.add')}
      </button>
    </form>
  );
}
