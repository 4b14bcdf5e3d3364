import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeclare, useServices } from '../../api/incidents';
import type { DeclareIncident } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useUser } from '../../session/session';
import { type Assessment, AssessmentFields } from './AssessmentFields';
import { FormActions } from '../../components/FormActions';
import { NamedSelect } from '../../components/NamedSelect';


export function DeclareDialog({ open, onClose, onDeclared }: { open: boolean; onClose: () => void; onDeclared: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('incidents.declare.title')} onClose={onClose}>
      <DeclareForm onDeclared={onDeclared} onCancel={onClose} />
    </Dialog>
  );
}

function DeclareForm({ onDeclared, onCancel }: { onDeclared: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useUser();
  const services = useServices();
  const declare = useDeclare();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [type, setType] = useState<'outage' | 'inquiry' | 'security'>('outage');
  const [severity, setSeverity] = useState('');
  const [commander, setCommander] = useState(true);
  const [coordinationUrl, setCoordinationUrl] = useState('');
  const [a, setA] = useState<Assessment>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: DeclareIncident = {
      title,
      type,
      ...(description ? { description } : {}),
      ...(serviceId ? { serviceId } : {}),
      ...(severity ? { severity: severity as DeclareIncident['severity'] } : {}),
      ...(coordinationUrl ? { coordinationUrl } : {}),
      ...(commander ? { commanderId: me.id } : {}),
      ...(Object.keys(a).length ? { assessment: a } : {}),
    };
    declare.mutate(body, { onSuccess: (inc) => onDeclared(inc.id) });
  };
  return (
    <form onSubmit={submit}>
      <Field label={t('incidents.declare.what')}>
        {(id) => <input id={id} required maxLength={500} value={title} placeholder={t('incidents.declare.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <div className="grid-2">
        <Field label={t('incidents.declare.service')}>
          {(id) => (
            <NamedSelect id={id} value={serviceId} onChange={setServiceId} options={services.data?.items} empty={t('incidents.declare.noService')} />
          )}
        </Field>
        <Field label={t('incidents.declare.type')}>
          {(id) => (
            <select id={id} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
              {(['outage', 'inquiry', 'security'] as const).map((x) => (
                <option key={x} value={x}>
                  {t(`incidents.type.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('incidents.declare.severity')}>
          {(id) => (
            <select id={id} value={severity} onChange={(e) => setSeverity(e.target.value)}>
              <option value="">{t('incidents.declare.severityAuto')}</option>
              {['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('incidents.declare.coordinationUrl')}>
          {(id) => <input id={id} type="url" value={coordinationUrl} placeholder="https://" onChange={(e) => setCoordinationUrl(e.target.value)} />}
        </Field>
      </div>
      <fieldset className="plain">
        <legend>{t('incidents.declare.impactQuestions')}</legend>
        <AssessmentFields value={a} onChange={setA} />
      </fieldset>
      <Field label={t('incidents.declare.description')}>
        {(id) => <textarea id={id} maxLength={20000} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <label className="row">
        <input type="checkbox" checked={commander} onChange={(e) => setCommander(e.target.checked)} /> {t('incidents.declare.commanderMe')}
      </label>
      <FormActions pending={declare.isPending} label={t('incidents.declare.submit')} onCancel={onCancel} error={declare.error} />
    </form>
  );
}
