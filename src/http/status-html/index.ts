/** The server-rendered status page and its small result pages (SPEC §4.5), for the status routes. */
export { renderMessagePage, renderStatusNotFound, type MessagePageInput } from './message-page.js';
export { renderStatusPage, type RenderStatusPageOptions } from './page.js';
export { STATUS_PAGE_STRINGS, stringsFor, type PageLanguage } from './strings.js';
