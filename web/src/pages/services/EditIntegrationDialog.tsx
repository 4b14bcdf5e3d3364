import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Integration, useIntegrationMutations } from '../../api/admin';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';

type UpdateMutation = ReturnType<typeof useIntegrationMutations>['update'];

/** Rename, rate limit and heartbeat (a sender that must ping every N minutes). */
export function EditIntegrationDialog({ integration, mutation, onClose }: { integration: Integration | null; mutation: UpdateMutation; onClose: () => void }) {
  const { t } = useTranslation();
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Dialog open={integration !== null} title={t('services.integrations.editTitle')} onClose={close}>
      {integration ? <EditForm key={integration.id} integration={integration} mutation={mutation} onDone={close} /> : null}
    </Dialog>
  );
}

function EditForm({ integration: i, mutation, onDone }: { integration: Integration; mutation: UpdateMutation; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(i.name);
  const [rate, setRate] = useState(String(i.rateLimitPerSecond));
  const [hbOn, setHbOn] = useState(i.heartbeat?.enabled ?? false);
  const [interval, setHbInterval] = useState(String(i.heartbeat?.intervalMinutes ?? 60));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      { id: i.id, body: { name, rateLimitPerSecond: Number(rate), heartbeat: { enabled: hbOn, intervalMinutes: Number(interval) } } },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit}>
      <Field label={t('services.integrations.name')}>{(id) => <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label={t('services.integrations.rateLimit')} hint={t('services.integrations.rateLimitHint')}>
        {(id) => <input id={id} type="number" inputMode="numeric" min={1} max={1_000_000} required value={rate} onChange={(e) => setRate(e.target.value)} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={hbOn} onChange={(e) => setHbOn(e.target.checked)} />
        {t('services.integrations.heartbeatEnable')}
      </label>
      <Field label={t('services.integrations.heartbeatInterval')} hint={t('services.integrations.heartbeatHint')}>
        {(id) => (
          <input id={id} type="number" inputMode="numeric" min={1} max={10_080} required disabled={!hbOn} value={interval} onChange={(e) => setHbInterval(e.target.value)} />
        )}
      </Field>
      <FormActions pending={mutation.isPending} label={t('common.save')} onCancel={onDone} error={mutation.error} />
    </form>
  );
}
