import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { PolicyEditorPage } from './PolicyEditorPage';
import { PolicyListPage } from './PolicyListPage';

/** /escalation-policies, /escalation-policies/new and /escalation-policies/:id. */
export default function PoliciesArea() {
  return (
    <div className="oncall-area">
      <Routes>
        <Route index element={<PolicyListPage />} />
        <Route path=":id" element={<PolicyEditorPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
