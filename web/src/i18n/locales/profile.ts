import { messages } from '../define';

export const profile = messages({
  en: { title: '' },
  ja: { title: '' },
});
