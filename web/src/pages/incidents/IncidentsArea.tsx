import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { IncidentDetailPage } from './IncidentDetailPage';
import { IncidentListPage } from './IncidentListPage';

export default function IncidentsArea() {
  return (
    <Routes>
      <Route index element={<IncidentListPage />} />
      <Route path=":id" element={<IncidentDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
