import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { makeUser } from '../../src/demo/factories.js';
import { parseProxyTrust, type ProxyTrust } from '../../src/lib/client-address.js';
import { purgeOldAddresses } from '../../src/privacy/retention.js';
import { createTestContext, sessionCookieFrom, type TestContext } from '../helpers/app.js';

// Each sign-in is kept for the member's own history with the client address as TRUST_PROXY
// decides it; addresses older than IP_RETENTION_DAYS are purged, as are old rate-limit buckets
// (keyed by address).

const DAY = 24 * 60 * 60_000;
let ctx: TestContext;
const password = 'history passphrase long';

beforeAll(async () => {
  ctx = await createTestContext({ trustProxy: parseProxyTrust('1') as ProxyTrust });
  await makeUser(ctx.services, { username: 'historian', password });
});
afterAll(() => ctx.close());

const events = () => ctx.db.$client.prepare('select method, address, user_agent as userAgent, created_at as createdAt from sign_in_events order by id').all() as { method: string; address: string | null; userAgent: string | null; createdAt: number }[];

describe('sign-in history', () => {
  it('records a password sign-in with the forwarded address and browser, and shows it on /account', async () => {
    const response = await ctx.http.post('/login', { login: 'historian', password }, { headers: { 'x-forwarded-for': '192.0.2.44', 'user-agent': 'HistoryBrowser/2.0' } });
    expect(events()).toEqual([{ method: 'password', address: '192.0.2.44', userAgent: 'HistoryBrowser/2.0', createdAt: ctx.clock.now() }]);
    const page = await (await ctx.http.get('/account', { cookie: sessionCookieFrom(response)! })).text();
    expect(page).toContain('Recent sign-ins');
    expect(page).toContain('192.0.2.44');
  });

  it('records nothing for a refused sign-in', async () => {
    await ctx.http.post('/login', { login: 'historian', password: 'wrong wrong wrong' });
    expect(events()).toHaveLength(1);
  });

  it('purges addresses and address-keyed limits older than the retention period, and keeps newer ones', async () => {
    ctx.clock.advance(31 * DAY);
    await ctx.http.post('/login', { login: 'historian', password }, { headers: { 'x-forwarded-for': '192.0.2.45' } });
    ctx.db.$client.prepare('insert into rate_limit_buckets (key, tokens, updated_at) values (?, 1, ?), (?, 1, ?)').run('login:192.0.2.44', ctx.clock.now() - 31 * DAY, 'login:192.0.2.45', ctx.clock.now());
    expect(purgeOldAddresses(ctx.db, { retentionDays: 30, now: ctx.clock.now() })).toEqual({ signIns: 1, buckets: 1 });
    expect(events().map((event) => event.address)).toEqual([null, '192.0.2.45']);
    const keys = ctx.db.$client.prepare('select key from rate_limit_buckets').pluck().all();
    expect(keys).toContain('login:192.0.2.45');
    expect(keys).not.toContain('login:192.0.2.44');
  });

  it('keeps addresses 30 days unless IP_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).ipRetentionDays).toBe(30);
    expect(loadConfig({ IP_RETENTION_DAYS: '7' }).ipRetentionDays).toBe(7);
    expect(() => loadConfig({ IP_RETENTION_DAYS: '0' })).toThrow(ConfigError);
  });
});
