import { useTranslation } from 'react-i18next';
import type { Integration } from '../../api/admin';
import { CopyButton } from '../../components/CopyButton';
import { Dialog } from '../../components/Dialog';
import { Snippets } from './Snippets';

/**
 * Right after a key is made (`fresh`): the key itself, said once, and the sender's configuration
 * with it filled in. Later: the same configuration with a placeholder where the key goes.
 */
export function KeyDialog({ shown, onClose }: { shown: { integration: Integration; fresh: boolean } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const i = shown?.integration;
  return (
    <Dialog open={shown !== null} title={i ? t('services.key.title', { name: i.name }) : ''} onClose={onClose}>
      {i && shown ? (
        <div className="dialog-body key-dialog">
          <p className="muted">{t(`services.types.${i.type}.label`)}</p>
          {shown.fresh ? (
            <div className="key-once" role="status">
              <p>
                <strong>{t('services.key.once')}</strong>
              </p>
              <div className="row key-row">
                <code className="key-value" data-testid="integration-key">
                  {i.key}
                </code>
                <CopyButton text={i.key} label={t('services.key.copy')} />
              </div>
            </div>
          ) : (
            <p className="muted">{t('services.key.hidden')}</p>
          )}
          <Snippets type={i.type} integrationKey={shown.fresh ? i.key : t('services.key.placeholder')} />
          <div className="row">
            <button type="button" className="button primary" onClick={onClose}>
              {shown.fresh ? t('services.key.done') : t('common.close')}
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
