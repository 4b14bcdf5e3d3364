import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

describe(`incident list, filters, search and pagination (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let s1: string;
  let s2: string;

  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    s1 = (await a.post('/api/v1/services', { name: 'payments' })).body.id;
    s2 = (await a.post('/api/v1/services', { name: 'auth' })).body.id;
    const titles = ['決済APIの遅延', 'ログイン障害', 'Checkout latency', '社内Wi-Fi が繋がらない', 'DB replication lag'];
    for (let i = 0; i < 120; i++) {
      ts.clock.advance(1000);
      const title = `${titles[i % titles.length]} #${i}`;
      const r = await a.post('/api/v1/incidents', {
        title,
        serviceId: i % 2 ? s1 : s2,
        type: i % 10 === 0 ? 'inquiry' : 'outage',
        severity: i % 4 === 0 ? 'SEV1' : 'SEV3',
        ...(i % 7 === 0 ? { impactedServiceIds: [s1, s2] } : {}),
      });
      assert.equal(r.status, 201);
      if (i % 3 === 0) await a.post(`/api/v1/incidents/${r.body.id}/acknowledge`);
    }
  });
  after(() => ts.close());

  const all = async (query: string) => {
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await a.get(`/api/v1/incidents?${query}&limit=17${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      seen.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    return seen;
  };

  it('pages through everything newest first with no duplicates and no gaps', async () => {
    const items = await all('');
    assert.equal(items.length, 120);
    assert.equal(new Set(items.map((i) => i.id)).size, 120);
    const created = items.map((i) => i.createdAt);
    assert.deepEqual(created, [...created].sort().reverse());
    const first = await a.get('/api/v1/incidents?limit=5');
    assert.equal(first.body.items.length, 5);
    assert.ok(first.body.nextCursor);
  });

  it('finds Japanese words inside Japanese text (no word boundaries)', async () => {
    const r = await a.get(`/api/v1/incidents?q=${encodeURIComponent('決済')}&limit=200`);
    assert.equal(r.body.items.length, 24);
    assert.ok(r.body.items.every((i: any) => i.title.includes('決済APIの遅延')));
    const wifi = await a.get(`/api/v1/incidents?q=${encodeURIComponent('繋がらない')}&limit=200`);
    assert.equal(wifi.body.items.length, 24);
  });

  it('search is case-insensitive for Latin text, treats % and _ literally, and finds INC numbers', async () => {
    const r = await a.get('/api/v1/incidents?q=CHECKOUT&limit=200');
    assert.equal(r.body.items.length, 24);
    assert.equal((await a.get('/api/v1/incidents?q=%25')).body.items.length, 0);
    assert.equal((await a.get('/api/v1/incidents?q=_')).body.items.length, 0);
    const byNumber = await a.get('/api/v1/incidents?q=INC-42');
    assert.ok(byNumber.body.items.some((i: any) => i.number === 42));
  });

  it('filters by status (including open), service (primary or impacted), type and severity, and combines them', async () => {
    const acked = await all('status=acknowledged');
    assert.equal(acked.length, 40);
    const open = await all('status=open');
    assert.equal(open.length, 120);
    const both = await all('status=triggered,acknowledged');
    assert.equal(both.length, 120);
    const payments = await all(`serviceId=${s1}`);
    // primary s1: odd i (60); plus impacted via i%7==0 with even i (0,14,...,112 → 9)
    assert.equal(payments.length, 69);
    const inquiries = await all('type=inquiry');
    assert.equal(inquiries.length, 12);
    const sev1Acked = await all('severity=SEV1&status=acknowledged');
    assert.ok(sev1Acked.every((i) => i.severity === 'SEV1' && i.status === 'acknowledged'));
    assert.equal(sev1Acked.length, 10);
    const searchAndFilter = await all(`q=${encodeURIComponent('決済')}&serviceId=${s2}`);
    assert.ok(searchAndFilter.every((i) => i.title.includes('決済') && (i.serviceId === s2 || i.impactedServiceIds.includes(s2))));
  });
});

describe(`search across Japanese spelling variants (${dialectName})`, () => {
  it('finds full-width/half-width and case variants, and follows title changes', async () => {
    const ts = await startTestServer();
    try {
      const a = api(ts.server.app, ts.token);
      const wide = (await a.post('/api/v1/incidents', { title: '決済ＡＰＩの遅延' })).body;
      const kana = (await a.post('/api/v1/incidents', { title: 'ｹｯｻｲ ｴﾗｰ多発', description: 'ＶＰＮ経由' })).body;
      const find = async (q: string) => ((await a.get(`/api/v1/incidents?q=${encodeURIComponent(q)}`)).body.items as any[]).map((i) => i.id);
      assert.deepEqual(await find('決済API'), [wide.id]);
      assert.deepEqual(await find('api'), [wide.id]);
      assert.deepEqual(await find('ケッサイ'), [kana.id]);
      assert.deepEqual(await find('vpn'), [kana.id]);
      await a.patch(`/api/v1/incidents/${wide.id}`, { title: '認証基盤の障害' });
      assert.deepEqual(await find('決済'), []);
      assert.deepEqual(await find('認証'), [wide.id]);
    } finally {
      await ts.close();
    }
  });
});

describe(`incremental export (${dialectName})`, () => {
  it('updatedSince returns exactly the incidents changed since an instant, notes included', async () => {
    const ts = await startTestServer();
    try {
      const a = api(ts.server.app, ts.token);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await a.post('/api/v1/incidents', { title: `i${i}` })).body.id);
      ts.clock.advance(60_000);
      const mark = ts.clock.now().toISOString();
      await a.post(`/api/v1/incidents/${ids[1]}/acknowledge`);
      await a.post(`/api/v1/incidents/${ids[3]}/notes`, { body: 'looking' });
      const changed = await a.get(`/api/v1/incidents?updatedSince=${encodeURIComponent(mark)}`);
      assert.deepEqual(changed.body.items.map((i: any) => i.id).sort(), [ids[1], ids[3]].sort());
      assert.equal((await a.get('/api/v1/incidents?updatedSince=yesterday')).status, 400);
    } finally {
      await ts.close();
    }
  });
});

describe(`service list pagination (${dialectName})`, () => {
  it('pages through services by name with nextCursor', async () => {
    const ts = await startTestServer();
    try {
      const a = api(ts.server.app, ts.token);
      const names = ['決済', 'auth', 'billing', 'cdn', 'dns', 'email', 'frontend'];
      for (const name of names) assert.equal((await a.post('/api/v1/services', { name })).status, 201);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r: any = await a.get(`/api/v1/services?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        seen.push(...r.body.items.map((s: any) => s.name));
        cursor = r.body.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [...names].sort());
    } finally {
      await ts.close();
    }
  });
});
