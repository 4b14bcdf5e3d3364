import { useTranslation } from 'react-i18next';
import { ROLES } from '../../api/admin';

/** What each role may do, one line each (README.md "Access"). */
export function RolesHelp() {
  const { t } = useTranslation();
  return (
    <details className="card roles-help">
      <summary>{t('people.roles.explain')}</summary>
      <dl className="facts">
        {ROLES.map((r) => (
          <div key={r} className="contents">
            <dt>{t(`people.roles.${r}`)}</dt>
            <dd>{t(`people.roleHelp.${r}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
