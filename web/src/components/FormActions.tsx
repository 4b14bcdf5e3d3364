import { useTranslation } from 'react-i18next';
import { ErrorNote } from './ErrorNote';

/** The end of every form: the server's error (if any), then submit (busy while saving) and cancel. */
export function FormActions({ pending, label, onCancel, error, className }: { pending: boolean; label: string; onCancel?: () => void; error?: unknown; className?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorNote error={error} />
      <div className={`row form-actions ${className ?? ''}`}>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t('common.saving') : label}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </>
  );
}
