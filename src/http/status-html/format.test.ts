import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { showDay, showPercent, showTime, timeHtml, zoneLabel } from './format.js';

describe('status page times and figures', () => {
  it('names the zone by its abbreviation, across the 2026 DST changes', () => {
    assert.equal(zoneLabel('2026-11-22T09:30:00Z', 'Asia/Tokyo'), 'JST');
    // New York springs forward at 07:00 UTC on 8 March 2026 and falls back at 06:00 UTC on 1 November
    assert.equal(zoneLabel('2026-03-08T06:59:00Z', 'America/New_York'), 'EST');
    assert.equal(zoneLabel('2026-03-08T07:00:00Z', 'America/New_York'), 'EDT');
    assert.equal(zoneLabel('2026-11-01T05:59:00Z', 'America/New_York'), 'EDT');
    assert.equal(zoneLabel('2026-11-01T06:00:00Z', 'America/New_York'), 'EST');
    assert.equal(zoneLabel('2026-07-01T12:00:00Z', 'Europe/London'), 'BST');
    assert.equal(zoneLabel('2026-01-01T12:00:00Z', 'Europe/London'), 'GMT');
    assert.equal(zoneLabel('2026-01-01T12:00:00Z', 'Europe/Berlin'), 'CET');
    assert.equal(zoneLabel('2026-01-01T12:00:00Z', 'UTC'), 'UTC');
  });

  it('labels a zone without an abbreviation by its offset, never leaves it unnamed', () => {
    assert.equal(zoneLabel('2026-01-01T12:00:00Z', 'Asia/Kolkata'), 'UTC+05:30');
    assert.equal(zoneLabel('2026-01-01T12:00:00Z', 'America/Sao_Paulo'), 'UTC-03:00');
  });

  it('shows an instant in the page zone, whatever the process zone', () => {
    assert.deepEqual(showTime('2026-11-22T09:30:00Z', 'Asia/Tokyo', 'en'), {
      text: '2026-11-22 18:30 JST',
      iso: '2026-11-22T09:30:00.000Z',
      zone: 'Asia/Tokyo (UTC+09:00)',
    });
    assert.equal(showTime('2026-11-22T09:30:00Z', 'Asia/Tokyo', 'ja').text, '2026年11月22日 18:30 JST');
    // 00:30 UTC is still the previous evening in New York
    assert.equal(showTime('2026-11-21T00:30:00Z', 'America/New_York', 'en').text, '2026-11-20 19:30 EST');
    assert.equal(
      timeHtml('2026-11-22T09:30:00Z', 'Asia/Tokyo', 'en'),
      '<time datetime="2026-11-22T09:30:00.000Z" title="Asia/Tokyo (UTC+09:00)">2026-11-22 18:30 JST</time>',
    );
  });

  it('shows a local date with its weekday', () => {
    assert.equal(showDay('2026-11-22', 'en'), 'Sun, Nov 22, 2026');
    assert.equal(showDay('2026-11-22', 'ja'), '2026年11月22日(日)');
    assert.throws(() => showDay('22/11/2026', 'en'), /YYYY-MM-DD/);
  });

  it('rounds uptime down, so nothing short of 100 reads as 100', () => {
    assert.equal(showPercent(100), '100%');
    assert.equal(showPercent(99.999), '99.99%');
    assert.equal(showPercent(99.9999999), '99.99%');
    assert.equal(showPercent(99.95), '99.95%');
    assert.equal(showPercent(0.29), '0.29%');
    assert.equal(showPercent(0), '0.00%');
  });
});
