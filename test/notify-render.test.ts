import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { smsText } from '../src/notify/channels/sms/sms.js';
import { fitSms, smsSegments } from '../src/notify/channels/sms/segments.js';
import { slackPayload } from '../src/notify/channels/slack/payload.js';
import { teamsPayload } from '../src/notify/channels/teams/payload.js';
import { mattermostPayload } from '../src/notify/channels/mattermost/payload.js';
import { voiceTwiml } from '../src/notify/channels/voice/voice.js';
import { webhookSigningSecret } from '../src/notify/channels/webhook/secret.js';
import { signWebhook, verifyWebhook } from '../src/notify/channels/webhook/signature.js';
import { webhookPayload } from '../src/notify/channels/webhook/webhook.js';
import { signLink, verifyLink } from '../src/notify/render/links.js';
import { type IncidentSummary, type MessageInput, messageLinks, renderMessage } from '../src/notify/render/message.js';
import { renderRespondPage, renderRespondResultPage } from '../src/notify/render/respond-page.js';
import { formatInstant } from '../src/notify/render/time.js';

const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
const NOW = new Date('2026-11-22T09:00:00.000Z');

const incident: IncidentSummary = {
  id: '01JINCIDENT0000000000000000',
  number: 42,
  title: '決済APIのエラー率上昇 <script>alert(1)</script> & more',
  status: 'triggered',
  severity: 'SEV2',
  urgency: 1,
  priority: 'P2',
  serviceName: 'checkout',
  startedAt: '2026-11-22T09:00:00.000Z',
};

function input(over: Partial<MessageInput> & { locale?: 'ja' | 'en'; timeZone?: string } = {}): MessageInput {
  return {
    notificationId: '01JNOTIFICATION000000000000',
    purpose: 'page',
    recipient: { id: '01JUSER000000000000000000000', name: '佐藤 花子', locale: over.locale ?? 'ja', timeZone: over.timeZone ?? 'Asia/Tokyo' },
    incident,
    createdAt: NOW.toISOString(),
    links: messageLinks({
      publicUrl: 'https://hikeshi.example.com/',
      secret: SECRET,
      incidentId: incident.id,
      userId: '01JUSER000000000000000000000',
      expiresAt: new Date(NOW.getTime() + 86_400_000),
    }),
    ...over,
  };
}

describe('Standard Webhooks signature (TV-12)', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const ts = 1614265330;
  const body = '{"test": 2432232314}';

  it('signs exactly like the reference library', () => {
    assert.equal(signWebhook(secret, id, ts, body), 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    // The whsec_ prefix is optional in the secret.
    assert.equal(signWebhook('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', id, ts, body), 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies like a receiver: negative cases from the reference tests', () => {
    const sig = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
    const ok = (h: Partial<{ id: string; timestamp: string; signature: string }>, b = body, now = ts) =>
      verifyWebhook(secret, { id, timestamp: String(ts), signature: sig, ...h }, b, now);
    assert.equal(ok({}), true);
    assert.equal(ok({ signature: `v1,dawfeoifkpqwoekfpqoekf ${sig}` }), true, 'any v1 entry may match');
    assert.equal(ok({ signature: 'v1,dawfeoifkpqwoekfpqoekf' }), false);
    assert.equal(ok({ signature: 'v1,' }), false);
    assert.equal(ok({}, `${body} `), false);
    assert.equal(ok({}, body, ts + 301), false);
    assert.equal(ok({}, body, ts - 301), false);
    assert.equal(ok({ id: undefined as unknown as string }), false);
  });

  it('derives a stable whsec_ secret per contact method from HIKESHI_SECRET', () => {
    const a = webhookSigningSecret(SECRET, 'cm1');
    assert.match(a, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(Buffer.from(a.slice(6), 'base64').length, 32);
    assert.equal(webhookSigningSecret(SECRET, 'cm1'), a);
    assert.notEqual(webhookSigningSecret(SECRET, 'cm2'), a);
    assert.notEqual(webhookSigningSecret(`${SECRET}x`, 'cm1'), a);
  });
});

describe('acknowledge/resolve links', () => {
  const data = { incidentId: 'inc-1', userId: 'user-1', action: 'acknowledge' as const, expiresAt: new Date(NOW.getTime() + 3_600_000) };

  it('round-trips and expires', () => {
    const token = signLink(data, SECRET);
    assert.match(token, /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const v = verifyLink(token, SECRET, NOW);
    assert.deepEqual(v, { ok: true, link: { incidentId: 'inc-1', userId: 'user-1', action: 'acknowledge', expiresAt: '2026-11-22T10:00:00.000Z' } });
    assert.deepEqual(verifyLink(token, SECRET, new Date('2026-11-22T09:59:59.999Z')).ok, true);
    assert.deepEqual(verifyLink(token, SECRET, new Date('2026-11-22T10:00:00.000Z')), { ok: false, reason: 'expired' });
    assert.deepEqual(verifyLink(token, 'another-secret-0123456789abcdef0123', NOW), { ok: false, reason: 'tampered' });
    const resolve = verifyLink(signLink({ ...data, action: 'resolve', incidentId: '事件-1' }, SECRET), SECRET, NOW);
    assert.ok(resolve.ok && resolve.link.action === 'resolve' && resolve.link.incidentId === '事件-1');
    for (const bad of ['', 'v1', 'v1..', 'v2.a.b', 'v1.a.b.c', 'v1.@@@.abc', `${token}.x`]) assert.equal(verifyLink(bad, SECRET, NOW).ok, false, bad);
  });

  it('rejects any single-character change or deletion (property)', () => {
    const token = signLink(data, SECRET);
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ', 'é'];
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), (i, ch) => {
        fc.pre(token[i] !== ch);
        const changed = token.slice(0, i) + ch + token.slice(i + 1);
        assert.equal(verifyLink(changed, SECRET, NOW).ok, false, changed);
      }),
      { numRuns: 2000 },
    );
    // Exhaustively, too: every position, every base64url character.
    for (let i = 0; i < token.length; i++) {
      for (const ch of alphabet) {
        if (token[i] === ch) continue;
        assert.equal(verifyLink(token.slice(0, i) + ch + token.slice(i + 1), SECRET, NOW).ok, false, `position ${i} → ${ch}`);
      }
      assert.equal(verifyLink(token.slice(0, i) + token.slice(i + 1), SECRET, NOW).ok, false, `without position ${i}`);
    }
  });

  it('any link data signs and verifies (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), fc.boolean(), fc.integer({ min: 1, max: 10_000_000 }), (inc, user, ack, secs) => {
        const link = { incidentId: inc, userId: user, action: ack ? ('acknowledge' as const) : ('resolve' as const), expiresAt: new Date(NOW.getTime() + secs * 1000) };
        const v = verifyLink(signLink(link, SECRET), SECRET, NOW);
        assert.ok(v.ok);
        assert.deepEqual(v.link, { ...link, expiresAt: link.expiresAt.toISOString() });
      }),
    );
  });
});

describe('messages in the recipient language and time zone', () => {
  it('formats instants with the zone name', () => {
    assert.equal(formatInstant('2026-11-22T09:00:00Z', 'Asia/Tokyo', 'ja'), '2026年11月22日(日) 18:00 Asia/Tokyo (GMT+9)');
    assert.equal(formatInstant('2026-11-22T09:00:00Z', 'America/New_York', 'en'), '2026-11-22 (Sun) 04:00 America/New_York (GMT-5)');
    assert.equal(formatInstant('2026-07-01T00:30:00Z', 'America/New_York', 'en'), '2026-06-30 (Tue) 20:30 America/New_York (GMT-4)');
    assert.equal(formatInstant('2026-11-22T09:00:00Z', 'UTC', 'en'), '2026-11-22 (Sun) 09:00 UTC (GMT+0)');
    assert.equal(formatInstant('2026-11-22T09:00:00Z', 'Not/AZone', 'en'), '2026-11-22 (Sun) 09:00 UTC (GMT+0)');
  });

  it('renders a page in Japanese for a ja user in Tokyo', () => {
    const m = renderMessage(input());
    assert.equal(m.subject, `[SEV2] INC-42: ${incident.title}`);
    assert.match(m.intro, /佐藤 花子 さん/);
    assert.ok(m.fields.some((f) => f.label === '発生日時' && f.value === '2026年11月22日(日) 18:00 Asia/Tokyo (GMT+9)'));
    assert.ok(m.fields.some((f) => f.label === '緊急度' && f.value === '高'));
    assert.deepEqual(
      m.actions.map((a) => a.kind),
      ['open', 'acknowledge', 'resolve'],
    );
    assert.equal(m.actions[0]!.url, `https://hikeshi.example.com/incidents/${incident.id}`);
    assert.match(m.actions[1]!.url, /^https:\/\/hikeshi\.example\.com\/respond\/v1\./);
    const token = m.actions[1]!.url.split('/respond/')[1]!;
    const v = verifyLink(token, SECRET, NOW);
    assert.ok(v.ok && v.link.action === 'acknowledge' && v.link.userId === '01JUSER000000000000000000000');
    assert.match(m.expiryNote!, /2026年11月23日\(月\) 18:00 Asia\/Tokyo/);
  });

  it('renders the same page in English in New York; an acknowledged incident offers no acknowledge link', () => {
    const m = renderMessage(input({ locale: 'en', timeZone: 'America/New_York', incident: { ...incident, status: 'acknowledged' } }));
    assert.match(m.intro, /you are being paged/);
    assert.ok(m.fields.some((f) => f.label === 'Started' && f.value === '2026-11-22 (Sun) 04:00 America/New_York (GMT-5)'));
    assert.deepEqual(
      m.actions.map((a) => a.kind),
      ['open', 'resolve'],
    );
    const test = renderMessage(input({ locale: 'en', incident: null, purpose: 'test', links: { incident: null, acknowledge: null, resolve: null, expiresAt: null } }));
    assert.equal(test.subject, 'Test notification from Hikeshi');
    assert.equal(test.actions.length, 0);
  });
});

describe('chat payloads (TV-14)', () => {
  it('Slack: text always present, Block Kit header/section/fields/actions/context, mrkdwn escaped', () => {
    const p = slackPayload(renderMessage(input({ locale: 'en', timeZone: 'UTC' })));
    assert.equal(typeof p.text, 'string');
    assert.match(p.text, /^\[SEV2\]\[triggered\] INC-42: /);
    const types = p.blocks.map((b) => b.type);
    assert.deepEqual(types, ['header', 'section', 'section', 'actions', 'context']);
    const header = p.blocks[0] as { text: { type: string; text: string } };
    assert.equal(header.text.type, 'plain_text');
    assert.ok(header.text.text.length <= 150);
    assert.ok(header.text.text.includes('<script>'), 'plain_text is not mrkdwn: shown as typed');
    const section = p.blocks[1] as { text: { type: string; text: string } };
    assert.equal(section.text.type, 'mrkdwn');
    const fields = (p.blocks[2] as { fields: { type: string; text: string }[] }).fields;
    assert.ok(fields.length <= 10);
    assert.ok(fields.every((f) => f.type === 'mrkdwn'));
    const started = fields.find((f) => f.text.startsWith('*Started:*'))!;
    assert.match(started.text, /<!date\^1795338000\^\{date_short_pretty\} \{time\}\|2026-11-22 \(Sun\) 09:00 UTC \(GMT\+0\)>/);
    const buttons = (p.blocks[3] as { elements: { type: string; text: { type: string; text: string }; url: string }[] }).elements;
    assert.deepEqual(
      buttons.map((b) => [b.type, b.text.type, b.text.text]),
      [
        ['button', 'plain_text', 'Open incident'],
        ['button', 'plain_text', 'Acknowledge'],
        ['button', 'plain_text', 'Resolve'],
      ],
    );
    assert.ok(buttons.every((b) => b.url.startsWith('https://hikeshi.example.com/') && b.url.length <= 3000));
    const slackText = JSON.stringify(p.blocks.slice(1));
    assert.ok(!slackText.includes('<script>'), 'mrkdwn text escapes < and >');
    assert.ok(slackText.includes('&lt;script&gt;') || !slackText.includes('script'));
  });

  it('Teams: an Adaptive Card 1.2 in a message envelope, as Alertmanager msteamsv2 sends', () => {
    const p = teamsPayload(renderMessage(input({ locale: 'en', timeZone: 'UTC' }))) as any;
    assert.equal(p.type, 'message');
    assert.equal(p.attachments.length, 1);
    const att = p.attachments[0];
    assert.equal(att.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(att.contentUrl, null);
    assert.equal(att.content.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
    assert.equal(att.content.type, 'AdaptiveCard');
    assert.equal(att.content.version, '1.2');
    assert.deepEqual(att.content.msteams, { width: 'full' });
    const [heading, summary] = att.content.body;
    assert.deepEqual(
      { type: heading.type, weight: heading.weight, size: heading.size, wrap: heading.wrap, style: heading.style, color: heading.color },
      { type: 'TextBlock', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading', color: 'Attention' },
    );
    assert.equal(heading.text, `INC-42: ${incident.title}`);
    assert.equal(summary.type, 'TextBlock');
    const actions = att.content.body.find((b: any) => b.type === 'ActionSet').actions;
    assert.deepEqual(
      actions.map((a: any) => a.type),
      ['Action.OpenUrl', 'Action.OpenUrl', 'Action.OpenUrl'],
    );
    const resolved = teamsPayload(renderMessage(input({ locale: 'en', incident: { ...incident, status: 'resolved' } }))) as any;
    assert.equal(resolved.attachments[0].content.body[0].color, 'Good');
  });

  it('Mattermost: Slack-compatible text and attachments with Markdown links', () => {
    const p = mattermostPayload(renderMessage(input())) as any;
    assert.equal(typeof p.text, 'string');
    assert.equal(p.attachments[0].title, `INC-42: ${incident.title}`);
    assert.match(p.attachments[0].text, /\[確認（対応開始）\]\(https:\/\/hikeshi\.example\.com\/respond\/v1\./);
    assert.ok(p.attachments[0].fields.some((f: any) => f.title === '発生日時' && /18:00 Asia\/Tokyo/.test(f.value)));
  });

  it('webhook body: same on every attempt, the incident and the links', () => {
    const m = renderMessage(input({ locale: 'en' }));
    const a = JSON.stringify(webhookPayload(m));
    const b = JSON.stringify(webhookPayload(renderMessage(input({ locale: 'en' }))));
    assert.equal(a, b);
    const p = webhookPayload(m);
    assert.equal(p.type, 'notification.page');
    assert.equal(p.timestamp, NOW.toISOString());
    assert.equal((p.data.incident as any).ref, 'INC-42');
  });
});

describe('SMS segments (UCS-2 for Japanese)', () => {
  it('counts GSM-7 and UCS-2 segments like carriers do', () => {
    assert.deepEqual(smsSegments('a'.repeat(160)), { encoding: 'GSM-7', units: 160, segments: 1 });
    assert.deepEqual(smsSegments('a'.repeat(161)), { encoding: 'GSM-7', units: 161, segments: 2 });
    assert.deepEqual(smsSegments('a'.repeat(306)), { encoding: 'GSM-7', units: 306, segments: 2 });
    assert.deepEqual(smsSegments('a'.repeat(307)), { encoding: 'GSM-7', units: 307, segments: 3 });
    assert.deepEqual(smsSegments('{}'.repeat(40)), { encoding: 'GSM-7', units: 160, segments: 1 }, 'extension characters cost two');
    assert.deepEqual(smsSegments('障'.repeat(70)), { encoding: 'UCS-2', units: 70, segments: 1 });
    assert.deepEqual(smsSegments('障'.repeat(71)), { encoding: 'UCS-2', units: 71, segments: 2 });
    assert.deepEqual(smsSegments('障'.repeat(134)), { encoding: 'UCS-2', units: 134, segments: 2 });
    assert.deepEqual(smsSegments('障'.repeat(135)), { encoding: 'UCS-2', units: 135, segments: 3 });
    assert.equal(smsSegments(`${'a'.repeat(159)}障`).encoding, 'UCS-2', 'one Japanese character makes the whole text UCS-2');
    // An emoji is a surrogate pair and is never split: after 66 units it starts the next segment, so
    // 134 units (two full segments by plain counting) need three.
    assert.equal(smsSegments(`${'障'.repeat(66)}🔥${'障'.repeat(65)}`).segments, 2);
    assert.deepEqual(smsSegments(`${'障'.repeat(66)}🔥${'障'.repeat(66)}`), { encoding: 'UCS-2', units: 134, segments: 3 });
  });

  it('cuts a Japanese page to the cap and keeps the link whole (property)', () => {
    const link = ' 確認: https://hikeshi.example.com/respond/v1.eyJhIjoiYiJ9.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: fc.constantFrom('障', '害', 'a', '🔥', ' ', 'é', '{') }), fc.integer({ min: 2, max: 6 }), (head, cap) => {
        const out = fitSms(head, link, cap);
        assert.ok(smsSegments(out).segments <= cap, `${smsSegments(out).segments} > ${cap}`);
        assert.ok(out.endsWith(link));
        const kept = out.slice(0, out.length - link.length);
        assert.ok(kept === head || (kept.endsWith('…') && head.startsWith(kept.slice(0, -1))));
      }),
    );
  });

  it('an SMS page in Japanese within the configured segments', () => {
    const m = renderMessage(input({ incident: { ...incident, title: 'データベースのレプリケーション遅延が閾値を超えました'.repeat(4) } }));
    const text = smsText(m, 4);
    const seg = smsSegments(text);
    assert.equal(seg.encoding, 'UCS-2');
    assert.ok(seg.segments <= 4);
    assert.match(text, /^\[Hikeshi\] INC-42 SEV2 データベース/);
    assert.match(text, /… 確認: https:\/\/hikeshi\.example\.com\/respond\/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('a voice call speaks Japanese as ja-JP, escaped as XML', () => {
    const twiml = voiceTwiml(renderMessage(input()));
    assert.match(twiml, /^<\?xml version="1\.0" encoding="UTF-8"\?><Response><Say language="ja-JP">Hikeshi からの呼び出しです。インシデント 42 番/);
    assert.ok(twiml.includes('&lt;script&gt;') && !twiml.includes('<script>'));
  });
});

describe('the respond pages', () => {
  const link = { incidentId: incident.id, userId: 'u1', action: 'acknowledge' as const, expiresAt: '2026-11-23T09:00:00.000Z' };

  it('GET shows a phone-sized page with one POST button, no external assets, text escaped', () => {
    const html = renderRespondPage({ locale: 'ja', timeZone: 'Asia/Tokyo', link, incident, userName: '佐藤 <b>', formAction: '/respond/v1.abc.def' });
    assert.match(html, /<html lang="ja">/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(html, /<form method="post" action="\/respond\/v1\.abc\.def"><button type="submit" class="acknowledge">確認する<\/button><\/form>/);
    assert.match(html, /min-height:56px/);
    assert.ok(!/<script|<link |src=|https?:\/\//.test(html), 'no scripts or external assets');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more'));
    assert.ok(html.includes('佐藤 &lt;b&gt; さん'));
    assert.match(html, /2026年11月22日\(日\) 18:00 Asia\/Tokyo/);
    assert.match(html, /有効期限: 2026年11月23日\(月\) 18:00/);
  });

  it('offers no button when the action no longer applies, and renders results in both languages', () => {
    const html = renderRespondPage({
      locale: 'en',
      timeZone: 'UTC',
      link,
      incident: { ...incident, status: 'acknowledged' },
      userName: 'Kenji',
      formAction: '/respond/x',
    });
    assert.ok(!html.includes('<form'));
    assert.match(html, /already acknowledged/);
    const done = renderRespondResultPage({ locale: 'ja', outcome: 'done', action: 'resolve', incident, incidentUrl: 'https://h.example/incidents/1?a=1&b=2' });
    assert.match(done, /解決しました/);
    assert.ok(done.includes('href="https://h.example/incidents/1?a=1&amp;b=2"'));
    assert.match(renderRespondResultPage({ locale: 'en', outcome: 'expired' }), /This link has expired/);
    assert.match(renderRespondResultPage({ locale: 'en', outcome: 'invalid' }), /not valid/);
  });
});
