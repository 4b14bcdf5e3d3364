import { audiences } from './locales/audiences';
import { auth } from './locales/auth';
import { common } from './locales/common';
import { communicate } from './locales/communicate';
import { help } from './locales/help';
import { incidents } from './locales/incidents';
import { oncall } from './locales/oncall';
import { people } from './locales/people';
import { policies } from './locales/policies';
import { profile } from './locales/profile';
import { schedules } from './locales/schedules';
import { services } from './locales/services';
import { statusPages } from './locales/status-pages';

/**
 * Every area's messages. A screen's area file lives in ./locales and is added here once; keys are
 * `area.key…` (t('incidents.list.title')).
 */
const areas = { common, auth, incidents, oncall, schedules, policies, services, people, profile, statusPages, help, communicate, audiences };

type Areas = typeof areas;
export type Resources = { [K in keyof Areas]: Areas[K]['en'] };

function pick(lang: 'en' | 'ja'): Resources {
  return Object.fromEntries(Object.entries(areas).map(([k, v]) => [k, v[lang]])) as Resources;
}

export const resources = { en: { translation: pick('en') }, ja: { translation: pick('ja') } };
export const areaMessages = areas;
