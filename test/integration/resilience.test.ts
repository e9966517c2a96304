import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createSession } from '../../src/auth/session.js';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { makeThread } from '../../src/demo/factories.js';
import { httpClient } from '../helpers/app.js';
import { createForumContext } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(() => ctx.close());

describe('security headers', () => {
  it('sends a strict CSP and the usual hardening headers on pages', async () => {
    const response = await ctx.http.get('/');
    const csp = response.headers.get('content-security-policy')!;
    for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('input hygiene', () => {
  it('refuses control characters and bidi overrides in titles, keeping the text', async () => {
    for (const title of ['Kettle\u0007 alarm title', 'Evil \u202egnp.exe title']) {
      const response = await ctx.http.post('/t', { category: 'kettles', title, body: 'x' }, { as: ctx.member });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain('invisible control characters');
    }
  });

  it('answers 404, not 500, for absurd ids and pages', async () => {
    for (const path of ['/t/99999999999999999999/x', '/p/0', '/c/%00', '/u/%F0%9F%98%80']) {
      expect((await ctx.http.get(path)).status).toBe(404);
    }
    expect(ctx.errors).toEqual([]);
  });
});

describe('a database locked by something else', () => {
  it('answers writes with 503 after the busy timeout while reads keep working', async () => {
    const { threadId, slug } = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Busy database thread', body: 'x' });
    const { token } = createSession(ctx.db, ctx.other.id, ctx.clock.now());
    const impatient = openDatabase(ctx.config.databasePath, { busyTimeoutMs: 50 });
    const app = createApp({ db: impatient, config: ctx.config, markdown: ctx.services.markdown, clock: ctx.clock.now, log: () => {} });
    const http = httpClient(app, ctx.config.baseUrl, impatient, ctx.clock);
    const blocker = new Database(ctx.config.databasePath);
    blocker.exec('BEGIN IMMEDIATE');
    try {
      expect((await http.get(`/t/${threadId}/${slug}`)).status).toBe(200);
      const write = await http.post(`/t/${threadId}/replies`, { body: 'while locked' }, { cookie: `hearth_session=${token}` });
      expect(write.status).toBe(503);
      expect(write.headers.get('retry-after')).toBe('5');
      const page = await write.text();
      expect(page).toContain('very busy');
      expect(page).toContain('while locked');
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
      closeDatabase(impatient);
    }
  });
});
