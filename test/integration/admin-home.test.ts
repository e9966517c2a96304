import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ErrorCounter } from '../../src/lib/error-counter.js';
import type { MarkdownRenderer } from '../../src/markdown/renderer.js';
import { backupDatabase } from '../../src/operations/backup.js';
import { httpClient } from '../helpers/app.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

let ctx: ModerationContext;
beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

const home = async () => {
  const response = await ctx.http.get('/admin', { as: ctx.admin });
  expect(response.status).toBe(200);
  return response.text();
};

describe('the admin home', () => {
  it('is for admins: visitors log in, members and managers get a 403', async () => {
    expect(location(await ctx.http.get('/admin'))).toBe('/login?next=%2Fadmin');
    expect((await ctx.http.get('/admin', { as: ctx.member })).status).toBe(403);
    expect((await ctx.http.get('/admin', { as: ctx.manager })).status).toBe(403);
  });

  it('links to every settings page, each of which answers', async () => {
    const page = await home();
    const links = [...page.matchAll(/<li><a href="(\/admin\/[a-z-]+)">/g)].map((match) => match[1]!);
    expect(links).toEqual(['/admin/categories', '/admin/ideas', '/admin/appearance', '/admin/language', '/admin/sign-in', '/admin/privacy', '/admin/flags', '/admin/watched-words', '/admin/blocked-domains', '/admin/embedding']);
    for (const link of links) expect((await ctx.http.get(link, { as: ctx.admin })).status, link).toBe(200);
    expect(page).toContain('<a href="/admin" aria-current="page">Settings</a>');
  });

  it('shows the version, build, database and log sizes and the email outbox', async () => {
    const now = ctx.clock.now();
    ctx.db.$client
      .prepare("insert into email_outbox (to_address, kind, subject, text_body, status, next_attempt_at, created_at) values ('a@example.com', 'test', 's', 't', ?, ?, ?)")
      .run('pending', now, now);
    ctx.db.$client
      .prepare("insert into email_outbox (to_address, kind, subject, text_body, status, next_attempt_at, created_at) values ('b@example.com', 'test', 's', 't', ?, ?, ?)")
      .run('failed', now, now);
    const page = await home();
    expect(page).toMatch(/<dt>Version and build<\/dt><dd><code>\d+\.\d+\.\d+[^<]*<\/code> · <code>[0-9a-f]{16}<\/code><\/dd>/);
    expect(page).toMatch(/<dt>Database size<\/dt><dd>[\d.,]+ (kB|MB|byte)/);
    expect(page).toMatch(/<dt>Write-ahead log size<\/dt><dd>[\d.,]+ (kB|MB|byte)/);
    expect(page).toContain('<dt>Email outbox</dt><dd>1 waiting to be sent, 1 failed</dd>');
  });

  it('says when no backup is recorded, and the time of the last one once a backup completes', async () => {
    expect(await home()).toContain('<dt>Last backup</dt><dd>No backup recorded</dd>');
    const folder = mkdtempSync(join(tmpdir(), 'hearth-backup-'));
    const at = Date.UTC(2026, 2, 14, 9, 30);
    await backupDatabase(ctx.db, join(folder, 'copy.db'), () => at);
    expect(await home()).toContain('<dt>Last backup</dt><dd>Mar 14, 2026, 9:30 AM UTC</dd>');
  });

  it('counts this process’s unhandled errors of the last hour', async () => {
    const failing: MarkdownRenderer = { render: () => Promise.reject(new Error('renderer down')), close: () => Promise.resolve() };
    const errorCounter = new ErrorCounter(ctx.clock.now);
    const app = createApp({ db: ctx.db, config: ctx.config, markdown: failing, clock: ctx.clock.now, errorCounter, log: () => undefined });
    const http = httpClient(app, ctx.config.baseUrl, ctx.db, ctx.clock);
    const admin = async () => (await http.get('/admin', { as: ctx.admin })).text();
    expect(await admin()).toContain('0 requests failed (counted by this server process since it started at');
    const failed = await http.post('/t', { category: 'kettles', title: 'Does this render?', body: 'Some text' }, { as: ctx.member });
    expect(failed.status).toBe(500);
    expect(await admin()).toContain('1 request failed (counted by this server process since it started at');
    ctx.clock.advance(61 * 60_000);
    expect(await admin()).toContain('0 requests failed');
  });
});
