import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { WindowTiming } from '../ingest/maintenance.js';
import {
  byWorstFirst,
  type ComponentLinks,
  componentStatusRank,
  groupStatus,
  type PageMaintenance,
  type PostedIncident,
  resolveComponentStatus,
  resolveComponentStatuses,
  statusOfSeverity,
  worstComponentStatus,
} from './component-status.js';
import { COMPONENT_STATUSES, type ComponentStatus, type Severity } from './types.js';

const NOW = '2026-05-01T12:00:00.000Z';
const api: ComponentLinks = { id: 'cmp_api', serviceIds: ['svc_api', 'svc_db'], manualStatus: null };
const incident = (id: string, severity: Severity | null, serviceIds: string[], status: PostedIncident['status'] = 'investigating'): PostedIncident => ({
  id,
  severity,
  serviceIds,
  status,
});
const oneOff = (startsAt: string, endsAt: string): WindowTiming => ({ timeZone: 'UTC', startsAt, endsAt, recurrence: null });
const maintenance = (id: string, serviceIds: string[], startsAt = '2026-05-01T11:00:00.000Z', endsAt = '2026-05-01T13:00:00.000Z'): PageMaintenance => ({
  id,
  serviceIds,
  timing: oneOff(startsAt, endsAt),
});

describe('component status from incidents (SPEC §4.5)', () => {
  it('maps severity: SEV1 major_outage, SEV2 partial_outage, SEV3–4 degraded_performance, none nothing', () => {
    assert.deepEqual(
      (['SEV1', 'SEV2', 'SEV3', 'SEV4', null] as const).map(statusOfSeverity),
      ['major_outage', 'partial_outage', 'degraded_performance', 'degraded_performance', null],
    );
    for (const [sev, want] of [['SEV1', 'major_outage'], ['SEV2', 'partial_outage'], ['SEV3', 'degraded_performance'], ['SEV4', 'degraded_performance']] as const) {
      const r = resolveComponentStatus(api, [incident('i1', sev, ['svc_db'])], [], NOW);
      assert.deepEqual(r, { status: want, source: 'incident', incidentIds: ['i1'], maintenanceIds: [] });
    }
  });

  it('the worst unresolved incident on any linked service wins; resolved ones and other services do not count', () => {
    const incidents = [
      incident('i1', 'SEV3', ['svc_api']),
      incident('i2', 'SEV2', ['svc_other', 'svc_db']),
      incident('i3', 'SEV1', ['svc_api'], 'resolved'),
      incident('i4', 'SEV1', ['svc_other']),
    ];
    const r = resolveComponentStatus(api, incidents, [], NOW);
    assert.equal(r.status, 'partial_outage');
    assert.deepEqual(r.incidentIds, ['i1', 'i2']);
    for (const status of ['investigating', 'identified', 'monitoring'] as const) {
      assert.equal(resolveComponentStatus(api, [incident('i', 'SEV1', ['svc_api'], status)], [], NOW).status, 'major_outage', status);
    }
  });

  it('an incident without a severity changes no component, but is listed', () => {
    const r = resolveComponentStatus(api, [incident('i1', null, ['svc_api'])], [], NOW);
    assert.deepEqual(r, { status: 'operational', source: 'none', incidentIds: ['i1'], maintenanceIds: [] });
  });

  it('a component without services is operational unless set by hand', () => {
    const web: ComponentLinks = { id: 'web', serviceIds: [], manualStatus: null };
    assert.equal(resolveComponentStatus(web, [incident('i1', 'SEV1', ['svc_api'])], [maintenance('m', ['svc_api'])], NOW).status, 'operational');
  });
});

describe('component status: manual and maintenance precedence', () => {
  it('a manual status overrides incidents and maintenance, in both directions', () => {
    const incidents = [incident('i1', 'SEV1', ['svc_api'])];
    const running = [maintenance('m1', ['svc_api'])];
    const ok = resolveComponentStatus({ ...api, manualStatus: 'operational' }, incidents, running, NOW);
    assert.deepEqual(ok, { status: 'operational', source: 'manual', incidentIds: ['i1'], maintenanceIds: ['m1'] });
    assert.equal(resolveComponentStatus({ ...api, manualStatus: 'major_outage' }, [], [], NOW).status, 'major_outage');
    assert.equal(resolveComponentStatus({ ...api, manualStatus: null }, incidents, running, NOW).status, 'major_outage', 'null hands it back');
  });

  it('under_maintenance while a maintenance on a linked service runs; not before, not at its end', () => {
    const m = [maintenance('m1', ['svc_db'])];
    assert.deepEqual(resolveComponentStatus(api, [], m, NOW), { status: 'under_maintenance', source: 'maintenance', incidentIds: [], maintenanceIds: ['m1'] });
    assert.equal(resolveComponentStatus(api, [], m, '2026-05-01T10:59:59.999Z').status, 'operational');
    assert.equal(resolveComponentStatus(api, [], m, '2026-05-01T13:00:00.000Z').status, 'operational', 'the end is exclusive');
    assert.equal(resolveComponentStatus(api, [], [maintenance('m2', ['svc_other'])], NOW).status, 'operational');
  });

  it('an outage during maintenance shows the outage, and the maintenance stays listed next to it (edge case 44)', () => {
    const r = resolveComponentStatus(api, [incident('i1', 'SEV3', ['svc_api'])], [maintenance('m1', ['svc_api'])], NOW);
    assert.deepEqual(r, { status: 'degraded_performance', source: 'incident', incidentIds: ['i1'], maintenanceIds: ['m1'] });
    const after = resolveComponentStatus(api, [incident('i1', 'SEV3', ['svc_api'], 'resolved')], [maintenance('m1', ['svc_api'])], NOW);
    assert.equal(after.status, 'under_maintenance', 'once the incident is resolved the maintenance shows again');
  });

  it('a maintenance completed early by hand no longer covers; a mark on another occurrence does not count', () => {
    const m = maintenance('m1', ['svc_api']);
    const early = { ...m, manual: { occurrenceStart: '2026-05-01T11:00:00Z', status: 'completed' as const } };
    assert.equal(resolveComponentStatus(api, [], [early], NOW).status, 'operational');
    const verifying = { ...m, manual: { occurrenceStart: '2026-05-01T11:00:00Z', status: 'verifying' as const } };
    assert.equal(resolveComponentStatus(api, [], [verifying], NOW).status, 'under_maintenance');
    const stale = { ...m, manual: { occurrenceStart: '2026-04-30T11:00:00Z', status: 'completed' as const } };
    assert.equal(resolveComponentStatus(api, [], [stale], NOW).status, 'under_maintenance');
  });

  it('a recurring maintenance in a local zone covers its wall-clock slot (Tokyo 02:00–04:00 daily)', () => {
    const m: PageMaintenance = {
      id: 'nightly',
      serviceIds: ['svc_db'],
      timing: { timeZone: 'Asia/Tokyo', startsAt: '2026-04-01T00:00:00+09:00', endsAt: null, recurrence: { frequency: 'daily', interval: 1, startTime: '02:00', durationMinutes: 120 } },
    };
    assert.equal(resolveComponentStatus(api, [], [m], '2026-05-01T17:30:00Z').status, 'under_maintenance', '02:30 JST');
    assert.equal(resolveComponentStatus(api, [], [m], '2026-05-01T19:00:00Z').status, 'operational', '04:00 JST');
  });

  it('resolves every component of a page at once', () => {
    const all = resolveComponentStatuses([api, { id: 'web', serviceIds: ['svc_web'], manualStatus: null }], [incident('i1', 'SEV2', ['svc_web'])], [], NOW);
    assert.deepEqual([...all].map(([id, r]) => [id, r.status]), [['cmp_api', 'operational'], ['web', 'partial_outage']]);
  });
});

describe('worst wins', () => {
  const status = fc.constantFrom(...COMPONENT_STATUSES);
  it('ranks operational < under_maintenance < degraded < partial < major', () => {
    const ranked = [...COMPONENT_STATUSES].sort(byWorstFirst);
    assert.deepEqual(ranked, ['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance', 'operational']);
    assert.equal(worstComponentStatus([]), 'operational');
    assert.equal(worstComponentStatus(['under_maintenance', 'degraded_performance', 'operational']), 'degraded_performance');
    assert.equal(groupStatus(['operational', 'under_maintenance']), 'under_maintenance');
  });

  it('the worst is one of the inputs, at least as bad as each, and does not depend on order', () => {
    fc.assert(
      fc.property(fc.array(status, { minLength: 1 }), (list: ComponentStatus[]) => {
        const w = worstComponentStatus(list);
        assert.ok(list.includes(w));
        for (const s of list) assert.ok(componentStatusRank(w) >= componentStatusRank(s));
        assert.equal(worstComponentStatus([...list].reverse()), w);
      }),
    );
  });
});
