import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, mailLinksWarning } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databasePath: './data/hearth.db',
      baseUrl: 'http://localhost:3000',
      secureCookies: false,
      demoSeed: true,
      embedOrigins: [],
      siteName: undefined,
      logLevel: 'info',
      rateLimit: true,
      smtpUrl: '',
      sqliteSynchronous: 'FULL',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_PATH: '/srv/hearth.db',
      BASE_URL: 'https://community.example.com/',
      DEMO_SEED: '0',
      EMBED_ORIGINS: 'https://help.example.com, http://localhost:5173',
      SITE_NAME: 'Kettle Co',
      BRAND_COLOR: '#0f766e',
      LOG_LEVEL: 'warn',
      RATE_LIMIT: 'off',
      SQLITE_SYNCHRONOUS: 'NORMAL',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databasePath: '/srv/hearth.db',
      baseUrl: 'https://community.example.com',
      secureCookies: true,
      demoSeed: false,
      embedOrigins: ['https://help.example.com', 'http://localhost:5173'],
      siteName: 'Kettle Co',
      brandColor: '#0f766e',
      logLevel: 'warn',
      rateLimit: false,
      sqliteSynchronous: 'NORMAL',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ BASE_URL: 'ftp://x' }, 'BASE_URL'],
    [{ DEMO_SEED: 'yes' }, 'DEMO_SEED'],
    [{ EMBED_ORIGINS: 'https://help.example.com/path' }, 'EMBED_ORIGINS'],
    [{ EMBED_ORIGINS: '*' }, 'EMBED_ORIGINS'],
    [{ BRAND_COLOR: 'red; } body { display:none' }, 'BRAND_COLOR'],
    [{ BRAND_COLOR: '#fde047' }, 'BRAND_COLOR'],
    [{ BRAND_COLOR: 'rgba(37, 99, 235, 0.5)' }, 'BRAND_COLOR'],
    [{ RATE_LIMIT: 'maybe' }, 'RATE_LIMIT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SMTP_URL: 'mail.example.com:25' }, 'SMTP_URL'],
    [{ SMTP_URL: 'https://mail.example.com' }, 'SMTP_URL'],
    [{ TRUST_PROXY: 'nginx' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '127.0.0.1,' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '-1' }, 'TRUST_PROXY'],
    [{ LOG_IP: 'partial' }, 'LOG_IP'],
    [{ WORKERS: '0' }, 'WORKERS'],
    [{ WORKERS: '-2' }, 'WORKERS'],
    [{ WORKERS: '1.5' }, 'WORKERS'],
    [{ WORKERS: 'all' }, 'WORKERS'],
  ])('refuses %o with one line naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('takes a brand colour that white text and links stay readable on, and says why it refuses a pale one', () => {
    expect(loadConfig({ BRAND_COLOR: 'navy' }).brandColor).toBe('navy');
    expect(loadConfig({ BRAND_COLOR: 'rgb(15 118 110)' }).brandColor).toBe('rgb(15 118 110)');
    expect(() => loadConfig({ BRAND_COLOR: '#fde047' })).toThrow(/BRAND_COLOR: contrasts 1\.[0-9]+:1 .* under the 4\.5:1/);
  });

  it('trusts no proxy and logs whole addresses unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ trustProxy: null, logIp: 'full' });
    const config = loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8, ::1', LOG_IP: 'truncated' });
    expect(config.logIp).toBe('truncated');
    expect(config.trustProxy?.trusts('10.20.30.40', 0)).toBe(true);
    expect(config.trustProxy?.trusts('192.0.2.1', 0)).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy?.trusts('192.0.2.1', 1)).toBe(true);
  });

  it('runs one server process unless WORKERS asks for more, or one per core with auto', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ WORKERS: '4' }).workers).toBe(4);
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(availableParallelism());
  });

  it('sends mail over SMTP_URL, or writes it beside the database', () => {
    expect(loadConfig({ DATABASE_PATH: '/srv/hearth/hearth.db' })).toMatchObject({ smtpUrl: '', mailOutboxDir: '/srv/hearth/outbox', mailFrom: undefined });
    const config = loadConfig({ SMTP_URL: 'smtp://user:secret@mail.example.com:587', MAIL_FROM: 'Kettle Co <hello@example.com>', MAIL_OUTBOX_DIR: '/tmp/mail' });
    expect(config).toMatchObject({ smtpUrl: 'smtp://user:secret@mail.example.com:587', mailFrom: 'Kettle Co <hello@example.com>', mailOutboxDir: '/tmp/mail' });
  });
});

describe('mailLinksWarning', () => {
  it.each([
    ['', 'http://localhost:3000', false],
    ['', 'https://community.example.com', false],
    ['smtp://mail.example.com:587', 'https://community.example.com', false],
    ['smtp://mail.example.com:587', 'http://community.example.com', true],
    ['smtps://user:secret@mail.example.com', 'http://localhost:3000', true],
  ])('SMTP_URL %j with BASE_URL %s warns: %s', (smtpUrl, baseUrl, warns) => {
    const warning = mailLinksWarning(loadConfig({ SMTP_URL: smtpUrl, BASE_URL: baseUrl }));
    expect(warning !== null).toBe(warns);
    if (warning) {
      expect(warning).toContain(`BASE_URL is ${baseUrl}`);
      expect(warning).toContain('one-click unsubscribe');
      expect(warning).toContain('https://');
      expect(warning).not.toContain('secret');
    }
  });
});
