import { messages } from '../define';

export const schedules = messages({
  en: { title: '' },
  ja: { title: '' },
});
