import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_INCIDENT_ROLES, decideRoleChange, removedRoleKeys, ROLE_KEY, roleListProblems } from './roles.js';

describe('incident roles', () => {
  it('the default list is valid and has the four roles of SPEC §4.2 in both languages', () => {
    assert.deepEqual(roleListProblems(DEFAULT_INCIDENT_ROLES), []);
    assert.deepEqual(
      DEFAULT_INCIDENT_ROLES.map((r) => r.key),
      ['commander', 'tech_lead', 'communications_lead', 'scribe'],
    );
    for (const r of DEFAULT_INCIDENT_ROLES) {
      assert.match(r.key, ROLE_KEY);
      assert.ok(r.name.en && r.name.ja);
    }
  });

  it('role keys are lower-case identifiers of 2–40 characters', () => {
    for (const ok of ['ok', 'tech_lead', 'csirt2', `a${'b'.repeat(39)}`]) assert.match(ok, ROLE_KEY);
    for (const bad of ['a', 'Tech', '1st', '_x', 'tech-lead', `a${'b'.repeat(40)}`, '']) assert.doesNotMatch(bad, ROLE_KEY);
  });

  it('duplicate keys are named by position', () => {
    const roles = [...DEFAULT_INCIDENT_ROLES, { key: 'scribe', name: { en: 'Scribe 2', ja: '記録係2' } }];
    assert.deepEqual(roleListProblems(roles), [{ field: 'roles.4.key', message: 'duplicate role key "scribe"; keys must be unique' }]);
  });

  it('the commander cannot be removed', () => {
    const problems = roleListProblems(DEFAULT_INCIDENT_ROLES.filter((r) => r.key !== 'commander'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.field, 'roles');
  });

  it('removedRoleKeys lists keys that disappear, not renamed names', () => {
    const after = [{ key: 'commander', name: { en: 'IC', ja: 'IC' } }, { key: 'csirt', name: { en: 'CSIRT', ja: 'CSIRT' } }];
    assert.deepEqual(removedRoleKeys(DEFAULT_INCIDENT_ROLES, after), ['tech_lead', 'communications_lead', 'scribe']);
    assert.deepEqual(removedRoleKeys(DEFAULT_INCIDENT_ROLES, DEFAULT_INCIDENT_ROLES), []);
  });

  it('decideRoleChange: assign, hand over, or nothing for the same person', () => {
    assert.deepEqual(decideRoleChange(null, 'u1'), { kind: 'assign' });
    assert.deepEqual(decideRoleChange('u1', 'u2'), { kind: 'hand_over', fromUserId: 'u1' });
    assert.deepEqual(decideRoleChange('u1', 'u1'), { kind: 'noop' });
  });
});
