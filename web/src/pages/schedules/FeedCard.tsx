import { useTranslation } from 'react-i18next';
import { useFeedUrl } from '../../api/oncall';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

/** The schedule's iCal subscription URL (it carries a signed token, so calendar apps need no login). */
export function FeedCard({ scheduleId }: { scheduleId: string }) {
  const { t } = useTranslation();
  const q = useFeedUrl(scheduleId);
  return (
    <section className="card" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('schedules.feed.title')}</h2>
      <ErrorNote error={q.error} />
      {q.data ? (
        <>
          <Field label={t('schedules.feed.url')} hint={t('schedules.feed.hint')}>
            {(id) => <input id={id} readOnly value={q.data.url} onFocus={(e) => e.target.select()} />}
          </Field>
          <CopyButton text={q.data.url} label={t('schedules.feed.copy')} />
        </>
      ) : null}
    </section>
  );
}
