import { useTranslation } from 'react-i18next';
import type { Integration } from '../../api/admin';
import { ConfirmButton } from './ConfirmButton';

/** One integration: its name, type, the start of its key, heartbeat state and what can be done. */
export function IntegrationRow({
  integration: i,
  canEdit,
  busy,
  onSetup,
  onEdit,
  onRotate,
  onDelete,
}: {
  integration: Integration;
  canEdit: boolean;
  busy: boolean;
  onSetup: () => void;
  onEdit: () => void;
  onRotate: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const state = i.heartbeat?.enabled ? i.heartbeat.state : 'off';
  return (
    <tr>
      <td>{i.name}</td>
      <td>{t(`services.types.${i.type}.label`)}</td>
      <td>
        <code className="key-prefix" aria-hidden="true">
          {i.key.slice(0, 4)}••••
        </code>
        <span className="sr-only">{t('services.integrations.keyMasked', { prefix: i.key.slice(0, 4) })}</span>
      </td>
      <td>
        <span className={`badge hb-${state}`}>{t(`services.heartbeat.${state}`)}</span>
      </td>
      <td>
        <div className="row actions">
          <button type="button" className="button small" onClick={onSetup}>
            {t('services.integrations.setup')}
          </button>
          {canEdit ? (
            <>
              <button type="button" className="button small" onClick={onEdit}>
                {t('common.edit')}
              </button>
              <ConfirmButton label={t('services.integrations.rotate')} question={t('services.integrations.rotateQuestion')} disabled={busy} onConfirm={onRotate} />
              <ConfirmButton label={t('common.delete')} question={t('services.integrations.deleteQuestion', { name: i.name })} disabled={busy} onConfirm={onDelete} />
            </>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
