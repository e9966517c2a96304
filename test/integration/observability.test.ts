import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { makeCategory, makeThread, makeUser } from '../../src/demo/factories.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('request ids and the access log', () => {
  it('logs one JSON line per request with id, method, path, status, time and user — and no secrets', async () => {
    const lines: string[] = [];
    const app = createApp({ db: ctx.db, config: ctx.config, markdown: ctx.services.markdown, clock: ctx.clock.now, accessLog: (line) => lines.push(line) });
    const member = await makeUser(ctx.services, { username: 'logged', password: 'secret password here' });
    const login = await app.request(`${ctx.config.baseUrl}/login`, {
      method: 'POST',
      body: 'login=logged&password=secret+password+here',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ctx.config.baseUrl, 'x-request-id': 'proxy-abc-123' },
    });
    expect(login.headers.get('x-request-id')).toBe('proxy-abc-123');
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    await app.request(`${ctx.config.baseUrl}/search?q=private+words`, { headers: { cookie } });
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ id: 'proxy-abc-123', method: 'POST', path: '/login', status: 303, user: null });
    expect(second).toMatchObject({ method: 'GET', path: '/search', status: 200, user: member.id });
    expect(typeof second!['ms']).toBe('number');
    const all = lines.join('\n');
    for (const secret of ['secret', cookie.split('=')[1]!, 'private']) expect(all).not.toContain(secret);
  });

  it('gives every response a request id, and shows it on an error page without the stack', async () => {
    const response = await ctx.http.get('/');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const folder = mkdtempSync(join(tmpdir(), 'hearth-broken-'));
    const broken = openDatabase(join(folder, 'empty.db'));
    const logged: unknown[] = [];
    const app = createApp({ db: broken, config: ctx.config, markdown: ctx.services.markdown, log: (_message, error) => logged.push(error) });
    const failed = await app.request(`${ctx.config.baseUrl}/`);
    const page = await failed.text();
    expect(failed.status).toBe(500);
    expect(page).toContain(`reference ${failed.headers.get('x-request-id')}`);
    expect(page).not.toContain('no such table');
    expect(logged).toHaveLength(1);
    closeDatabase(broken);
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows the request id on 4xx error pages too: 404, 403 and 422', async () => {
    makeCategory(ctx.services, { name: 'Kettles', slug: 'kettles' });
    const member = await makeUser(ctx.services, { username: 'plain-member' });
    const manager = await makeUser(ctx.services, { username: 'a-manager', role: 'admin' });
    const { threadId } = await makeThread(ctx.services, member, { category: 'kettles', title: 'A thread to rename', body: 'x' });
    const pages = [
      { response: await ctx.http.get('/no/such/page'), status: 404 },
      { response: await ctx.http.get('/mod/queue', { as: member }), status: 403 },
      { response: await ctx.http.post(`/t/${threadId}/rename`, { title: 'x' }, { as: manager }), status: 422 },
    ];
    for (const { response, status } of pages) {
      expect(response.status).toBe(status);
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.text(), String(status)).toContain(`mention reference ${id}.`);
    }
  });
});
