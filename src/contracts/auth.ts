import { z } from 'zod';
import { Instant } from './common.js';
import { User } from './user.js';

/** Deliberately loose: a login answers 401 for anything that is not a known account and password. */
export const LoginBody = z
  .strictObject({
    email: z.string().trim().min(1, 'email is required').max(320),
    password: z.string().min(1, 'password is required').max(1024),
  })
  .meta({ id: 'Login' });

export const SessionInfo = z
  .object({
    user: User,
    csrfToken: z.string().describe('Send as the x-csrf-token header on every non-GET request made with the session cookie'),
    expiresAt: Instant.describe('The session ends at this instant at the latest (or after 24 hours unused)'),
  })
  .meta({ id: 'Session' });
