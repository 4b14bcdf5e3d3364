import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { ScheduleDetailPage } from './ScheduleDetailPage';
import { ScheduleListPage } from './ScheduleListPage';

/** /schedules and /schedules/:id. */
export default function SchedulesArea() {
  return (
    <div className="oncall-area">
      <Routes>
        <Route index element={<ScheduleListPage />} />
        <Route path=":id" element={<ScheduleDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
