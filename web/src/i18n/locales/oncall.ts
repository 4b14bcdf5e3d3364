import { messages } from '../define';

export const oncall = messages({
  en: { title: '' },
  ja: { title: '' },
});
