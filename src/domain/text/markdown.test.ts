import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from './markdown.js';

describe('markdown notes', () => {
  it('renders Markdown, including Japanese text', () => {
    assert.equal(renderMarkdown('**決済API** が遅延'), '<p><strong>決済API</strong> が遅延</p>\n');
  });
  it('never passes raw HTML or script through', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>');
    assert.doesNotMatch(html, /<script|<img|<[^>]*onerror/i);
  });
  it('drops javascript: and data: links but keeps http(s) links, opened safely', () => {
    assert.doesNotMatch(renderMarkdown('[x](javascript:alert(1))'), /href=/);
    assert.doesNotMatch(renderMarkdown('[x](data:text/html;base64,AAAA)'), /href=/);
    const ok = renderMarkdown('[runbook](https://example.com/rb)');
    assert.match(ok, /href="https:\/\/example.com\/rb"/);
    assert.match(ok, /rel="noopener noreferrer nofollow"/);
  });
});
