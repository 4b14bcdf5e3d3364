import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A destructive action asked twice, in place: the first press shows the question with the real
 * button (focused) and a way back; nothing happens until the second.
 */
export function ConfirmButton({ label, question, onConfirm, disabled }: { label: string; question: string; onConfirm: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [armed, setArmed] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (armed) confirmRef.current?.focus();
  }, [armed]);
  if (!armed)
    return (
      <button type="button" className="button small danger" disabled={disabled} onClick={() => setArmed(true)}>
        {label}
      </button>
    );
  return (
    <span className="confirm">
      <span className="confirm-question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="button small danger"
        onClick={() => {
          setArmed(false);
          onConfirm();
        }}
      >
        {label}
      </button>
      <button type="button" className="button small" onClick={() => setArmed(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
