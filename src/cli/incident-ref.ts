import type { z } from 'zod';
import type { Incident } from '../contracts/incident.js';
import type { ApiClient } from './client.js';
import { CliError } from './exit-codes.js';

export type IncidentDto = z.infer<typeof Incident>;
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
const NUMBER = /^(?:INC-)?(\d{1,12})$/i;
const MAX_PAGES = 10;

/**
 * An incident id from what a person types: the id itself, `INC-12` or `12`. Numbers are looked up
 * with the list endpoint (`q=INC-12` matches the number as well as text, so the exact number is
 * picked from the answer). Restricted incidents the caller cannot see are simply not found.
 */
export async function resolveIncidentId(client: ApiClient, ref: string): Promise<string> {
  const text = ref.trim();
  if (ULID.test(text)) return text.toUpperCase();
  const m = NUMBER.exec(text);
  if (!m) throw new CliError('VALIDATION', `"${ref}" is not an incident: use INC-12, 12 or an incident id`);
  const number = Number(m[1]);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.get<Page<IncidentDto>>('/api/v1/incidents', { q: `INC-${number}`, limit: 200, cursor });
    const hit = res.items.find((i) => i.number === number);
    if (hit) return hit.id;
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  throw new CliError('NOT_FOUND', `incident INC-${number} does not exist`);
}
