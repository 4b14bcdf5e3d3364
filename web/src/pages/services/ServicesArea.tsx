import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { ServiceDetailPage } from './ServiceDetailPage';
import { ServiceListPage } from './ServiceListPage';

/** /services: the list; /services/:id: one service with its integrations. */
export default function ServicesArea() {
  return (
    <div className="admin-area">
      <Routes>
        <Route index element={<ServiceListPage />} />
        <Route path=":id" element={<ServiceDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
