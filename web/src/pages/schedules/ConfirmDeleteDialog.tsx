import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';

/**
 * Confirm a deletion. A 409 means something still uses the thing (a policy pages the schedule, a
 * service pages through the policy): said as such, with the server's message naming who.
 */
export function ConfirmDeleteDialog({
  title,
  question,
  inUse,
  remove,
  onClose,
  onDeleted,
}: {
  title: string;
  question: string;
  inUse: string;
  remove: () => Promise<unknown>;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const m = useMutation({ mutationFn: remove, onSuccess: onDeleted });
  const conflict = m.error instanceof ApiError && m.error.status === 409 ? m.error : null;
  return (
    <Dialog open onClose={onClose} title={title}>
      <div className="dialog-body">
        <p>{question}</p>
        {conflict ? (
          <div className="error-note" role="alert">
            <strong>{inUse}</strong>
            <p>{conflict.message}</p>
          </div>
        ) : (
          <ErrorNote error={m.error} />
        )}
        <div className="row form-actions">
          <button type="button" className="button danger" disabled={m.isPending || Boolean(conflict)} onClick={() => m.mutate()}>
            {t('common.delete')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {conflict ? t('common.close') : t('common.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
