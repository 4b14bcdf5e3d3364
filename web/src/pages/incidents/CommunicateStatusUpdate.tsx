import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Incident, PostedIncident } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { NamedSelect } from '../../components/NamedSelect';
import { publicPath, UPDATE_STATUSES, usePostedIncidents, usePostStatusUpdate, useStatusPages } from '../status-pages/api';
import { CommunicatePosted } from './CommunicatePosted';

type UpdateStatus = PostedIncident['status'];

/**
 * Post an update to a status page: the page, the public status, the public title (the incident's
 * title unless changed) and the message readers see; below, what each page already shows.
 */
export function CommunicateStatusUpdate({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const pages = useStatusPages();
  const posted = usePostedIncidents(incident.id);
  const postUpdate = usePostStatusUpdate(incident.id);
  const [pageId, setPageId] = useState('');
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [title, setTitle] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const pageList = pages.data?.items ?? [];
  // One page: nothing to choose.
  const chosen = pageId || (pageList.length === 1 ? (pageList[0]?.id ?? '') : '');
  const already = posted.data?.items.find((p) => p.pageId === chosen);
  // Until changed, the form follows what the chosen page already shows.
  const shownStatus: UpdateStatus = status ?? (already && already.status !== 'resolved' ? already.status : 'investigating');
  const shownTitle = title ?? already?.title ?? incident.title;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    postUpdate.mutate(
      { statusPageId: chosen, status: shownStatus, message, title: shownTitle.trim() || undefined },
      {
        onSuccess: () => {
          setMessage('');
          setStatus(null);
          setTitle(null);
        },
      },
    );
  };
  return (
    <div className="communicate-part">
      <h3>{t('communicate.statusUpdate.title')}</h3>
      <ErrorNote error={pages.error ?? posted.error} />
      {pages.data && pageList.length === 0 ? (
        <p className="muted">
          {t('communicate.statusUpdate.noPages')} <Link to="/status-pages">{t('communicate.statusUpdate.managePages')}</Link>
        </p>
      ) : (
        <form onSubmit={submit} aria-label={t('communicate.statusUpdate.title')}>
          <Field label={t('communicate.statusUpdate.page')}>
            {(id) => (
              <NamedSelect
                id={id}
                value={chosen}
                onChange={(v) => {
                  setPageId(v);
                  setStatus(null);
                  setTitle(null);
                }}
                options={pageList}
                empty={t('communicate.statusUpdate.choosePage')}
              />
            )}
          </Field>
          <fieldset className="type-choice status-choice">
            <legend>{t('communicate.statusUpdate.status')}</legend>
            <div className="row">
              {UPDATE_STATUSES.map((s) => (
                <label key={s} className="choice">
                  <input type="radio" name={`status-update-${incident.id}`} value={s} checked={shownStatus === s} onChange={() => setStatus(s)} />
                  <span>{t(`communicate.updateStatus.${s}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <Field label={t('communicate.statusUpdate.publicTitle')} hint={t('communicate.statusUpdate.publicTitleHint')}>
            {(id) => <input id={id} required maxLength={200} value={shownTitle} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field label={t('communicate.statusUpdate.message')} hint={t('communicate.statusUpdate.messageHint')}>
            {(id) => <textarea id={id} required rows={4} maxLength={10_000} value={message} onChange={(e) => setMessage(e.target.value)} />}
          </Field>
          <FormActions pending={postUpdate.isPending} label={t('communicate.statusUpdate.post')} error={postUpdate.error} />
          {postUpdate.isSuccess ? (
            <p className="ok-note" role="status">
              {t('communicate.statusUpdate.posted', { page: postUpdate.data.pageName })}{' '}
              <a href={publicPath(postUpdate.data.pageSlug)}>{t('communicate.statusUpdate.openPage', { page: postUpdate.data.pageName })}</a>
            </p>
          ) : null}
        </form>
      )}
      <CommunicatePosted items={posted.data?.items} />
    </div>
  );
}
