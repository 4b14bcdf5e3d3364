import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, ROLES, type Role, useCreateUser } from '../../api/admin';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useSession } from '../../session/session';
import { TimeZoneField } from '../profile/TimeZoneField';
import { FormActions } from '../../components/FormActions';

/** A new person; without a password they use API tokens or single sign-on only. */
export function CreateUserDialog({ open, onClose, canCreateOwner }: { open: boolean; onClose: () => void; canCreateOwner: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const create = useCreateUser();
  const blank = { name: '', email: '', role: 'responder' as Role, locale: session.lang as Locale, timeZone: session.zone, password: '' };
  const [v, setV] = useState(blank);
  const set = <K extends keyof typeof blank>(k: K, value: (typeof blank)[K]) => setV((o) => ({ ...o, [k]: value }));
  const close = () => {
    create.reset();
    setV(blank);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: v.name, email: v.email, role: v.role, locale: v.locale, timeZone: v.timeZone, password: v.password || undefined },
      { onSuccess: close },
    );
  };
  return (
    <Dialog open={open} title={t('people.users.createTitle')} onClose={close}>
      <form onSubmit={submit}>
        <div className="grid-2">
          <Field label={t('people.users.name')}>{(id) => <input id={id} required maxLength={200} autoComplete="off" value={v.name} onChange={(e) => set('name', e.target.value)} />}</Field>
          <Field label={t('people.users.email')}>
            {(id) => <input id={id} type="email" required maxLength={254} autoComplete="off" value={v.email} onChange={(e) => set('email', e.target.value)} />}
          </Field>
          <Field label={t('people.users.role')}>
            {(id) => (
              <select id={id} value={v.role} onChange={(e) => set('role', e.target.value as Role)}>
                {ROLES.filter((r) => canCreateOwner || r !== 'owner').map((r) => (
                  <option key={r} value={r}>
                    {t(`people.roles.${r}`)} — {t(`people.roleHelp.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('people.users.language')}>
            {(id) => (
              <select id={id} value={v.locale} onChange={(e) => set('locale', e.target.value as Locale)}>
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {t(`people.locales.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <TimeZoneField value={v.timeZone} onChange={(z) => set('timeZone', z)} />
        <Field label={`${t('people.users.password')} (${t('common.optional')})`} hint={t('people.users.passwordHint')}>
          {(id) => <input id={id} type="password" autoComplete="new-password" value={v.password} onChange={(e) => set('password', e.target.value)} />}
        </Field>
        <FormActions pending={create.isPending} label={t('common.create')} onCancel={close} error={create.error} />
      </form>
    </Dialog>
  );
}
