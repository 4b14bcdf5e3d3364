import { messages } from '../define';

export const people = messages({
  en: { title: '' },
  ja: { title: '' },
});
