import type { StatusComponent } from '../../api/types';

export interface ComponentGroup {
  /** null: the components in no group. */
  name: string | null;
  items: StatusComponent[];
}

const byPosition = (a: StatusComponent, b: StatusComponent) => a.position - b.position || a.createdAt.localeCompare(b.createdAt);

/** Components by position, gathered into their groups; a group sits where its first component is. */
export function groupComponents(items: readonly StatusComponent[]): ComponentGroup[] {
  const groups = new Map<string | null, StatusComponent[]>();
  for (const c of [...items].sort(byPosition)) {
    const key = c.group ?? null;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  return [...groups].map(([name, list]) => ({ name, items: list }));
}

/**
 * The position changes that move one component one place up (-1) or down (+1) within its group:
 * the shown order is renumbered 0, 1, 2 … so equal or sparse positions sort out too, and only the
 * components whose position changes are sent.
 */
export function moveWithinGroup(items: readonly StatusComponent[], id: string, by: -1 | 1): { id: string; position: number }[] {
  const groups = groupComponents(items);
  const g = groups.find((x) => x.items.some((c) => c.id === id));
  if (!g) return [];
  const i = g.items.findIndex((c) => c.id === id);
  const j = i + by;
  if (j < 0 || j >= g.items.length) return [];
  const swapped = [...g.items];
  [swapped[i], swapped[j]] = [swapped[j] as StatusComponent, swapped[i] as StatusComponent];
  g.items = swapped;
  return groups
    .flatMap((x) => x.items)
    .map((c, position) => ({ id: c.id, position, before: c.position }))
    .filter((x) => x.position !== x.before)
    .map(({ id: cid, position }) => ({ id: cid, position }));
}
