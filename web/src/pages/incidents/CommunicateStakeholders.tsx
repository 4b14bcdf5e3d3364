import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOCALES, type Locale } from '../../api/admin';
import type { Incident, SendStakeholderUpdate, StakeholderUpdate } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useFormat } from '../../time/useFormat';
import { FORMATS, useAudiences, useStakeholderMutations, useStakeholderUpdates } from './communicate-api';
import { CommunicateStakeholderHistory } from './CommunicateStakeholderHistory';

/** Minutes until the next update; the instant is taken when the form is previewed or sent. */
const NEXT_UPDATE = [0, 30, 60, 120, 240] as const;
const FIVE_MINUTES = 5 * 60_000;
/** now + minutes, rounded up to five minutes ("next update at 15:30"), or nothing. */
const nextUpdateAt = (minutes: number) => (minutes ? new Date(Math.ceil((Date.now() + minutes * 60_000) / FIVE_MINUTES) * FIVE_MINUTES).toISOString() : undefined);

/**
 * An update for internal audiences by e-mail: the executive format says impact, status and when the
 * next update comes; the standard one adds a message. Preview renders exactly what is sent.
 */
export function CommunicateStakeholders({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const f = useFormat();
  const audiences = useAudiences();
  const updates = useStakeholderUpdates(incident.id);
  const m = useStakeholderMutations(incident.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [format, setFormat] = useState<StakeholderUpdate['format']>('executive');
  const [impact, setImpact] = useState('');
  const [status, setStatus] = useState('');
  const [message, setMessage] = useState('');
  const [next, setNext] = useState<number>(60);
  const [language, setLanguage] = useState<Locale | ''>('');
  const body = (): SendStakeholderUpdate => ({
    audienceIds: chosen,
    format,
    ...(impact.trim() ? { impact: impact.trim() } : {}),
    ...(status.trim() ? { status: status.trim() } : {}),
    ...(message.trim() ? { message: message.trim() } : {}),
    ...(next ? { nextUpdateAt: nextUpdateAt(next) } : {}),
    ...(language ? { language } : {}),
  });
  const toggle = (id: string, on: boolean) => {
    m.preview.reset();
    setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.send.mutate(body(), {
      onSuccess: () => {
        m.preview.reset();
        setMessage('');
        setImpact('');
        setStatus('');
      },
    });
  };
  const list = audiences.data?.items ?? [];
  const preview = m.preview.data;
  return (
    <div className="communicate-part">
      <h3>{t('communicate.stakeholders.title')}</h3>
      <ErrorNote error={audiences.error} />
      {audiences.data && list.length === 0 ? (
        <p className="muted">
          {t('communicate.stakeholders.noAudiences')} <Link to="/stakeholder-audiences">{t('communicate.stakeholders.manageAudiences')}</Link>
        </p>
      ) : (
        <form onSubmit={submit} aria-label={t('communicate.stakeholders.title')}>
          <fieldset className="type-choice audiences">
            <legend>{t('communicate.stakeholders.audiences')}</legend>
            {list.map((a) => (
              <label key={a.id} className="check">
                <input type="checkbox" checked={chosen.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
                <span>
                  {a.name} <span className="muted small">({t(`communicate.kind.${a.kind}`)})</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className="type-choice">
            <legend>{t('communicate.stakeholders.format')}</legend>
            {FORMATS.map((fm) => (
              <label key={fm} className="choice">
                <input type="radio" name={`stakeholder-format-${incident.id}`} value={fm} checked={format === fm} onChange={() => setFormat(fm)} />
                <span>
                  <strong>{t(`communicate.formats.${fm}`)}</strong>
                  <small className="hint">{t(`communicate.formats.${fm}Hint`)}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <Field label={t('communicate.stakeholders.impact')} hint={t('communicate.stakeholders.impactHint')}>
            {(id) => <textarea id={id} rows={2} maxLength={2000} value={impact} onChange={(e) => setImpact(e.target.value)} />}
          </Field>
          <Field label={t('communicate.stakeholders.status')} hint={t('communicate.stakeholders.statusHint')}>
            {(id) => <input id={id} maxLength={2000} value={status} onChange={(e) => setStatus(e.target.value)} />}
          </Field>
          {format === 'standard' ? (
            <Field label={t('communicate.stakeholders.message')}>
              {(id) => <textarea id={id} rows={4} maxLength={10_000} value={message} onChange={(e) => setMessage(e.target.value)} />}
            </Field>
          ) : null}
          <div className="grid-2">
            <Field label={t('communicate.stakeholders.nextUpdate')} hint={t('communicate.stakeholders.nextUpdateHint', { zone: f.zoneLabel() })}>
              {(id) => (
                <select id={id} value={next} onChange={(e) => setNext(Number(e.target.value))}>
                  {NEXT_UPDATE.map((n) => (
                    <option key={n} value={n}>
                      {n === 0 ? t('communicate.stakeholders.noNextUpdate') : t('communicate.stakeholders.inMinutes', { count: n })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('communicate.stakeholders.language')}>
              {(id) => (
                <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as Locale | '')}>
                  <option value="">{t('communicate.stakeholders.audienceLanguage')}</option>
                  {LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {t(`common.language.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {preview ? (
            <section className="preview" aria-label={t('communicate.stakeholders.previewTitle')}>
              <p>
                <strong>{t('communicate.stakeholders.subject')}:</strong> <span data-testid="stakeholder-subject">{preview.subject}</span>
              </p>
              <p className="muted small">{t('communicate.stakeholders.recipients', { count: preview.recipients })}</p>
              <pre data-testid="stakeholder-text">{preview.text}</pre>
            </section>
          ) : null}
          <ErrorNote error={m.preview.error ?? m.send.error} />
          <div className="row form-actions">
            <button type="button" className="button" disabled={m.preview.isPending || chosen.length === 0} onClick={() => m.preview.mutate(body())}>
              {t('communicate.stakeholders.preview')}
            </button>
            <button type="submit" className="button primary" disabled={m.send.isPending || chosen.length === 0}>
              {m.send.isPending ? t('common.saving') : t('communicate.stakeholders.send')}
            </button>
          </div>
          {m.send.isSuccess ? (
            <p className="ok-note" role="status">
              {t('communicate.stakeholders.sent', { count: m.send.data.recipientCount })}
            </p>
          ) : null}
        </form>
      )}
      <ErrorNote error={updates.error} />
      <CommunicateStakeholderHistory items={updates.data?.items} />
    </div>
  );
}
