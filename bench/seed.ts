import { incidentSearchText } from '../src/domain/text/search.js';
import { newId } from '../src/platform/ids.js';
import type { Store } from '../src/store/db.js';

const TITLES = ['決済APIの遅延', 'ログイン障害', 'Checkout latency', '社内Wi-Fi が繋がらない', 'DB replication lag', 'メール配信の遅れ', 'VPN 接続不可', 'Disk full on batch host'];

/** Insert `n` resolved-or-open incidents in batches, as if accumulated over years (bench only). */
export async function seedIncidents(store: Store, n: number): Promise<void> {
  const start = Date.now() - n * 60_000;
  const counter = await store.db.selectFrom('counter').select('value').where('name', '=', 'incident_number').executeTakeFirstOrThrow();
  let number = Number(counter.value);
  for (let done = 0; done < n; ) {
    const rows = [];
    for (let i = 0; i < 500 && done < n; i++, done++) {
      const at = new Date(start + done * 60_000).toISOString();
      const open = done % 50 === 0;
      rows.push({
        id: newId(), number: ++number, title: `${TITLES[done % TITLES.length]} #${done}`, description: '', searchText: incidentSearchText(`${TITLES[done % TITLES.length]} #${done}`, ''), status: open ? 'triggered' : 'closed',
        type: 'outage', severity: 'SEV3', impact: 2, urgency: 2, priority: 'P3', serviceId: null, visibility: done % 20 === 0 ? 'restricted' : 'public',
        assessment: '{}', coordinationUrl: null, alertCount: 0, mergedIntoId: null, createdByType: 'system', createdById: null,
        startedAt: at, createdAt: at, updatedAt: at, acknowledgedAt: null, resolvedAt: open ? null : at, closedAt: open ? null : at,
      });
    }
    await store.db.insertInto('incident').values(rows).execute();
  }
  await store.db.updateTable('counter').set({ value: number }).where('name', '=', 'incident_number').execute();
}
