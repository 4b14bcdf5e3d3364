/**
 * Rules for what people type as credentials and addresses (SPEC §4.9: every input validated with a
 * clear 4xx). Pure: the contracts call these from their schemas.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * A short list of the passwords attackers try first (ASVS 6.2.4 asks for a check against breached
 * passwords; a full list is a future setting). Compared case-insensitively.
 */
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'passw0rd',
  '12345678',
  '123456789',
  '1234567890',
  '87654321',
  'qwertyui',
  'qwertyuiop',
  'qwerty123',
  'iloveyou',
  'abcd1234',
  'letmein1',
  'welcome1',
  'admin123',
  'hikeshi1',
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** The IANA name in its canonical spelling (`asia/tokyo` → `Asia/Tokyo`), or null when unknown. */
export function canonicalTimeZone(zone: string): string | null {
  // Newer ICU versions accept offsets such as "+09:00"; they are not zones (no daylight rules).
  if (!/^[A-Za-z]/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const CONTACT_TYPES = ['email', 'webhook', 'slack', 'teams', 'mattermost', 'sms', 'voice'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** Why `address` cannot be used for a contact method of `type`, or null when it can. */
export function contactAddressProblem(type: ContactType, address: string): string | null {
  switch (type) {
    case 'email':
      return EMAIL.test(address) ? null : 'must be an e-mail address such as oncall@example.com';
    case 'webhook':
    case 'slack':
    case 'teams':
    case 'mattermost':
      return isHttpUrl(address) ? null : `must be an http(s) URL (the ${type} incoming-webhook URL)`;
    case 'sms':
    case 'voice':
      return E164.test(address) ? null : 'must be a phone number in E.164 form: + country code and digits, e.g. +819012345678';
  }
}
