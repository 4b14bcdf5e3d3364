import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTEGRATION_TYPES, type Integration, type IntegrationType, type useIntegrationMutations } from '../../api/admin';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';

type CreateMutation = ReturnType<typeof useIntegrationMutations>['create'];

/** Pick what sends (each type has its own endpoint and key check) and name it. */
export function CreateIntegrationDialog({
  open,
  mutation,
  onClose,
  onCreated,
}: {
  open: boolean;
  mutation: CreateMutation;
  onClose: () => void;
  onCreated: (i: Integration) => void;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<IntegrationType>('alertmanager');
  const [name, setName] = useState('');
  const close = () => {
    mutation.reset();
    setName('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      { type, name: name.trim() || t(`services.types.${type}.label`) },
      {
        onSuccess: (i) => {
          setName('');
          onCreated(i);
        },
      },
    );
  };
  return (
    <Dialog open={open} title={t('services.integrations.createTitle')} onClose={close}>
      <form onSubmit={submit}>
        <fieldset className="type-choice">
          <legend>{t('services.integrations.type')}</legend>
          {INTEGRATION_TYPES.map((ty) => (
            <label key={ty} className="choice">
              <input type="radio" name="integration-type" value={ty} checked={type === ty} onChange={() => setType(ty)} />
              <span>
                <strong>{t(`services.types.${ty}.label`)}</strong>
                <small className="hint">{t(`services.types.${ty}.hint`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <Field label={t('services.integrations.name')} hint={t('services.integrations.nameHint')}>
          {(id) => <input id={id} maxLength={200} value={name} placeholder={t(`services.types.${type}.label`)} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <FormActions pending={mutation.isPending} label={t('common.create')} onCancel={close} error={mutation.error} />
      </form>
    </Dialog>
  );
}
