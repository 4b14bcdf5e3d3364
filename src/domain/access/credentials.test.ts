import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalTimeZone, contactAddressProblem, isCommonPassword } from './credentials.js';

describe('credentials', () => {
  it('rejects the most common passwords whatever their case', () => {
    assert.equal(isCommonPassword('password'), true);
    assert.equal(isCommonPassword('PassWord'), true);
    assert.equal(isCommonPassword('12345678'), true);
    assert.equal(isCommonPassword('correct horse battery'), false);
  });

  it('canonicalises IANA zones and refuses offsets and unknown names', () => {
    assert.equal(canonicalTimeZone('asia/tokyo'), 'Asia/Tokyo');
    assert.equal(canonicalTimeZone('UTC'), 'UTC');
    assert.equal(canonicalTimeZone('Europe/Berlin'), 'Europe/Berlin');
    assert.equal(canonicalTimeZone('Mars/Olympus_Mons'), null);
    assert.equal(canonicalTimeZone('+09:00'), null);
    assert.equal(canonicalTimeZone(''), null);
  });

  it('checks a contact address against its channel', () => {
    assert.equal(contactAddressProblem('email', 'oncall@example.com'), null);
    assert.match(contactAddressProblem('email', 'not-an-address') ?? '', /e-mail/);
    assert.equal(contactAddressProblem('slack', 'https://hooks.slack.com/services/T/B/x'), null);
    assert.match(contactAddressProblem('webhook', 'ftp://example.com/hook') ?? '', /http\(s\)/);
    assert.match(contactAddressProblem('mattermost', 'example.com/hook') ?? '', /http\(s\)/);
    assert.equal(contactAddressProblem('sms', '+819012345678'), null);
    assert.match(contactAddressProblem('voice', '090-1234-5678') ?? '', /E\.164/);
    assert.match(contactAddressProblem('sms', '+0123456789') ?? '', /E\.164/);
  });
});
