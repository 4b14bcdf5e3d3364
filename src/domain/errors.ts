/**
 * The closed set of error codes. One table per transport maps them: HTTP status in
 * `http/errors.ts`, CLI exit codes in `cli/exit-codes.ts`.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LIMIT_EXCEEDED'
  | 'UNAVAILABLE';

export interface FieldProblem {
  /** JSON path of the offending field, e.g. `layers.0.rotation.length` or `body`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: { fields?: FieldProblem[]; retryAfterSeconds?: number; [k: string]: unknown },
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validation = (field: string, message: string) =>
  new DomainError('VALIDATION', `${field}: ${message}`, { fields: [{ field, message }] });
export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} ${id} does not exist`);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('CONFLICT', message, details);
