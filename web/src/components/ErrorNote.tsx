import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** An API error said plainly: the server's message names the field and the fix. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  let text: string;
  if (error instanceof ApiError) {
    if (error.status === 0) text = t('common.errors.network');
    else if (error.status === 403) text = `${t('common.errors.forbidden')} (${error.message})`;
    else if (error.status === 404) text = t('common.errors.notFound');
    else if (error.status === 409) text = t('common.errors.conflict', { message: error.message });
    // Validation messages name the field and the fix; they need no preamble.
    else if (error.status === 400 || error.status === 422) text = error.message;
    else text = t('common.errors.generic', { message: error.message });
  } else text = t('common.errors.generic', { message: error instanceof Error ? error.message : String(error) });
  return (
    <p className="error-note" role="alert">
      {text}
    </p>
  );
}
