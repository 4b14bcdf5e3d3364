import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { impactOfComponentStatus, impactOfSeverity, pageStatus, STATUS_DESCRIPTIONS } from './page-status.js';
import { COMPONENT_STATUSES, INCIDENT_IMPACTS, INCIDENT_UPDATE_STATUSES, MAINTENANCE_STATUSES, PAGE_INDICATORS } from './types.js';

const none = { components: [], incidents: [], maintenances: [] };

describe('page status (indicator and description)', () => {
  it('uses the texts live Statuspage pages emit (interop §5.2)', () => {
    assert.deepEqual(STATUS_DESCRIPTIONS, {
      none: 'All Systems Operational',
      minor: 'Minor Service Outage',
      minorDegraded: 'Partially Degraded Service',
      major: 'Partial System Outage',
      critical: 'Major System Outage',
      maintenance: 'Service Under Maintenance',
    });
  });

  it('impact from severity: SEV1 critical, SEV2 major, SEV3–4 minor, none none', () => {
    assert.deepEqual((['SEV1', 'SEV2', 'SEV3', 'SEV4', null] as const).map(impactOfSeverity), ['critical', 'major', 'minor', 'minor', 'none']);
  });

  it('all operational, nothing open: none / All Systems Operational', () => {
    assert.deepEqual(pageStatus(none), { indicator: 'none', description: 'All Systems Operational' });
    assert.deepEqual(pageStatus({ ...none, components: ['operational', 'operational'] }), { indicator: 'none', description: 'All Systems Operational' });
  });

  it('components map degraded → minor, partial → major, major → critical; the worst wins', () => {
    assert.deepEqual(COMPONENT_STATUSES.map(impactOfComponentStatus), ['none', 'none', 'minor', 'major', 'critical']);
    assert.deepEqual(pageStatus({ ...none, components: ['operational', 'degraded_performance'] }), { indicator: 'minor', description: 'Partially Degraded Service' });
    assert.deepEqual(pageStatus({ ...none, components: ['degraded_performance', 'partial_outage'] }), { indicator: 'major', description: 'Partial System Outage' });
    assert.deepEqual(pageStatus({ ...none, components: ['major_outage', 'partial_outage'] }), { indicator: 'critical', description: 'Major System Outage' });
  });

  it('an unresolved incident makes the page at least minor, even with every component operational or no severity', () => {
    for (const impact of ['none', 'minor'] as const) {
      const s = pageStatus({ ...none, components: ['operational'], incidents: [{ status: 'investigating', impact }] });
      assert.deepEqual(s, { indicator: 'minor', description: 'Minor Service Outage' }, impact);
    }
    assert.equal(pageStatus({ ...none, incidents: [{ status: 'monitoring', impact: 'critical' }] }).indicator, 'critical');
    assert.equal(pageStatus({ ...none, components: ['partial_outage'], incidents: [{ status: 'identified', impact: 'minor' }] }).indicator, 'major');
  });

  it('resolved and postmortem incidents do not count', () => {
    const s = pageStatus({ ...none, incidents: [{ status: 'resolved', impact: 'critical' }, { status: 'postmortem', impact: 'major' }] });
    assert.equal(s.indicator, 'none');
  });

  it('maintenance: shown when nothing worse happens, from a running maintenance or an under_maintenance component', () => {
    const maint = { indicator: 'maintenance', description: 'Service Under Maintenance' };
    assert.deepEqual(pageStatus({ ...none, maintenances: ['in_progress'] }), maint);
    assert.deepEqual(pageStatus({ ...none, maintenances: ['verifying'] }), maint);
    assert.deepEqual(pageStatus({ ...none, components: ['under_maintenance'] }), maint);
    assert.equal(pageStatus({ ...none, maintenances: ['scheduled', 'completed'] }).indicator, 'none');
    const both = pageStatus({ components: ['under_maintenance'], incidents: [{ status: 'investigating', impact: 'major' }], maintenances: ['in_progress'] });
    assert.deepEqual(both, { indicator: 'major', description: 'Partial System Outage' }, 'an incident during maintenance shows the incident');
  });

  it('never gets better when an unresolved incident or a worse component is added', () => {
    const rank = (i: string) => ['none', 'maintenance', 'minor', 'major', 'critical'].indexOf(i);
    const input = fc.record({
      components: fc.array(fc.constantFrom(...COMPONENT_STATUSES)),
      incidents: fc.array(fc.record({ status: fc.constantFrom(...INCIDENT_UPDATE_STATUSES, 'postmortem' as const), impact: fc.constantFrom(...INCIDENT_IMPACTS) })),
      maintenances: fc.array(fc.constantFrom(...MAINTENANCE_STATUSES)),
    });
    fc.assert(
      fc.property(input, fc.constantFrom(...INCIDENT_IMPACTS), fc.constantFrom(...COMPONENT_STATUSES), (i, impact, component) => {
        const before = pageStatus(i);
        assert.ok(PAGE_INDICATORS.includes(before.indicator));
        const withIncident = pageStatus({ ...i, incidents: [...i.incidents, { status: 'investigating', impact }] });
        assert.ok(rank(withIncident.indicator) >= Math.max(rank(before.indicator), rank('minor')));
        assert.ok(rank(pageStatus({ ...i, components: [...i.components, component] }).indicator) >= rank(before.indicator));
      }),
    );
  });
});
