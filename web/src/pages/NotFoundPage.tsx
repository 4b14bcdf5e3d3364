import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('common.errors.notFound')}</h1>
      <Link to="/incidents">{t('common.nav.incidents')}</Link>
    </section>
  );
}
