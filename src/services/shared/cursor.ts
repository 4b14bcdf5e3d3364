import { validation } from '../../domain/errors.js';

/** Opaque keyset cursor: base64url JSON of the last row's sort key (`createdAt` holds the first key). */
export interface Cursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

/**
 * Decode a cursor. `key` says what the first sort key is: an instant (most lists) or free text (lists
 * sorted by name); a cursor of the wrong kind is refused like any other foreign value.
 */
export function decodeCursor(s: string, key: 'instant' | 'text' = 'instant'): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string' && (key === 'text' || !Number.isNaN(Date.parse(v[0])))) {
      return { createdAt: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw validation('cursor', 'not a cursor this API issued; pass the nextCursor value from the previous page');
}
