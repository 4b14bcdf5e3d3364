import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Loading';
import { Shell } from './layout/Shell';
import IncidentsArea from './pages/incidents/IncidentsArea';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { useSession } from './session/session';

// The incident list is the first screen: it is in the main bundle. Every other area is a lazily
// loaded chunk; each area routes its own sub-paths.
const OnCallArea = lazy(() => import('./pages/oncall/OnCallArea'));
const SchedulesArea = lazy(() => import('./pages/schedules/SchedulesArea'));
const PoliciesArea = lazy(() => import('./pages/policies/PoliciesArea'));
const ServicesArea = lazy(() => import('./pages/services/ServicesArea'));
const PeopleArea = lazy(() => import('./pages/people/PeopleArea'));
const ProfileArea = lazy(() => import('./pages/profile/ProfileArea'));
const HelpArea = lazy(() => import('./pages/help/HelpArea'));
const StatusPagesArea = lazy(() => import('./pages/status-pages/StatusPagesArea'));
const AudiencesArea = lazy(() => import('./pages/audiences/AudiencesArea'));

export function App() {
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  if (!user) return <LoginPage />;
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Navigate to="/incidents" replace />} />
          <Route path="/login" element={<Navigate to="/incidents" replace />} />
          <Route path="/incidents/*" element={<IncidentsArea />} />
          <Route path="/oncall/*" element={<OnCallArea />} />
          <Route path="/schedules/*" element={<SchedulesArea />} />
          <Route path="/escalation-policies/*" element={<PoliciesArea />} />
          <Route path="/services/*" element={<ServicesArea />} />
          <Route path="/people/*" element={<PeopleArea />} />
          <Route path="/profile/*" element={<ProfileArea />} />
          <Route path="/help/*" element={<HelpArea />} />
          <Route path="/status-pages/*" element={<StatusPagesArea />} />
          <Route path="/stakeholder-audiences/*" element={<AudiencesArea />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
