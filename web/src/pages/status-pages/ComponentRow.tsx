import { useTranslation } from 'react-i18next';
import type { StatusComponent } from '../../api/types';
import { ConfirmButton } from '../services/ConfirmButton';
import { COMPONENT_STATUSES } from './api';

/** One component: its name, group and service, what the page shows now, and how that is decided. */
export function ComponentRow({
  component: c,
  serviceName,
  canEdit,
  busy,
  first,
  last,
  onMove,
  onManualStatus,
  onDelete,
}: {
  component: StatusComponent;
  serviceName: string | null;
  canEdit: boolean;
  busy: boolean;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onManualStatus: (status: StatusComponent['manualStatus']) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const selectId = `component-status-${c.id}`;
  return (
    <tr data-component={c.id}>
      <td>
        <strong>{c.name}</strong>
        {serviceName ? <div className="muted small">{t('statusPages.components.linked', { service: serviceName })}</div> : null}
      </td>
      <td>
        <span className={`badge ${c.status}`}>{t(`statusPages.componentStatus.${c.status}`)}</span>
        {c.manualStatus ? <div className="muted small">{t('statusPages.components.byHand')}</div> : null}
      </td>
      <td>
        <label className="sr-only" htmlFor={selectId}>
          {t('statusPages.components.setStatus', { name: c.name })}
        </label>
        <select
          id={selectId}
          value={c.manualStatus ?? ''}
          disabled={!canEdit || busy}
          onChange={(e) => onManualStatus((e.target.value || null) as StatusComponent['manualStatus'])}
        >
          <option value="">{t('statusPages.components.automatic')}</option>
          {COMPONENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statusPages.componentStatus.${s}`)}
            </option>
          ))}
        </select>
      </td>
      {canEdit ? (
        <td>
          <div className="row actions">
            <button
              type="button"
              className="button small"
              disabled={busy || first}
              aria-label={t('statusPages.components.moveUp', { name: c.name })}
              title={t('statusPages.components.moveUp', { name: c.name })}
              onClick={() => onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="button small"
              disabled={busy || last}
              aria-label={t('statusPages.components.moveDown', { name: c.name })}
              title={t('statusPages.components.moveDown', { name: c.name })}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
            <ConfirmButton label={t('common.delete')} question={t('statusPages.components.deleteQuestion', { name: c.name })} disabled={busy} onConfirm={onDelete} />
          </div>
        </td>
      ) : null}
    </tr>
  );
}
