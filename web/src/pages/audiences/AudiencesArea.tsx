import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { AudienceListPage } from './AudienceListPage';
import './audiences.css';

/** /stakeholder-audiences: the list, with its create and change dialogs. */
export default function AudiencesArea() {
  return (
    <div className="admin-area audiences-area">
      <Routes>
        <Route index element={<AudienceListPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
