import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { StatusPageDetailPage } from './StatusPageDetailPage';
import { StatusPageListPage } from './StatusPageListPage';

/** /status-pages: the list; /status-pages/:id: one page with its settings, components and subscribers. */
export default function StatusPagesArea() {
  return (
    <div className="admin-area">
      <Routes>
        <Route index element={<StatusPageListPage />} />
        <Route path=":id" element={<StatusPageDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
