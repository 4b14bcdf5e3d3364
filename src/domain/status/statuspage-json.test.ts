import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusDocument, summaryDocument } from './statuspage-json.js';
import type { ComponentModel, StatusPageModel } from './statuspage-model.js';

// reference/interop.md §5.4, "Canonical summary.json our server should emit" (copied as is)
const CANONICAL_SUMMARY = `{
  "page": {"id": "incd01", "name": "Acme", "url": "https://status.acme.test", "time_zone": "Etc/UTC", "updated_at": "2024-05-01T12:05:00.000Z"},
  "status": {"indicator": "major", "description": "Partial System Outage"},
  "components": [
    {"id": "cmp_api", "name": "API", "status": "partial_outage", "created_at": "2024-01-01T00:00:00.000Z", "updated_at": "2024-05-01T12:01:00.000Z",
     "position": 1, "description": null, "showcase": true, "start_date": null, "group_id": null, "page_id": "incd01", "group": false, "only_show_if_degraded": false}
  ],
  "incidents": [
    {"id": "inc_42", "name": "Elevated API errors", "status": "identified", "impact": "major",
     "created_at": "2024-05-01T12:00:00.000Z", "updated_at": "2024-05-01T12:05:00.000Z", "started_at": "2024-05-01T11:58:00.000Z",
     "monitoring_at": null, "resolved_at": null, "shortlink": "https://status.acme.test/incidents/inc_42", "page_id": "incd01",
     "incident_updates": [
       {"id": "upd_2", "incident_id": "inc_42", "status": "identified", "body": "A bad deploy was identified; rolling back.",
        "created_at": "2024-05-01T12:05:00.000Z", "updated_at": "2024-05-01T12:05:00.000Z", "display_at": "2024-05-01T12:05:00.000Z",
        "affected_components": [{"code": "cmp_api", "name": "API", "old_status": "degraded_performance", "new_status": "partial_outage"}],
        "deliver_notifications": true, "custom_tweet": null, "tweet_id": null},
       {"id": "upd_1", "incident_id": "inc_42", "status": "investigating", "body": "We are investigating elevated error rates.",
        "created_at": "2024-05-01T12:00:00.000Z", "updated_at": "2024-05-01T12:00:00.000Z", "display_at": "2024-05-01T12:00:00.000Z",
        "affected_components": null, "deliver_notifications": true, "custom_tweet": null, "tweet_id": null}
     ],
     "components": []}
  ],
  "scheduled_maintenances": [
    {"id": "mnt_7", "name": "Database upgrade", "status": "scheduled", "impact": "maintenance",
     "created_at": "2024-04-28T09:00:00.000Z", "updated_at": "2024-04-28T09:00:00.000Z", "started_at": "2024-04-28T09:00:00.000Z",
     "monitoring_at": null, "resolved_at": null, "shortlink": "https://status.acme.test/incidents/mnt_7", "page_id": "incd01",
     "scheduled_for": "2024-05-04T02:00:00.000Z", "scheduled_until": "2024-05-04T03:00:00.000Z",
     "incident_updates": [{"id": "upd_m1", "incident_id": "mnt_7", "status": "scheduled", "body": "Planned database upgrade.",
       "created_at": "2024-04-28T09:00:00.000Z", "updated_at": "2024-04-28T09:00:00.000Z", "display_at": "2024-04-28T09:00:00.000Z",
       "affected_components": [{"code": "cmp_api", "name": "API", "old_status": "operational", "new_status": "operational"}]}],
     "components": []}
  ]
}`;

// interop.md §5.4, the Statuspage doc sample of summary.json (status.chargebee.com/api), copied with the
// sample's own missing comma after "status" put back so that it parses
const CHARGEBEE_SAMPLE = `{
  "page": { "id": "7h56br5y94wh", "name": "Chargebee", "url": "https://status.chargebee.com", "updated_at": "2025-10-25T18:01:12Z" },
  "status": { "description": "Partial System Outage", "indicator": "major" },
  "components": [
    { "created_at": "2014-05-03T01:22:07.274Z", "description": null, "id": "b13yz5g2cw10", "name": "API", "page_id": "7h56br5y94wh", "position": 1, "status": "partial_outage", "updated_at": "2014-05-14T20:34:43.340Z" },
    { "created_at": "2014-05-03T01:22:07.286Z", "description": null, "id": "9397cnvk62zn", "name": "Management Portal", "page_id": "7h56br5y94wh", "position": 2, "status": "major_outage", "updated_at": "2014-05-14T20:34:44.470Z" }
  ],
  "incidents": [
    { "created_at": "2014-05-14T14:22:39.441-06:00", "id": "cp306tmzcl0y", "impact": "critical",
      "incident_updates": [
        { "body": "Our master database has ham sandwiches flying out of the rack, and we're working our hardest to stop the bleeding. The whole site is down while we restore functionality, and we'll provide another update within 30 minutes.",
          "created_at": "2014-05-14T14:22:40.301-06:00", "display_at": "2014-05-14T14:22:40.301-06:00", "id": "jdy3tw5mt5r5", "incident_id": "cp306tmzcl0y", "status": "identified", "updated_at": "2014-05-14T14:22:40.301-06:00" } ] } ]
}`;

// interop.md §5.4, status.json as shown by discordstatus.com
const DISCORD_STATUS = `{"page":{"id":"srhpyqt94yxb","name":"Discord","url":"https://discordstatus.com","time_zone":"America/Tijuana","updated_at":"2022-02-15T13:37:37.407-08:00"},
 "status":{"indicator":"none","description":"All Systems Operational"}}`;

const acme: StatusPageModel = {
  page: { id: 'incd01', name: 'Acme', url: 'https://status.acme.test', timeZone: 'Etc/UTC', updatedAt: '2024-05-01T12:05:00Z' },
  components: [
    { id: 'cmp_api', name: 'API', status: 'partial_outage', createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-05-01T21:01:00+09:00', position: 1, description: null, groupId: null, isGroup: false },
  ],
  incidents: [
    {
      id: 'inc_42',
      name: 'Elevated API errors',
      impact: 'major',
      createdAt: '2024-05-01T12:00:00Z',
      updatedAt: '2024-05-01T12:05:00Z',
      startedAt: '2024-05-01T11:58:00Z',
      componentIds: [],
      updates: [
        { id: 'upd_1', status: 'investigating', body: 'We are investigating elevated error rates.', createdAt: '2024-05-01T12:00:00Z' },
        {
          id: 'upd_2',
          status: 'identified',
          body: 'A bad deploy was identified; rolling back.',
          createdAt: '2024-05-01T12:05:00Z',
          affectedComponents: [{ componentId: 'cmp_api', name: 'API', oldStatus: 'degraded_performance', newStatus: 'partial_outage' }],
        },
      ],
    },
  ],
  maintenances: [
    {
      id: 'mnt_7',
      name: 'Database upgrade',
      status: 'scheduled',
      createdAt: '2024-04-28T09:00:00Z',
      updatedAt: '2024-04-28T09:00:00Z',
      startedAt: '2024-04-28T09:00:00Z',
      scheduledFor: '2024-05-04T02:00:00Z',
      scheduledUntil: '2024-05-04T03:00:00Z',
      componentIds: [],
      updates: [
        {
          id: 'upd_m1',
          status: 'scheduled',
          body: 'Planned database upgrade.',
          createdAt: '2024-04-28T09:00:00Z',
          affectedComponents: [{ componentId: 'cmp_api', name: 'API', oldStatus: 'operational', newStatus: 'operational' }],
        },
      ],
    },
  ],
};

/** Every key of `expected` is in `actual` with the same value; instants compare as instants. */
function assertFieldsMatch(actual: unknown, expected: unknown, path = '$'): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: not an array`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    for (const [i, e] of expected.entries()) assertFieldsMatch(actual[i], e, `${path}[${i}]`);
  } else if (expected && typeof expected === 'object') {
    assert.ok(actual && typeof actual === 'object', `${path}: not an object`);
    for (const [k, v] of Object.entries(expected)) {
      assert.ok(k in actual, `${path}.${k} missing`);
      assertFieldsMatch((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    }
  } else if (typeof expected === 'string' && /^\d{4}-\d\d-\d\dT/.test(expected)) {
    assert.equal(Date.parse(actual as string), Date.parse(expected), `${path}: instant`);
    assert.match(actual as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, `${path}: UTC with milliseconds`);
  } else {
    assert.equal(actual, expected, path);
  }
}

describe('Statuspage v2 documents: the reference examples of interop.md §5.4', () => {
  it('summary.json is exactly the canonical example: fields, nesting, values and field order', () => {
    const ours = summaryDocument(acme);
    assert.deepEqual(ours, JSON.parse(CANONICAL_SUMMARY));
    assert.equal(JSON.stringify(ours), JSON.stringify(JSON.parse(CANONICAL_SUMMARY)));
  });

  it('summary.json carries every field of the Statuspage doc sample (Chargebee), with the same values', () => {
    const sample = JSON.parse(CHARGEBEE_SAMPLE);
    const component = (c: (typeof sample.components)[number]): ComponentModel => ({
      id: c.id,
      name: c.name,
      status: c.status,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      position: c.position,
      description: c.description,
      groupId: null,
      isGroup: false,
    });
    const inc = sample.incidents[0];
    const upd = inc.incident_updates[0];
    const model: StatusPageModel = {
      page: { id: sample.page.id, name: sample.page.name, url: sample.page.url, timeZone: 'Etc/UTC', updatedAt: sample.page.updated_at },
      components: sample.components.map(component),
      incidents: [
        {
          id: inc.id,
          name: 'Database outage',
          impact: inc.impact,
          createdAt: inc.created_at,
          updatedAt: upd.updated_at,
          startedAt: inc.created_at,
          componentIds: [],
          updates: [{ id: upd.id, status: upd.status, body: upd.body, createdAt: upd.created_at, displayAt: upd.display_at, updatedAt: upd.updated_at }],
        },
      ],
      maintenances: [],
    };
    const ours = summaryDocument(model);
    assert.deepEqual(Object.keys(ours), ['page', 'status', 'components', 'incidents', 'scheduled_maintenances']);
    assertFieldsMatch(ours, { ...sample, status: { description: 'Major System Outage', indicator: 'critical' } });
    assert.equal(ours.incidents[0]!.created_at, '2014-05-14T20:22:39.441Z', '-06:00 is re-emitted as UTC');
  });

  it('status.json has the shape of the discordstatus.com example', () => {
    const sample = JSON.parse(DISCORD_STATUS);
    const ours = statusDocument({
      page: { id: sample.page.id, name: sample.page.name, url: sample.page.url, timeZone: sample.page.time_zone, updatedAt: sample.page.updated_at },
      components: [],
      incidents: [],
      maintenances: [],
    });
    assert.deepEqual(ours, { ...sample, page: { ...sample.page, updated_at: '2022-02-15T21:37:37.407Z' } });
    assert.deepEqual(Object.keys(ours.page), ['id', 'name', 'url', 'time_zone', 'updated_at']);
    assert.deepEqual(Object.keys(ours.status), ['indicator', 'description']);
  });
});
