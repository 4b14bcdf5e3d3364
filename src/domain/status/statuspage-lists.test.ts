import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  activeMaintenancesDocument,
  componentsDocument,
  incidentsDocument,
  LIST_LIMIT,
  STATUSPAGE_DOCUMENTS,
  scheduledMaintenancesDocument,
  statusDocument,
  summaryDocument,
  unresolvedIncidentsDocument,
  upcomingMaintenancesDocument,
} from './statuspage-json.js';
import type { ComponentModel, IncidentModel, MaintenanceModel, StatusPageModel } from './statuspage-model.js';
import { COMPONENT_STATUSES, INCIDENT_IMPACTS, MAINTENANCE_STATUSES, PAGE_INDICATORS } from './types.js';

const T0 = Date.parse('2026-05-01T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const comp = (id: string, position: number, over: Partial<ComponentModel> = {}): ComponentModel => ({
  id,
  name: id.toUpperCase(),
  status: 'operational',
  createdAt: at(0),
  updatedAt: at(0),
  position,
  description: null,
  groupId: null,
  isGroup: false,
  ...over,
});
const inc = (id: string, minute: number, statuses: IncidentModel['updates'][number]['status'][], over: Partial<IncidentModel> = {}): IncidentModel => ({
  id,
  name: `Incident ${id}`,
  impact: 'minor',
  createdAt: at(minute),
  updatedAt: at(minute + statuses.length),
  startedAt: at(minute),
  componentIds: [],
  updates: statuses.map((status, k) => ({ id: `${id}_u${k}`, status, body: `${status} ${k}`, createdAt: at(minute + k) })),
  ...over,
});
const mnt = (id: string, startMinute: number, status: MaintenanceModel['status'], updates: MaintenanceModel['updates'] = []): MaintenanceModel => ({
  id,
  name: `Maintenance ${id}`,
  status,
  createdAt: at(0),
  updatedAt: at(0),
  startedAt: at(0),
  scheduledFor: at(startMinute),
  scheduledUntil: at(startMinute + 60),
  componentIds: [],
  updates,
});
const page = { id: 'pg', name: 'Hikeshi', url: 'https://status.example.test/', timeZone: 'Asia/Tokyo', updatedAt: at(0) };

describe('Statuspage v2 documents: lists, filters and order', () => {
  const model: StatusPageModel = {
    page,
    components: [
      comp('db', 3, { groupId: 'core', status: 'degraded_performance' }),
      comp('core', 1, { isGroup: true, status: 'degraded_performance' }),
      comp('api', 2, { groupId: 'core' }),
      comp('web', 4, { showcase: false, startDate: '2026-04-01', onlyShowIfDegraded: true }),
    ],
    incidents: [
      inc('old', 10, ['investigating', 'resolved']),
      inc('open', 30, ['investigating', 'identified'], { componentIds: ['db', 'api'] }),
      inc('watch', 20, ['investigating', 'monitoring']),
      inc('pm', 5, ['investigating', 'monitoring', 'resolved'], { postmortemPublishedAt: at(500) }),
    ],
    maintenances: [
      mnt('later', 2000, 'scheduled'),
      mnt('soon', 1000, 'scheduled'),
      mnt('now', 0, 'in_progress'),
      mnt('check', -30, 'verifying', [{ id: 'v', status: 'verifying', body: 'checking', createdAt: at(20) }]),
      mnt('done', -500, 'completed'),
      mnt('early', -200, 'completed', [{ id: 'c', status: 'completed', body: 'done early', createdAt: at(-170) }]),
    ],
  };

  it('components by position; a group lists its children; defaults for the optional fields', () => {
    const { components } = componentsDocument(model);
    assert.deepEqual(components.map((c) => [c.id, c.group, c.group_id, c.components]), [
      ['core', true, null, ['api', 'db']],
      ['api', false, 'core', undefined],
      ['db', false, 'core', undefined],
      ['web', false, null, undefined],
    ]);
    assert.ok(!('components' in components[1]!), 'only group components carry `components`');
    assert.deepEqual([components[3]!.showcase, components[3]!.start_date, components[3]!.only_show_if_degraded], [false, '2026-04-01', true]);
    assert.deepEqual([components[1]!.showcase, components[1]!.start_date, components[1]!.only_show_if_degraded], [true, null, false]);
  });

  it('incidents.json: every incident, newest first; status and milestones from the updates', () => {
    const { incidents } = incidentsDocument(model);
    assert.deepEqual(incidents.map((i) => [i.id, i.status]), [['open', 'identified'], ['watch', 'monitoring'], ['old', 'resolved'], ['pm', 'postmortem']]);
    const pm = incidents[3]!;
    assert.deepEqual([pm.monitoring_at, pm.resolved_at], [at(6), at(7)]);
    assert.deepEqual(incidents[1]!.monitoring_at, at(21));
    assert.deepEqual(incidents[0]!.incident_updates.map((u) => u.status), ['identified', 'investigating'], 'updates newest first');
    assert.deepEqual(incidents[0]!.components?.map((c) => c.id), ['api', 'db'], 'the components it names, as full objects');
    assert.equal(incidents[0]!.shortlink, 'https://status.example.test/incidents/open', 'a trailing slash on the page URL is ignored');
  });

  it(`incidents.json stops at the ${LIST_LIMIT} most recent`, () => {
    const many = Array.from({ length: 60 }, (_, k) => inc(`i${String(k).padStart(2, '0')}`, k, ['resolved']));
    const { incidents } = incidentsDocument({ ...model, incidents: many });
    assert.equal(incidents.length, 50);
    assert.equal(incidents[0]!.id, 'i59');
    assert.equal(incidents[49]!.id, 'i10');
  });

  it('unresolved.json and summary.incidents hold investigating, identified and monitoring only', () => {
    assert.deepEqual(unresolvedIncidentsDocument(model).incidents.map((i) => i.id), ['open', 'watch']);
    assert.deepEqual(summaryDocument(model).incidents.map((i) => i.id), ['open', 'watch']);
  });

  it('maintenances: upcoming = scheduled, active = in_progress/verifying, soonest first; the full list latest first', () => {
    assert.deepEqual(upcomingMaintenancesDocument(model).scheduled_maintenances.map((m) => m.id), ['soon', 'later']);
    assert.deepEqual(activeMaintenancesDocument(model).scheduled_maintenances.map((m) => m.id), ['check', 'now']);
    assert.deepEqual(summaryDocument(model).scheduled_maintenances.map((m) => m.id), ['check', 'now', 'soon', 'later']);
    const all = scheduledMaintenancesDocument(model).scheduled_maintenances;
    assert.deepEqual(all.map((m) => m.id), ['later', 'soon', 'now', 'check', 'early', 'done']);
    const byId = Object.fromEntries(all.map((m) => [m.id, m]));
    assert.deepEqual([byId.check!.monitoring_at, byId.check!.resolved_at], [at(20), null]);
    assert.equal(byId.early!.resolved_at, at(-170), 'completed early: its completed update');
    assert.equal(byId.done!.resolved_at, at(-440), 'ended by itself: scheduled_until');
    assert.ok(all.every((m) => m.impact === 'maintenance'));
    assert.ok(!('deliver_notifications' in byId.check!.incident_updates[0]!), 'maintenance updates as in the canonical example');
  });

  it('the rollup status counts what the page shows: a degraded component and open incidents', () => {
    assert.deepEqual(statusDocument(model).status, { indicator: 'minor', description: 'Minor Service Outage' });
    const calm = { ...model, components: model.components.map((c) => ({ ...c, status: 'operational' as const })), incidents: [model.incidents[0]!] };
    assert.deepEqual(statusDocument(calm).status, { indicator: 'maintenance', description: 'Service Under Maintenance' });
  });

  it('emits only the enumerations of interop §5.2 and UTC timestamps with milliseconds', () => {
    const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    const statuses = new Set<string>([...COMPONENT_STATUSES, 'investigating', 'identified', 'monitoring', 'resolved', 'postmortem', ...MAINTENANCE_STATUSES]);
    const walk = (v: unknown, key: string): void => {
      if (Array.isArray(v)) {
        for (const x of v) walk(x, key);
        return;
      }
      if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) walk(x, k);
        return;
      }
      if (/_at$|^scheduled_(for|until)$/.test(key) && v !== null) assert.match(String(v), stamp, key);
      if (['status', 'old_status', 'new_status'].includes(key)) assert.ok(statuses.has(String(v)), `${key}: ${v}`);
      if (key === 'impact') assert.ok([...INCIDENT_IMPACTS, 'maintenance'].includes(String(v)), `impact: ${v}`);
      if (key === 'indicator') assert.ok((PAGE_INDICATORS as readonly string[]).includes(String(v)));
    };
    for (const shape of Object.values(STATUSPAGE_DOCUMENTS)) walk(shape(model), '');
  });

  it('serves the eight documents of SPEC §3, each with its page', () => {
    assert.deepEqual(Object.keys(STATUSPAGE_DOCUMENTS).sort(), [
      'components',
      'incidents',
      'incidents/unresolved',
      'scheduled-maintenances',
      'scheduled-maintenances/active',
      'scheduled-maintenances/upcoming',
      'status',
      'summary',
    ]);
    for (const shape of Object.values(STATUSPAGE_DOCUMENTS)) assert.equal((shape(model) as { page: { id: string } }).page.id, 'pg');
  });
});
