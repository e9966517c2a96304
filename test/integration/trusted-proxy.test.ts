import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { parseProxyTrust, type ProxyTrust } from '../../src/lib/client-address.js';
import { makeThread } from '../../src/demo/factories.js';
import { createForumContext } from '../helpers/forum.js';
import { serveWithCachedPages } from '../helpers/server.js';

// Through a real socket from 127.0.0.1, as nginx on the same machine would connect.

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of running.splice(0)) await close();
});

async function serve(overrides: Partial<Config>) {
  const ctx = await createForumContext({ rateLimit: true, ...overrides });
  const lines: string[] = [];
  const served = await serveWithCachedPages(ctx, (line) => lines.push(line));
  running.push(async () => {
    await served.close();
    await ctx.close();
  });
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ctx, served, logged };
}

function localProxy(): ProxyTrust {
  return parseProxyTrust('127.0.0.1') as ProxyTrust;
}

async function signups(served: Awaited<ReturnType<typeof serve>>['served'], name: string, count: number, headers: Record<string, string>) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const form = { username: `${name}${i}`, email: `${name}${i}@example.com`, password: 'a long enough password' };
    statuses.push((await served.post('/signup', form, headers)).status);
  }
  return statuses;
}

describe('behind a trusted proxy', () => {
  it('gives two visitors behind the proxy their own sign-up limits', async () => {
    const { served } = await serve({ trustProxy: localProxy() });
    expect(await signups(served, 'first', 6, { 'x-forwarded-for': '198.51.100.1' })).toEqual([303, 303, 303, 303, 303, 429]);
    expect(await signups(served, 'second', 1, { 'x-forwarded-for': '198.51.100.2' })).toEqual([303]);
    // A visitor cannot pick a fresh address by sending the header themselves: the proxy appends.
    expect(await signups(served, 'again', 1, { 'x-forwarded-for': '203.0.113.7, 198.51.100.1' })).toEqual([429]);
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is unset', async () => {
    const { served } = await serve({ trustProxy: null });
    expect(await signups(served, 'first', 5, { 'x-forwarded-for': '198.51.100.1' })).toEqual([303, 303, 303, 303, 303]);
    expect(await signups(served, 'second', 1, { 'x-forwarded-for': '198.51.100.2' })).toEqual([429]);
  });

  it('logs the client address from the app and from the cached-page fast path', async () => {
    const { ctx, served, logged } = await serve({ trustProxy: localProxy() });
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Logged visitors', body: 'Hello' });
    const path = `/t/${thread.threadId}/${thread.slug}`;
    expect((await served.get(path, { 'x-forwarded-for': '198.51.100.1' })).reachedApp).toBe(true);
    expect((await served.get(path, { 'x-forwarded-for': '2001:db8:abcd:12::7' })).reachedApp).toBe(false);
    expect(logged().map((line) => line.client)).toEqual(['198.51.100.1', '2001:db8:abcd:12::7']);
  });

  it('logs only the network when LOG_IP=truncated', async () => {
    const { ctx, served, logged } = await serve({ trustProxy: localProxy(), logIp: 'truncated' });
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Truncated visitors', body: 'Hello' });
    const path = `/t/${thread.threadId}/${thread.slug}`;
    await served.get(path, { 'x-forwarded-for': '198.51.100.1' });
    await served.get(path, { 'x-forwarded-for': '2001:db8:abcd:12::7' });
    expect(logged().map((line) => line.client)).toEqual(['198.51.100.0/24', '2001:db8:abcd::/48']);
    expect(JSON.stringify(logged())).not.toContain('198.51.100.1');
  });

  it('logs no address when LOG_IP=off', async () => {
    const { served, logged } = await serve({ trustProxy: localProxy(), logIp: 'off' });
    await served.get('/', { 'x-forwarded-for': '198.51.100.1' });
    await served.get('/', { 'x-forwarded-for': '198.51.100.1' });
    expect(logged()).toHaveLength(2);
    for (const line of logged()) expect(line).not.toHaveProperty('client');
    expect(JSON.stringify(logged())).not.toContain('198.51.100');
  });
});
