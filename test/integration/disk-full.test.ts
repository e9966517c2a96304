import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread } from '../../src/demo/factories.js';
import { createForumContext, location } from '../helpers/forum.js';

// A full disk, simulated by capping the app's own connection with PRAGMA max_page_count: SQLite
// then fails writes with SQLITE_FULL exactly as it does when the filesystem is full.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let thread: { threadId: number; slug: string };
beforeAll(async () => {
  ctx = await createForumContext();
  thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Disk full thread', body: 'Written before the disk filled up.' });
});
afterAll(() => ctx.close());

const pragma = (statement: string) => ctx.db.$client.pragma(statement, { simple: true });

describe('a full disk', () => {
  it('answers a post with 503 and the text kept, keeps reads and old data, and recovers when space returns', async () => {
    const text = `A long reply that needs new pages. ${'The kettle clicks off early. '.repeat(1500)}`;
    pragma(`max_page_count = ${Number(pragma('page_count'))}`);
    try {
      const reply = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: text }, { as: ctx.member });
      expect(reply.status).toBe(503);
      expect(reply.headers.get('retry-after')).toBe('5');
      const page = await reply.text();
      expect(page).toContain('out of disk space');
      expect(page).toContain('The kettle clicks off early.');

      const started = await ctx.http.post('/t', { category: 'kettles', title: 'A new thread on a full disk', body: text }, { as: ctx.member });
      expect(started.status).toBe(503);
      expect(await started.text()).toContain('A new thread on a full disk');

      // Reads keep working, for visitors and members, and the process is fine.
      expect((await ctx.http.get(`/t/${thread.threadId}/${thread.slug}`)).status).toBe(200);
      expect((await ctx.http.get('/c/kettles', { as: ctx.other })).status).toBe(200);
      expect((await ctx.http.get('/healthz')).status).toBe(200);
    } finally {
      pragma('max_page_count = 1073741823');
    }
    // The operator hears about it, once per refused write.
    expect(ctx.errors.splice(0).map((error) => (error as { code?: string }).code)).toEqual(['SQLITE_FULL', 'SQLITE_FULL']);
    expect(pragma('integrity_check')).toBe('ok');
    const rows = ctx.db.$client.prepare('select body from posts where thread_id = ?').all(thread.threadId) as { body: string }[];
    expect(rows.map((row) => row.body)).toEqual(['Written before the disk filled up.']);

    const again = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: text }, { as: ctx.member });
    expect(again.status).toBe(303);
    expect(location(again)).toContain('#post-2');
    expect(ctx.errors).toEqual([]);
  });
});
