import { z } from 'zod';

/** ULIDs (our ids) — 26 Crockford base32 characters. */
export const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id such as 01JD2Z3K4M5N6P7Q8R9S0TVWXY');
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 instant such as 2026-11-22T09:00:00Z' })
  .refine((s) => {
    const t = Date.parse(s);
    return t >= Date.parse('0001-01-01T00:00:00Z') && t <= Date.parse('9999-12-31T23:59:59.999Z');
  }, 'must be between years 0001 and 9999 in UTC');

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'LIMIT_EXCEEDED', 'UNAVAILABLE', 'INTERNAL']),
      message: z.string(),
      requestId: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const ActorRef = z
  .object({
    type: z.enum(['user', 'token', 'system', 'integration']),
    id: z.string().nullable(),
    name: z.string(),
  })
  .meta({ id: 'Actor' });

export const IdParams = z.strictObject({ id: Id });

export const Limit = z.coerce.number().int().min(1, 'limit must be between 1 and 200').max(200, 'limit must be between 1 and 200').default(50);

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Standard error responses to document on every route. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
};

export const NoContent = z.null().describe('No content');
