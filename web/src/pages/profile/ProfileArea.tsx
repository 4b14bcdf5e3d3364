import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { ProfilePage } from './ProfilePage';

export default function ProfileArea() {
  return (
    <div className="admin-area">
      <Routes>
        <Route index element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
