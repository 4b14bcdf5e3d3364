import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddNote } from '../../api/incidents';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

export function NoteForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const add = useAddNote(incidentId);
  const [body, setBody] = useState('');
  const [pinned, setPinned] = useState(false);
  return (
    <form
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim()) return;
        add.mutate(
          { body, ...(pinned ? { pinned } : {}) },
          {
            onSuccess: () => {
              setBody('');
              setPinned(false);
            },
          },
        );
      }}
    >
      <Field label={t('incidents.note.label')}>
        {(id) => (
          <textarea
            id={id}
            value={body}
            maxLength={50000}
            placeholder={t('incidents.note.placeholder')}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
            }}
          />
        )}
      </Field>
      <div className="row">
        <button type="submit" className="button primary" disabled={add.isPending || !body.trim()}>
          {add.isPending ? t('common.saving') : t('incidents.note.submit')}
        </button>
        <label className="row">
          <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} /> {t('incidents.note.pinIt')}
        </label>
      </div>
      <ErrorNote error={add.error} />
    </form>
  );
}
