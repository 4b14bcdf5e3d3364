import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { OnCallPage } from './OnCallPage';

/** /oncall. */
export default function OnCallArea() {
  return (
    <div className="oncall-area">
      <Routes>
        <Route index element={<OnCallPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
