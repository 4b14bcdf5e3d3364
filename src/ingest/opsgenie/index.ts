import type { IngestParser } from '../registry.js';
import { parseOpsgenieCreate } from './create.js';

/** Opsgenie Alert API v2 intake (SPEC §3): create by POST /v2/alerts, close/acknowledge by alias. */
export { parseOpsgenieAction } from './action.js';
export { dedupKeyFromAlias, HASHED_ALIAS_PREFIX } from './alias.js';
export { parseOpsgenieCreate } from './create.js';
export * from './wire.js';

/** The registry entry: integration type `opsgenie` parses create-alert bodies. */
export const opsgenieParser: IngestParser = { format: 'opsgenie', parse: parseOpsgenieCreate };
