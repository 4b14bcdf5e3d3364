import { useTranslation } from 'react-i18next';
import type { IntegrationType } from '../../api/admin';
import { CopyButton } from '../../components/CopyButton';
import { snippetsFor } from './snippets';

/** The sender's configuration, one copyable block per way to connect. */
export function Snippets({ type, integrationKey }: { type: IntegrationType; integrationKey: string }) {
  const { t } = useTranslation();
  const items = snippetsFor(window.location.origin, type, integrationKey);
  return (
    <div className="snippets">
      <h3>{t('services.snippets.title')}</h3>
      {items.map((s) => (
        <figure key={s.id} className="snippet" data-snippet={s.id}>
          <figcaption className="row snippet-head">
            <span>{t(`services.snippets.${s.id}`)}</span>
            <CopyButton text={s.text} />
          </figcaption>
          <pre>
            <code>{s.text}</code>
          </pre>
        </figure>
      ))}
    </div>
  );
}
