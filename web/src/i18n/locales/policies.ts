import { messages } from '../define';

export const policies = messages({
  en: { title: '' },
  ja: { title: '' },
});
