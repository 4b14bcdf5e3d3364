import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTeamMutations } from '../../api/admin';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';

/** A new team; a security team (CSIRT) sees restricted incidents and only owners may make one. */
export function CreateTeamDialog({ open, onClose, isOwner }: { open: boolean; onClose: () => void; isOwner: boolean }) {
  const { t } = useTranslation();
  const { create } = useTeamMutations();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [security, setSecurity] = useState(false);
  const close = () => {
    create.reset();
    setName('');
    setDescription('');
    setSecurity(false);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, description: description || undefined, ...(security ? { security: true } : {}) },
      { onSuccess: (team) => navigate(`/people/teams/${team.id}`) },
    );
  };
  return (
    <Dialog open={open} title={t('people.teams.createTitle')} onClose={close}>
      <form onSubmit={submit}>
        <Field label={t('people.teams.name')}>{(id) => <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={t('people.teams.description')}>
          {(id) => <textarea id={id} rows={3} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={security} disabled={!isOwner} onChange={(e) => setSecurity(e.target.checked)} />
          {t('people.teams.securityLabel')}
        </label>
        <p className="hint">{isOwner ? t('people.teams.securityHint') : t('people.teams.securityOwnersOnly')}</p>
        <FormActions pending={create.isPending} label={t('common.create')} onCancel={close} error={create.error} />
      </form>
    </Dialog>
  );
}
