import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMessagePage, renderStatusNotFound, safeHref } from './message-page.js';

describe('status message pages', () => {
  it('a result page: its title, message and a way back', () => {
    const html = renderMessagePage({ language: 'en', title: 'Check your inbox', message: 'We sent a link to a@example.com.', pageName: 'Acme', backHref: '/status/acme' });
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Check your inbox — Acme<\/title>/);
    assert.match(html, /<h1>Check your inbox<\/h1><p>We sent a link to a@example.com.<\/p>/);
    assert.match(html, /<a href="\/status\/acme">Back<\/a>/);
    assert.match(html, /<meta name="robots" content="noindex, nofollow">/);
    assert.doesNotMatch(html, /<script/);
  });

  it('not found, in the page language', () => {
    assert.match(renderStatusNotFound('ja'), /<h1>ステータスページが見つかりません<\/h1>/);
    assert.match(renderStatusNotFound('en'), /<h1>Status page not found<\/h1>/);
    assert.match(renderStatusNotFound('xx'), /<html lang="en">/);
  });

  it('keeps links to this site or http(s), nothing else', () => {
    assert.equal(safeHref('/status/acme'), '/status/acme');
    assert.equal(safeHref('https://status.example.com/'), 'https://status.example.com/');
    assert.equal(safeHref('//evil.example.com/'), null);
    assert.equal(safeHref('/\\evil.example.com/'), null);
    assert.equal(safeHref('javascript:alert(1)'), null);
    assert.equal(safeHref(' javascript:alert(1)'), null);
    assert.equal(safeHref('data:text/html,x'), null);
    assert.equal(safeHref(undefined), null);
  });
});
