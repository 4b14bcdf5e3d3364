import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api } from './helpers/api.js';
import { browserSkip, launchBrowser, newPage, screenshot, signedIn, startWebServer, type WebServer } from './helpers/browser.js';

/**
 * Schedules, on call now and escalation policies in a real browser. Three zones differ on purpose
 * (edge case 4): the server runs in UTC, the viewer's profile says Europe/Paris, the browser says
 * America/Chicago, and the schedule is in Asia/Tokyo; an override typed in Tokyo time lands at the
 * Tokyo instant whatever the other two say.
 */

const SCHEDULE_ZONE = 'Asia/Tokyo';
const VIEWER_ZONE = 'Europe/Paris';

/** The wall clock of an instant in a zone: { date: YYYY-MM-DD, time: HH:MM }. */
function wallClock(t: Date, zone: string): { date: string; time: string } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(t)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

describe('web app: schedules, on call now, escalation policies', { skip: browserSkip }, () => {
  let web: WebServer;
  let browser: Browser;
  let owner: ReturnType<typeof api>;
  let scheduleId = '';
  let policyId = '';
  // Whole minutes: the form takes HH:MM.
  const minute = 60_000;
  const overrideStart = new Date(Math.floor((Date.now() - 60 * minute) / minute) * minute);
  const overrideEnd = new Date(overrideStart.getTime() + 4 * 60 * minute);

  before(async () => {
    web = await startWebServer({ locale: 'en', timeZone: VIEWER_ZONE });
    browser = await launchBrowser();
    owner = api(web.ts.server.app, web.owner.token);
    for (const name of ['Ben Sato', 'Chie Kondo', 'Dan Ito']) {
      const r = await owner.post('/api/v1/users', { name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com`, role: 'responder', timeZone: SCHEDULE_ZONE });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const finalRow = (page: Page) => page.getByRole('list', { name: 'Final schedule' });

  test('create a schedule in Tokyo time with a two-person layer; the final timeline names both', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/schedules`);
    await page.getByRole('heading', { name: 'Schedules', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New schedule' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Platform primary');
    await dialog.getByLabel('Time zone').fill(SCHEDULE_ZONE);
    await dialog.getByLabel('Layer name').fill('Weekdays');
    for (const name of ['Aiko Tanaka', 'Ben Sato']) {
      await dialog.getByLabel('Person').selectOption({ label: name });
      await dialog.getByRole('button', { name: 'Add to rotation' }).click();
    }
    await dialog.getByLabel('Shift unit').selectOption('day');
    await dialog.getByLabel('Shift length').fill('1');
    await dialog.getByLabel('Handoff time').fill('09:00');
    await dialog.getByLabel('First handoff date').fill(wallClock(new Date(Date.now() - 86_400_000), SCHEDULE_ZONE).date);
    await dialog.getByRole('button', { name: 'Create' }).click();

    await page.getByRole('heading', { name: 'Platform primary', level: 1 }).waitFor();
    scheduleId = new URL(page.url()).pathname.split('/').pop() ?? '';
    assert.match(scheduleId, /^[0-9A-Z]{26}$/);
    const stored = await owner.get(`/api/v1/schedules/${scheduleId}`);
    assert.equal(stored.body.timeZone, SCHEDULE_ZONE);
    assert.deepEqual(
      stored.body.layers[0].members.map((m: { name: string }) => m.name),
      ['Aiko Tanaka', 'Ben Sato'],
    );
    assert.equal(stored.body.layers[0].rotation.handoffTime, '09:00');

    // Times are in the viewer's zone and say so; both people appear on the final schedule.
    await page.getByText(`Times in ${VIEWER_ZONE}`).first().waitFor();
    for (const name of ['Aiko Tanaka', 'Ben Sato']) await finalRow(page).getByRole('listitem').filter({ hasText: name }).first().waitFor();
    await page.getByRole('list', { name: 'Weekdays' }).getByRole('listitem').filter({ hasText: 'Ben Sato' }).first().waitFor();
    // The on-call card agrees with the server.
    const now = await owner.get(`/api/v1/schedules/${scheduleId}/oncall`);
    const onCall = now.body.users[0].name as string;
    await page.locator('section[aria-labelledby=now-title]').getByText(onCall).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('add a higher layer restricted to weekends; it shows as its own row and in the final schedule', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/schedules/${scheduleId}`);
    await page.getByRole('button', { name: 'Add layer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Layer name').fill('Weekend');
    await dialog.getByLabel('Person').selectOption({ label: 'Chie Kondo' });
    await dialog.getByRole('button', { name: 'Add to rotation' }).click();
    await dialog.getByRole('button', { name: 'Add weekly window' }).click();
    const win = dialog.getByRole('group', { name: 'Window 1' });
    await win.getByLabel('Start day').selectOption('sat');
    await win.getByLabel('Start', { exact: true }).fill('00:00');
    await win.getByLabel('End day').selectOption('mon');
    await win.getByLabel('End', { exact: true }).fill('00:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('heading', { name: /Weekend/, level: 3 }).waitFor();
    await page.getByRole('list', { name: 'Weekend' }).getByRole('listitem').filter({ hasText: 'Chie Kondo' }).first().waitFor();
    await finalRow(page).getByRole('listitem').filter({ hasText: 'Chie Kondo' }).first().waitFor();
    const stored = await owner.get(`/api/v1/schedules/${scheduleId}`);
    assert.deepEqual(
      stored.body.layers.map((l: { name: string }) => l.name),
      ['Weekdays', 'Weekend'],
    );
    assert.deepEqual(stored.body.layers[1].restrictions, [{ kind: 'weekly', startDay: 'sat', start: '00:00', endDay: 'mon', end: '00:00' }]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an override typed in Tokyo time keeps its wall clock when the date changes and shows on the timeline', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/schedules/${scheduleId}`);
    await page.getByRole('button', { name: 'Add override' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kind').selectOption('add');
    await dialog.getByLabel('Who goes on call').selectOption({ label: 'Dan Ito' });
    assert.equal(await dialog.getByLabel('Time zone of the times below').inputValue(), SCHEDULE_ZONE);

    const start = wallClock(overrideStart, SCHEDULE_ZONE);
    const end = wallClock(overrideEnd, SCHEDULE_ZONE);
    const startGroup = dialog.getByRole('group', { name: 'Start' });
    const endGroup = dialog.getByRole('group', { name: 'End' });
    // Edge case 4: the time is typed first, then the date changes; the time must not move.
    await startGroup.getByLabel('Time').fill('00:00');
    await startGroup.getByLabel('Date').fill('2026-03-29');
    assert.equal(await startGroup.getByLabel('Time').inputValue(), '00:00');
    await startGroup.getByLabel('Date').fill(start.date);
    assert.equal(await startGroup.getByLabel('Time').inputValue(), '00:00');
    await startGroup.getByLabel('Time').fill(start.time);
    await endGroup.getByLabel('Time').fill(end.time);
    await endGroup.getByLabel('Date').fill(end.date);
    assert.equal(await endGroup.getByLabel('Time').inputValue(), end.time);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const overrides = await owner.get(`/api/v1/schedules/${scheduleId}/overrides`);
    assert.equal(overrides.body.items.length, 1);
    const o = overrides.body.items[0];
    assert.equal(o.kind, 'add');
    assert.equal(o.user.name, 'Dan Ito');
    assert.equal(Date.parse(o.start), overrideStart.getTime(), 'the Tokyo wall clock became the Tokyo instant');
    assert.equal(Date.parse(o.end), overrideEnd.getTime());

    const table = page.locator('section[aria-labelledby=overrides-title] table');
    await table.getByRole('cell', { name: 'Dan Ito' }).waitFor();
    const block = finalRow(page).locator('li.tl-block.override').filter({ hasText: 'Dan Ito' });
    await block.first().waitFor();
    assert.match((await block.first().getAttribute('title')) ?? '', /Dan Ito \(override\)/);
    await page.locator('section[aria-labelledby=now-title]').getByText('Dan Ito').waitFor();

    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'schedule');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on call now lists every schedule with who is on call and until when', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/oncall`);
    await page.getByRole('heading', { name: 'On call now', level: 1 }).waitFor();
    const expected = (await owner.get(`/api/v1/schedules/${scheduleId}/oncall`)).body.users.map((u: { name: string }) => u.name) as string[];
    assert.ok(expected.includes('Dan Ito'));
    const people = page.getByRole('list', { name: 'On call on Platform primary' });
    for (const name of expected) await people.getByText(name).waitFor();
    assert.equal(await people.getByRole('listitem').count(), expected.length);
    await people.getByRole('listitem').filter({ hasText: 'Dan Ito' }).getByText(/^until /).waitFor();
    await page.getByRole('link', { name: 'Platform primary' }).waitFor();
    await screenshot(page, 'oncall');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('create a two-level escalation policy: a server validation error is shown, then it saves', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/escalation-policies`);
    await page.getByRole('heading', { name: 'Escalation policies', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New escalation policy' }).click();
    await page.getByRole('heading', { name: 'New escalation policy', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Platform escalation');
    await page.getByLabel('Repeat').fill('1');

    const level1 = page.getByRole('region', { name: 'Level 1' });
    await level1.getByLabel('Choose').selectOption({ label: 'Aiko Tanaka' });
    await level1.getByRole('button', { name: 'Add target' }).click();
    await level1.getByLabel('Delay (minutes)').fill('5');
    await page.getByRole('button', { name: 'Add level' }).click();
    const level2 = page.getByRole('region', { name: 'Level 2' });
    await level2.getByLabel('Delay (minutes)').fill('10');

    // Level 2 has nobody yet: the server's message names the field.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: 'levels.1.targets' }).waitFor();

    await level2.getByLabel('Kind').selectOption('schedule');
    await level2.getByLabel('Choose').selectOption({ label: 'Platform primary' });
    await level2.getByRole('button', { name: 'Add target' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByRole('heading', { name: 'Platform escalation', level: 1 }).waitFor();
    policyId = new URL(page.url()).pathname.split('/').pop() ?? '';

    const p = (await owner.get(`/api/v1/escalation-policies/${policyId}`)).body;
    assert.equal(p.repeat, 1);
    assert.deepEqual(
      p.levels.map((l: { delayMinutes: number; targets: { type: string; name: string }[] }) => [l.delayMinutes, l.targets.map((x) => `${x.type}:${x.name}`)]),
      [
        [5, ['user:Aiko Tanaka']],
        [10, ['schedule:Platform primary']],
      ],
    );
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'escalation-policy');

    // In use by a service: deleting says so instead of a generic error.
    assert.equal((await owner.post('/api/v1/services', { name: 'Checkout', escalationPolicyId: policyId })).status, 201);
    await page.reload();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alert').filter({ hasText: 'cannot be deleted while services page through it' }).waitFor();
    assert.equal((await owner.get(`/api/v1/escalation-policies/${policyId}`)).status, 200);
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).last().click();

    // On call now names the policy that pages the schedule.
    await page.goto(`${web.url}/oncall`);
    await page.getByRole('link', { name: 'Platform escalation' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a 390-px phone the schedule page does not scroll sideways; the timeline scrolls inside itself', async () => {
    const { page, errors, context } = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    // login() waits for the sidebar, which a phone keeps behind the menu button.
    await page.goto(`${web.url}/schedules/${scheduleId}`);
    await page.locator('input[type=email]').fill(web.owner.email);
    await page.locator('input[type=password]').fill(web.owner.password);
    await page.locator('button[type=submit]').click();
    await finalRow(page).getByRole('listitem').filter({ hasText: 'Dan Ito' }).first().waitFor();
    const widths = await page.evaluate<{ page: number; chart: number }>(
      "({ page: document.documentElement.scrollWidth, chart: document.querySelector('.tl-scroll')?.scrollWidth ?? 0 })",
    );
    assert.ok(widths.page <= 390, `page is ${widths.page}px wide`);
    assert.ok(widths.chart > 390, 'the two-week chart is wider than the phone and scrolls in its frame');
    for (const path of ['/oncall', `/escalation-policies/${policyId}`, '/schedules']) {
      await page.goto(`${web.url}${path}`);
      await page.locator('h1').first().waitFor();
      const w = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(w <= 390, `${path} is ${w}px wide`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('in Japanese: headings and the timeline are translated', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/schedules/${scheduleId}`);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'タイムライン', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'オーバーライド', level: 2 }).waitFor();
    await page.getByRole('list', { name: '最終スケジュール' }).waitFor();
    await page.goto(`${web.url}/escalation-policies/${policyId}`);
    await page.getByRole('heading', { name: 'レベル 2', level: 3 }).waitFor();
    await page.getByLabel('遅延(分)').first().waitFor();
    await page.goto(`${web.url}/oncall`);
    await page.getByRole('heading', { name: '現在のオンコール', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'On call now', level: 1 }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** The form's wall-clock maths follows the server's rule (SPEC §4.3): gaps move forward, repeats take the first. */
describe('web app: local times in a schedule zone', () => {
  type Local = { date: string; time: string };
  type Span = { start: string; end: string };
  interface Zoned {
    toInstant(l: Local, zone: string): Date | null;
    toLocal(t: string, zone: string): Local;
    place(items: Span[], from: number, to: number): { blocks: { left: number; width: number; lane: number }[]; lanes: number };
    dayTicks(fromDate: string, days: number, zone: string, from: number, to: number): { at: number }[];
  }
  // Loaded by path: the web app is type-checked by its own tsconfig (web/tsconfig.json), not the server's.
  const load = async (): Promise<Zoned> => {
    const dir = path.resolve(import.meta.dirname, '..', 'web', 'src', 'pages', 'schedules');
    return { ...(await import(path.join(dir, 'zoned.ts'))), ...(await import(path.join(dir, 'timeline.ts'))) } as Zoned;
  };

  test('a typed date and time become the instant in the chosen zone, not the browser’s', async () => {
    const { toInstant, toLocal } = await load();
    assert.equal(toInstant({ date: '2026-03-29', time: '00:00' }, 'Europe/Paris')?.toISOString(), '2026-03-28T23:00:00.000Z');
    assert.equal(toInstant({ date: '2026-03-30', time: '00:00' }, 'Europe/Paris')?.toISOString(), '2026-03-29T22:00:00.000Z');
    assert.equal(toInstant({ date: '2026-11-23', time: '09:00' }, 'Asia/Tokyo')?.toISOString(), '2026-11-23T00:00:00.000Z');
    assert.deepEqual(toLocal('2026-11-23T00:00:00.000Z', 'Asia/Tokyo'), { date: '2026-11-23', time: '09:00' });
    assert.equal(toInstant({ date: '', time: '09:00' }, 'Asia/Tokyo'), null);
  });

  test('a time that does not exist moves forward by the gap; a repeated one means the first', async () => {
    const { toInstant } = await load();
    // 02:30 on 2026-03-08 never happens in New York: 03:30 EDT.
    assert.equal(toInstant({ date: '2026-03-08', time: '02:30' }, 'America/New_York')?.toISOString(), '2026-03-08T07:30:00.000Z');
    // 01:30 on 2026-11-01 happens twice: the first (EDT).
    assert.equal(toInstant({ date: '2026-11-01', time: '01:30' }, 'America/New_York')?.toISOString(), '2026-11-01T05:30:00.000Z');
  });

  test('timeline blocks: overlapping people take separate lanes; day lines are local midnights', async () => {
    const { place, dayTicks, toInstant } = await load();
    const from = Date.parse('2026-11-23T00:00:00Z');
    const to = from + 86_400_000;
    const { blocks, lanes } = place(
      [
        { start: '2026-11-22T12:00:00Z', end: '2026-11-23T12:00:00Z' },
        { start: '2026-11-23T06:00:00Z', end: '2026-11-23T09:00:00Z' },
        { start: '2026-11-23T12:00:00Z', end: '2026-11-24T12:00:00Z' },
      ],
      from,
      to,
    );
    assert.equal(lanes, 2);
    assert.deepEqual(
      blocks.map((b) => [b.left, b.width, b.lane]),
      [
        [0, 0.5, 0],
        [0.25, 0.125, 1],
        [0.5, 0.5, 0],
      ],
    );
    const start = toInstant({ date: '2026-03-28', time: '00:00' }, 'Europe/Paris')!.getTime();
    const ticks = dayTicks('2026-03-28', 3, 'Europe/Paris', start, start + 3 * 86_400_000);
    // The night the clocks change is 23 hours long: the next midnight comes an hour early.
    assert.deepEqual(
      ticks.map((t) => new Date(t.at).toISOString()),
      ['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    );
  });
});
