import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useLiveStream } from '../live/useLiveStream';
import { useSession } from '../session/session';
import { LanguageSwitch } from './LanguageSwitch';

const LINKS = [
  ['/incidents', 'common.nav.incidents'],
  ['/oncall', 'common.nav.oncall'],
  ['/schedules', 'common.nav.schedules'],
  ['/escalation-policies', 'common.nav.policies'],
  ['/services', 'common.nav.services'],
  ['/status-pages', 'statusPages.nav'],
  ['/stakeholder-audiences', 'audiences.nav'],
  ['/people', 'common.nav.people'],
  ['/profile', 'common.nav.profile'],
  ['/help', 'help.nav'],
] as const;

/** The frame of every signed-in screen: navigation (a menu on phones), language, live state. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const live = useLiveStream(Boolean(user));
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('common.nav.skip')}
      </a>
      <header className="topbar">
        <NavLink to="/incidents" className="brand">
          <span aria-hidden="true" className="brand-mark" />
          {t('common.appName')}
        </NavLink>
        <span className={`live-dot ${live}`} role="status" aria-live="polite">
          {live === 'connected' ? t('common.live.connected') : live === 'reconnecting' ? t('common.live.reconnecting') : ''}
        </span>
        <button type="button" className="button menu-button" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((o) => !o)}>
          {t('common.nav.menu')}
        </button>
      </header>
      <nav id="main-nav" className={`sidebar ${menuOpen ? 'open' : ''}`} aria-label={t('common.nav.menu')} key={location.pathname}>
        <ul>
          {LINKS.map(([to, key]) => (
            <li key={to}>
              <NavLink to={to} onClick={() => setMenuOpen(false)}>
                {t(key)}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <LanguageSwitch />
          <p className="whoami">{user?.name}</p>
          <button type="button" className="link-button" onClick={() => void logout()}>
            {t('common.nav.logout')}
          </button>
          <a href="/api/docs" className="muted-link">
            {t('common.nav.apiDocs')}
          </a>
        </div>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
