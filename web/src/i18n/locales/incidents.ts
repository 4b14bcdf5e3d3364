import { messages } from '../define';

export const incidents = messages({
  en: { list: { title: 'Incidents' } },
  ja: { list: { title: 'インシデント' } },
});
