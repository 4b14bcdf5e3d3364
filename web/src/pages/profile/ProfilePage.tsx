import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useUser } from '../../session/session';
import { ContactMethods } from './ContactMethods';
import { NotificationRules } from './NotificationRules';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';
import { QuietHoursForm } from './QuietHoursForm';
import { Readiness } from './Readiness';

/** The signed-in person's own settings and how they are paged. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useUser();
  return (
    <>
      <PageHeader title={t('profile.title')}>
        <p className="muted break">
          {me.email} · {t(`people.roles.${me.role}`)}
        </p>
      </PageHeader>
      <Readiness userId={me.id} />
      <div className="profile-grid">
        <div>
          <ProfileForm user={me} />
        </div>
        <div>
          <PasswordForm user={me} />
        </div>
      </div>
      <ContactMethods userId={me.id} />
      <NotificationRules userId={me.id} />
      <QuietHoursForm user={me} />
    </>
  );
}
