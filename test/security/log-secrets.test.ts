import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { makeUser } from '../../src/demo/factories.js';
import { runDataExports } from '../../src/privacy/export-job.js';
import { createTestContext, httpClient, sessionCookieFrom, type TestContext } from '../helpers/app.js';

// Nothing secret reaches the logs: passwords, session tokens and ids, cookies, mailed-link tokens and
// API key secrets are driven through every flow that handles them while both logs (access and
// error) are captured.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the logs', () => {
  it('never contain a password, session token or id, cookie value, mailed-link token or API key secret', async () => {
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

    // Ending one of several sessions: its id is in the form's path.
    const laptop = sessionCookieFrom(await http.post('/login', { login: 'logwatch', password: secrets[1]! }))!;
    const phone = sessionCookieFrom(await http.post('/login', { login: 'logwatch', password: secrets[1]! }))!;
    const account = await (await http.get('/account', { cookie: laptop })).text();
    const endPath = [...account.matchAll(/action="(\/account\/sessions\/([^/"]+)\/end)"/g)].find(([, , id]) => id === phone.split('=')[1]!.split('.')[0])?.[1];
    expect(endPath).toBeDefined();
    expect((await http.post(endPath!, {}, { cookie: laptop })).status).toBe(303);
    secrets.push(endPath!.split('/')[3]!);

    // Following the mailed links: confirm the address, unsubscribe, reset the password.
    const link = (kind: string, path: string) => {
      const row = ctx.db.$client.prepare('select text_body as text from email_outbox where kind = ? order by id desc limit 1').get(kind) as { text: string } | undefined;
      const url = row?.text.split(/\s+/).find((word) => word.startsWith(`${ctx.config.baseUrl}${path}?token=`));
      expect(url, kind).toBeDefined();
      const token = decodeURIComponent(new URL(url!).searchParams.get('token')!);
      secrets.push(token, ...token.split('.').filter((part) => part.length >= 16));
      return { path: url!.slice(ctx.config.baseUrl.length), token };
    };
    const verify = link('verify_email', '/verify-email');
    expect((await http.get(verify.path)).status).toBe(200);
    expect((await http.post('/verify-email', { token: verify.token })).status).toBe(303);
    const unsubscribe = link('verify_email', '/unsubscribe');
    expect((await http.get(unsubscribe.path)).status).toBe(200);
    expect((await http.post(unsubscribe.path, {})).status).toBe(303);
    expect((await http.post('/password/forgot', { login: 'logwatch' })).status).toBe(303);
    const reset = link('reset_password', '/password/reset');
    expect((await http.get(reset.path)).status).toBe(200);
    expect((await http.post('/password/reset', { token: reset.token, password: 'third Passw0rd secret', confirm: 'third Passw0rd secret' })).status).toBe(303);
    secrets.push('third Passw0rd secret');
    // Changing the address: the password that allows it and the link to the new address.
    const password = 'third Passw0rd secret';
    const afterReset = sessionCookieFrom(await http.post('/login', { login: 'logwatch', password }))!;
    expect((await http.post('/account/email-address', { newEmail: 'logwatch.new@example.com', emailPassword: password }, { cookie: afterReset })).status).toBe(303);
    const change = link('change_email', '/email-change');
    expect((await http.get(change.path)).status).toBe(200);
    expect((await http.post('/email-change', { token: change.token })).status).toBe(303);
    // A token pasted into a path is not logged either.
    await http.get(`/verify-email/${verify.token}`);
    // A data export's mailed link carries its id.secret in the path.
    const exporter = sessionCookieFrom(await http.post('/login', { login: 'logwatch', password: 'third Passw0rd secret' }))!;
    expect((await http.post('/account/export', {}, { cookie: exporter })).status).toBe(303);
    runDataExports(ctx.db, { exportsDir: ctx.config.exportsDir, uploadsDir: ctx.config.exportsDir, now: ctx.clock.now() });
    const exportMail = ctx.db.$client.prepare("select text_body as text from email_outbox where kind = 'data_export'").get() as { text: string };
    const exportPath = new URL(exportMail.text.split(/\s+/).find((word) => word.includes('/account/export/'))!).pathname;
    expect((await http.get(exportPath, { cookie: exporter })).status).toBe(200);
    const exportToken = exportPath.split('/')[3]!;
    secrets.push(exportToken, exportToken.split('.')[1]!);
    secrets.push(exporter.split('=')[1]!);

    for (const session of [signupCookie, cookie, adminCookie, laptop, phone, afterReset]) {
      if (!session) continue;
      const token = session.split('=')[1]!;
      secrets.push(token, token.split('.')[1]!);
    }
    secrets.push(apiToken!, apiToken!.split('.')[1]!);
    expect(lines.length).toBeGreaterThan(8);
    const all = lines.join('\n');
    for (const secret of secrets) expect(all, `a secret in the logs: ${secret.slice(0, 6)}…`).not.toContain(secret);
    expect(all).not.toContain('Passw0rd');
    // The access log still says what happened, with the secret part replaced.
    const paths = lines.filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as { method: string; path: string }).path);
    expect(paths).toContain('/account/sessions/:id/end');
    expect(paths).toContain('/verify-email/:token');
    expect(paths).toContain('/account/export/:token');
    expect(paths).toEqual(expect.arrayContaining(['/verify-email', '/unsubscribe', '/password/reset', '/email-change']));
  });
});
