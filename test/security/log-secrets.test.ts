import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { makeUser } from '../../src/db/factories.js';
import { createTestContext, httpClient, sessionCookieFrom, type TestContext } from '../helpers/app.js';

// Nothing secret reaches the logs: passwords, session tokens, cookies and API key secrets are
// driven through every flow that handles them while both logs (access and error) are captured.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the logs', () => {
  it('never contain a password, session token, cookie value or API key secret', async () => {
    const lines: string[] = [];
    const app = createApp({
      db: ctx.db,
      config: ctx.config,
      markdown: ctx.services.markdown,
      clock: ctx.clock.now,
      accessLog: (line) => lines.push(line),
      log: (message, error) => lines.push(`${message} ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`),
    });
    const http = httpClient(app, ctx.config.baseUrl, ctx.db, ctx.clock);
    const secrets: string[] = ['first Passw0rd secret', 'second Passw0rd secret', 'wrong Passw0rd guess'];
    const admin = await makeUser(ctx.services, { username: 'keeper', role: 'admin', password: 'admin Passw0rd secret' });
    secrets.push('admin Passw0rd secret');

    const signup = await http.post('/signup', { username: 'logwatch', email: 'logwatch@example.com', password: secrets[0]!, next: '/?token=abc' });
    const signupCookie = sessionCookieFrom(signup);
    await http.post('/login', { login: 'logwatch', password: secrets[2]! });
    await http.post('/login', { login: 'nobody-here', password: secrets[2]! });
    const login = await http.post('/login', { login: 'logwatch', password: secrets[0]! });
    const cookie = sessionCookieFrom(login)!;
    await http.post('/account/password', { current: secrets[0]!, next: secrets[1]!, confirm: secrets[1]! }, { cookie });
    const adminLogin = await http.post('/login', { login: 'keeper', password: 'admin Passw0rd secret' });
    const adminCookie = sessionCookieFrom(adminLogin)!;
    const created = await (await http.post('/admin/embedding/keys', { name: 'Help center' }, { cookie: adminCookie })).text();
    const apiToken = /hk_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/.exec(created)?.[0];
    expect(apiToken).toBeDefined();
    await app.request(`${ctx.config.baseUrl}/api/v1/embed/threads`, { method: 'POST', headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' }, body: '{"broken' });
    await app.request(`${ctx.config.baseUrl}/api/v1/embed/threads?key=${apiToken}`, { method: 'POST', headers: { authorization: `Bearer ${apiToken}x` } });
    await http.get(`/search?q=${encodeURIComponent(secrets[0]!)}`, { cookie });

    for (const session of [signupCookie, cookie, adminCookie]) {
      if (!session) continue;
      const token = session.split('=')[1]!;
      secrets.push(token, token.split('.')[1]!);
    }
    secrets.push(apiToken!, apiToken!.split('.')[1]!);
    expect(lines.length).toBeGreaterThan(8);
    const all = lines.join('\n');
    for (const secret of secrets) expect(all, `a secret in the logs: ${secret.slice(0, 6)}…`).not.toContain(secret);
    expect(all).not.toContain('Passw0rd');
  });
});
