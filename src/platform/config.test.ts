import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('has the SPEC defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8080);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.dataDir, path.resolve('./data'));
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.publicUrl, 'http://localhost:8080');
  });

  it('reads every variable and trims the public URL', () => {
    const c = loadConfig({ PORT: '9000', HOST: '127.0.0.1', DATABASE_URL: 'postgres://u@h/db', HIKESHI_PUBLIC_URL: 'https://hikeshi.example.com/', HIKESHI_BOOTSTRAP_TOKEN: 'x'.repeat(20) });
    assert.equal(c.port, 9000);
    assert.equal(c.databaseUrl, 'postgres://u@h/db');
    assert.equal(c.publicUrl, 'https://hikeshi.example.com');
    assert.equal(c.bootstrapToken, 'x'.repeat(20));
  });

  it('lists every problem, naming the variable and the fix', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', HIKESHI_BOOTSTRAP_TOKEN: 'short', HIKESHI_SECRET: 'tiny' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        const text = err.message;
        assert.match(text, /PORT: PORT must be a whole number/);
        assert.match(text, /DATABASE_URL: .*postgres:\/\//);
        assert.match(text, /HIKESHI_BOOTSTRAP_TOKEN: .*at least 16/);
        assert.match(text, /HIKESHI_SECRET: .*openssl rand/);
        assert.equal(err.problems.length, 4);
        return true;
      },
    );
  });

  it('treats empty variables as unset', () => {
    assert.equal(loadConfig({ PORT: '', DATABASE_URL: ' ' }).port, 8080);
  });
});
