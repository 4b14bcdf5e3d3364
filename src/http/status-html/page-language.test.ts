import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyNode } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { renderMessagePage, renderStatusNotFound } from './message-page.js';
import { renderStatusPage } from './page.js';
import { type SampleComponent, type SampleInput, sampleView } from './sample-view.js';

/** Everything a reader sees or hears: text outside <style>, and the attributes read out or shown. */
function readable(html: string): string {
  const out: string[] = [];
  const walk = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') out.push(n.data);
      else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
        if (n.name === 'style') continue;
        for (const a of ['title', 'aria-label', 'placeholder', 'alt', 'value']) if (n.attribs[a] && !(n.name === 'input' && a === 'value')) out.push(n.attribs[a]!);
        walk(n.children);
      }
    }
  };
  walk(parseDocument(html).children);
  return out.join(' ');
}

/** ASCII words allowed on a Japanese page: zone labels, format and product names, the e-mail example. */
const ALLOWED_ON_JA = new Set(['JST', 'UTC', 'Atom', 'RSS', 'JSON', 'API', 'Hikeshi', 'Asia', 'Tokyo', 'you', 'example', 'com']);
const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

/** A page in every state the renderer knows, its data written in `language`. */
function everything(language: 'ja' | 'en'): SampleInput {
  const t = (ja: string, en: string) => (language === 'ja' ? ja : en);
  const components: SampleComponent[] = (['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const).map((manualStatus, i) => ({
    id: `c-${i}`,
    name: t(`部品${i}`, `Part ${i}`),
    description: t('説明', 'About it'),
    group: i < 2 ? t('基盤', 'Core') : undefined,
    serviceIds: [`s-${i}`],
    manualStatus,
    dataStart: '2026-11-01T00:00:00.000Z',
    gaps: [{ start: '2026-11-05T00:00:00.000Z', end: '2026-11-06T12:00:00.000Z' }],
  }));
  components.push({ id: 'c-auto', name: t('自動', 'Automatic'), serviceIds: ['s-auto'], dataStart: '2026-11-01T00:00:00.000Z' });
  const update = (status: 'investigating' | 'identified' | 'monitoring' | 'resolved', at: string) => ({ status, body: t('状況をお知らせします。\n続報をお待ちください。', 'An update.\nMore soon.'), at });
  return {
    language,
    visibility: 'internal',
    name: t('アクメ', 'Acme'),
    description: t('稼働状況のお知らせ', 'How things are'),
    components,
    incidents: [
      {
        id: 'i-open',
        name: t('応答遅延', 'Slow responses'),
        severity: 'SEV3',
        serviceIds: ['s-auto'],
        startedAt: '2026-11-22T07:00:00.000Z',
        updates: [update('investigating', '2026-11-22T07:05:00.000Z'), update('identified', '2026-11-22T08:00:00.000Z'), update('monitoring', '2026-11-22T09:00:00.000Z')],
      },
      {
        id: 'i-past',
        name: t('ログイン障害', 'Login failures'),
        severity: 'SEV1',
        serviceIds: ['s-auto'],
        startedAt: '2026-11-19T07:00:00.000Z',
        updates: [update('investigating', '2026-11-19T07:05:00.000Z'), update('resolved', '2026-11-19T09:00:00.000Z')],
      },
    ],
    maintenances: [
      { id: 'm-now', name: t('作業中', 'Now'), serviceIds: ['s-auto'], startsAt: '2026-11-22T09:00:00.000Z', endsAt: '2026-11-22T10:00:00.000Z', body: t('一時的に遅くなります。', 'Slower for a while.') },
      { id: 'm-next', name: t('予定作業', 'Next'), serviceIds: ['s-auto'], startsAt: '2026-11-26T09:00:00.000Z', endsAt: '2026-11-26T10:00:00.000Z' },
      { id: 'm-done', name: t('完了した作業', 'Done'), serviceIds: ['s-auto'], startsAt: '2026-11-17T15:00:00.000Z', endsAt: '2026-11-18T15:00:00.000Z' },
    ],
    groupDescriptions: { [t('基盤', 'Core')]: t('中核', 'The core') },
  };
}

describe('status page HTML: Japanese and English are complete', () => {
  it('a Japanese page has no English but the data, zone labels and product names', () => {
    const html = renderStatusPage(sampleView(everything('ja')), { csrfToken: 'abc' });
    assert.match(html, /<html lang="ja">/);
    const words = readable(html).match(/[A-Za-z]+/g) ?? [];
    assert.deepEqual([...new Set(words.filter((w) => !ALLOWED_ON_JA.has(w)))], []);
    // the states it covers, in Japanese
    const text = readable(html);
    for (const phrase of [
      '重大なシステム停止が発生しています', // a component is in a major outage (set by hand)
      '対応中のインシデント：1件',
      '計画メンテナンスを実施中です',
      '稼働中',
      'メンテナンス中',
      'パフォーマンス低下',
      '一部停止',
      '重大な停止',
      'データなし',
      'メンテナンス（集計対象外）',
      '調査中',
      '原因特定',
      '経過観察',
      '解決済み',
      '実施中',
      '予定',
      '完了',
      '報告されたインシデントはありません。',
      '社内向け',
      '2026年11月22日 18:00 JST',
      '2026年11月22日(日)',
    ]) {
      assert.ok(text.includes(phrase), `shows ${phrase}`);
    }
  });

  it('an English page has no Japanese', () => {
    const html = renderStatusPage(sampleView(everything('en')), { csrfToken: 'abc' });
    assert.match(html, /<html lang="en">/);
    const text = readable(html);
    assert.doesNotMatch(text, JAPANESE);
    assert.ok(text.includes('2026-11-22 18:00 JST'));
  });

  it('the Japanese banner for every state', () => {
    const banner = (input: SampleInput) => {
      const doc = parseDocument(renderStatusPage(sampleView({ language: 'ja', ...input })));
      return DomUtils.textContent(DomUtils.findAll((el) => el.attribs.class === 'banner-text', doc.children)[0]!);
    };
    const incident = (severity: 'SEV1' | 'SEV2' | 'SEV3' | null) => ({
      id: 'i',
      name: '障害',
      severity,
      serviceIds: ['s-api'],
      startedAt: '2026-11-22T09:00:00.000Z',
      updates: [{ status: 'investigating' as const, body: '調査中です', at: '2026-11-22T09:00:00.000Z' }],
    });
    assert.equal(banner({}), 'すべてのシステムは正常に稼働しています');
    assert.equal(banner({ incidents: [incident(null)] }), '一部で障害が発生しています（対応中）');
    assert.equal(banner({ incidents: [incident('SEV3')] }), '一部で障害が発生しています（対応中）');
    assert.equal(banner({ incidents: [incident('SEV2')] }), '一部のシステムが停止しています');
    assert.equal(banner({ incidents: [incident('SEV1')] }), '重大なシステム停止が発生しています');
    assert.equal(
      banner({ components: [{ id: 'c', name: '部品', serviceIds: ['s'], manualStatus: 'degraded_performance' }] }),
      '一部のサービスでパフォーマンスが低下しています',
    );
    assert.equal(
      banner({ maintenances: [{ id: 'm', name: '作業', serviceIds: ['s-api'], startsAt: '2026-11-22T09:00:00.000Z', endsAt: '2026-11-22T10:00:00.000Z' }] }),
      'メンテナンスを実施しています',
    );
  });

  it('the not-found and message pages speak the page language', () => {
    const ja = renderStatusNotFound('ja');
    assert.match(ja, /<html lang="ja">/);
    assert.ok(readable(ja).includes('ステータスページが見つかりません'));
    assert.deepEqual(readable(ja).match(/[A-Za-z]+/g) ?? [], []);
    const en = renderStatusNotFound('en');
    assert.ok(readable(en).includes('Status page not found'));
    assert.doesNotMatch(readable(en), JAPANESE);
    const message = renderMessagePage({ language: 'ja', title: '確認メールを送りました', message: '受信箱をご確認ください。', pageName: 'アクメ', backHref: '/status/acme' });
    assert.ok(readable(message).includes('戻る'));
    assert.deepEqual(readable(message).match(/[A-Za-z]+/g) ?? [], []);
    assert.match(message, /<a href="\/status\/acme">/);
  });
});
