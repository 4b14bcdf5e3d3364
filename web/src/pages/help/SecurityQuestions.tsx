import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SECURITY_ANSWERS, SECURITY_QUESTIONS, type SecurityQuestion } from './api';
import type { Draft } from './draft';

/** The three security questions: one radio group each (fieldset + legend), every answer required. */
export function SecurityQuestions({ value, onChange }: { value: Draft['security']; onChange: (v: Draft['security']) => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className="plain security-questions" aria-describedby={hintId}>
      <legend>{t('help.form.security')}</legend>
      <p id={hintId} className="hint">
        {t('help.form.securityHint')}
      </p>
      {SECURITY_QUESTIONS.map((q) => (
        <Question key={q} question={q} value={value[q]} onChange={(a) => onChange({ ...value, [q]: a })} />
      ))}
    </fieldset>
  );
}

function Question({ question, value, onChange }: { question: SecurityQuestion; value: string; onChange: (a: (typeof SECURITY_ANSWERS)[number]) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="radio-group">
      <legend>{t(`help.form.questions.${question}`)}</legend>
      <div className="radios">
        {SECURITY_ANSWERS.map((a) => (
          <label key={a} className="radio">
            <input type="radio" name={name} value={a} required checked={value === a} onChange={() => onChange(a)} /> {t(`help.form.answers.${a}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
