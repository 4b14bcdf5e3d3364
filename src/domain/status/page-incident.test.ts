import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageIncidentState, type PostedUpdate } from './page-incident.js';

let n = 0;
const u = (status: PostedUpdate['status'], displayAt: string, createdAt = displayAt): PostedUpdate => ({ id: `u${++n}`, status, displayAt, createdAt });

describe('an incident as the page tells it', () => {
  it('takes its status from the latest update, whatever order they arrive in', () => {
    const updates = [u('identified', '2026-05-01T10:10:00Z'), u('investigating', '2026-05-01T10:00:00Z')];
    assert.deepEqual(pageIncidentState(updates), { status: 'identified', monitoringAt: null, resolvedAt: null });
    assert.deepEqual(pageIncidentState([]), { status: 'investigating', monitoringAt: null, resolvedAt: null });
  });

  it('monitoring_at is when the last monitoring run began; resolved_at when it was resolved', () => {
    const updates = [
      u('investigating', '2026-05-01T10:00:00Z'),
      u('monitoring', '2026-05-01T10:20:00Z'),
      u('monitoring', '2026-05-01T10:30:00Z'),
      u('resolved', '2026-05-01T11:00:00Z'),
      u('resolved', '2026-05-01T11:05:00Z'),
    ];
    assert.deepEqual(pageIncidentState(updates), { status: 'resolved', monitoringAt: '2026-05-01T10:20:00Z', resolvedAt: '2026-05-01T11:00:00Z' });
  });

  it('an update after resolved reopens it on the page: no resolved_at; the latest monitoring run counts', () => {
    const updates = [
      u('monitoring', '2026-05-01T10:20:00Z'),
      u('resolved', '2026-05-01T11:00:00Z'),
      u('investigating', '2026-05-01T12:00:00Z'),
      u('monitoring', '2026-05-01T12:30:00Z'),
    ];
    assert.deepEqual(pageIncidentState(updates), { status: 'monitoring', monitoringAt: '2026-05-01T12:30:00Z', resolvedAt: null });
  });

  it('resolved becomes postmortem once one is published; an open incident stays open', () => {
    assert.equal(pageIncidentState([u('resolved', '2026-05-01T11:00:00Z')], '2026-05-03T09:00:00Z').status, 'postmortem');
    assert.equal(pageIncidentState([u('identified', '2026-05-01T11:00:00Z')], '2026-05-03T09:00:00Z').status, 'identified');
  });

  it('ties on display time fall back to creation time, then id', () => {
    const a = { id: 'a', status: 'resolved' as const, displayAt: '2026-05-01T11:00:00Z', createdAt: '2026-05-01T11:00:05Z' };
    const b = { id: 'b', status: 'monitoring' as const, displayAt: '2026-05-01T11:00:00Z', createdAt: '2026-05-01T11:00:01Z' };
    assert.equal(pageIncidentState([a, b]).status, 'resolved');
    assert.equal(pageIncidentState([{ ...a, createdAt: b.createdAt }, b]).status, 'monitoring', 'same instant: id b sorts last');
  });
});
