import { useTranslation } from 'react-i18next';
import { useFormat } from '../time/useFormat';

/** "Times in Asia/Tokyo (JST)": every screen with times names the zone they are shown in. */
export function ZoneNote() {
  const { t } = useTranslation();
  const f = useFormat();
  return <p className="zone-note">{t('common.time.zone', { zone: f.zoneLabel() })}</p>;
}
