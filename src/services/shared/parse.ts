import type { z } from 'zod';
import { DomainError } from '../../domain/errors.js';

/** Validate input inside a use case (the CLI, jobs and tests get the same checks as HTTP). */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, root = 'body'): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({
    field: i.path.length ? i.path.map(String).join('.') : root,
    message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}: remove them` : i.message,
  }));
  throw new DomainError('VALIDATION', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
}
