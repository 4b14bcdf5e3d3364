import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../api/types';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { NamedSelect } from '../../components/NamedSelect';
import type { useComponentMutations } from './api';

type CreateMutation = ReturnType<typeof useComponentMutations>['create'];

/** A new component at the end of the page: its name, optionally a group (new or existing) and a service. */
export function AddComponentForm({ mutation, groups, services }: { mutation: CreateMutation; groups: string[]; services: readonly Service[] | undefined }) {
  const { t } = useTranslation();
  const groupList = useId();
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const [serviceId, setServiceId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      { name, ...(group.trim() ? { group: group.trim() } : {}), ...(serviceId ? { serviceId } : {}) },
      {
        onSuccess: () => {
          setName('');
          setServiceId('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t('statusPages.components.add')}>
      <h3>{t('statusPages.components.add')}</h3>
      <div className="grid-2">
        <Field label={t('statusPages.components.name')}>{(id) => <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={t('statusPages.components.group')} hint={t('statusPages.components.groupHint')}>
          {(id) => (
            <>
              <input id={id} list={groupList} maxLength={200} autoComplete="off" value={group} onChange={(e) => setGroup(e.target.value)} />
              <datalist id={groupList}>
                {groups.map((g) => (
                  <option key={g} value={g} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('statusPages.components.service')} hint={t('statusPages.components.serviceHint')}>
          {(id) => <NamedSelect id={id} value={serviceId} onChange={setServiceId} options={services} empty={t('statusPages.components.noService')} />}
        </Field>
      </div>
      <FormActions pending={mutation.isPending} label={t('statusPages.components.add')} error={mutation.error} />
    </form>
  );
}
