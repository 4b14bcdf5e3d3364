import { messages } from '../define';

export const services = messages({
  en: { title: '' },
  ja: { title: '' },
});
