import { newId } from '../../platform/ids.js';
import type { Executor } from '../context.js';

/** The group named `name` on the page, created (last in page order) on first use. */
export async function groupNamed(ex: Executor, pageId: string, name: string, now: string): Promise<string> {
  const found = await ex.selectFrom('statusComponent').select('id').where('pageId', '=', pageId).where('isGroup', '=', 1).where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const id = newId();
  await ex
    .insertInto('statusComponent')
    .values({ id, pageId, name, description: '', isGroup: 1, groupId: null, serviceId: null, position: await nextPosition(ex, pageId), manualStatus: null, createdAt: now, updatedAt: now })
    .execute();
  return id;
}

/** Groups left without components disappear from the page. */
export async function dropEmptyGroups(ex: Executor, pageId: string): Promise<void> {
  await ex
    .deleteFrom('statusComponent')
    .where('pageId', '=', pageId)
    .where('isGroup', '=', 1)
    .where('id', 'not in', (eb) => eb.selectFrom('statusComponent as child').select('child.groupId').where('child.pageId', '=', pageId).where('child.groupId', 'is not', null).$castTo<string>())
    .execute();
}

export async function nextPosition(ex: Executor, pageId: string): Promise<number> {
  const r = await ex.selectFrom('statusComponent').select((eb) => eb.fn.max('position').as('max')).where('pageId', '=', pageId).executeTakeFirst();
  return r?.max === null || r?.max === undefined ? 0 : Number(r.max) + 1;
}

/** Group names by id, for views. */
export async function groupNames(ex: Executor, pageId: string): Promise<Map<string, string>> {
  const rows = await ex.selectFrom('statusComponent').select(['id', 'name']).where('pageId', '=', pageId).where('isGroup', '=', 1).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
