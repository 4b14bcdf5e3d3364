import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { TeamDetailPage } from './TeamDetailPage';
import { TeamsPage } from './TeamsPage';
import { UsersPage } from './UsersPage';

/** /people: users; /people/teams: teams; /people/teams/:id: one team and its members. */
export default function PeopleArea() {
  const { t } = useTranslation();
  return (
    <div className="admin-area">
      <nav className="tabs" aria-label={t('people.tabs.label')}>
        <NavLink to="/people" end>
          {t('people.tabs.users')}
        </NavLink>
        <NavLink to="/people/teams">{t('people.tabs.teams')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<UsersPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="teams/:id" element={<TeamDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
