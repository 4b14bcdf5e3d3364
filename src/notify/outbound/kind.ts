import { jobKind } from '../../jobs/kind.js';

/** Send one outbound message (outbound_message row); the job's key is `outbound:<idempotency key>`. */
export const OUTBOUND_DELIVER = jobKind<{ messageId: string }>('outbound.deliver');
