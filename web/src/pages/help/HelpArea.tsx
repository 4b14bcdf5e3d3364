import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { HelpPage } from './HelpPage';
import './help.css';

/** /help: the employee intake portal (問い合わせ窓口). */
export default function HelpArea() {
  return (
    <div className="help-area">
      <Routes>
        <Route index element={<HelpPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
