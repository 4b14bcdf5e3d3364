import { NotFoundPage } from '../NotFoundPage';

/** Being built (issue [web]); replaced by the area's screens. */
export default function ServicesArea() {
  return <NotFoundPage />;
}
