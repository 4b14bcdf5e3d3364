import { useTranslation } from 'react-i18next';

export default function IncidentsArea() {
  const { t } = useTranslation();
  return <h1>{t('incidents.list.title')}</h1>;
}
