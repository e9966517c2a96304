import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory } from '../../src/demo/factories.js';
import { parseProxyTrust, type ProxyTrust } from '../../src/lib/client-address.js';
import { runDataExports } from '../../src/privacy/export-job.js';
import { EXPORT_LIFETIME_MS } from '../../src/privacy/exports.js';
import { createTestContext, type TestContext } from '../helpers/app.js';
import { location } from '../helpers/forum.js';
import { leaveTraces, makePerson, type Person } from '../helpers/privacy.js';

// A member's data export: asked for once a day, built by the background job, offered by a mailed
// link that works only for its member and expires, and holding exactly their data — none of
// another member's, though both wrote in the same threads, voted, flagged and signed in.

let ctx: TestContext;
let quill: Person;
let bob: Person;
let uploadsDir: string;

beforeAll(async () => {
  ctx = await createTestContext({ trustProxy: parseProxyTrust('1') as ProxyTrust });
  const category = makeCategory(ctx.services, { name: 'Kettles', slug: 'kettles' });
  quill = await makePerson(ctx, 'quillon', 'Zephyrine', '203.0.113.7');
  bob = await makePerson(ctx, 'bobbington', 'Marmalade', '198.51.100.9');
  await leaveTraces(ctx, category, quill, bob);
  await leaveTraces(ctx, category, bob, quill);
  uploadsDir = join(ctx.config.exportsDir, '..', 'uploads');
  mkdirSync(uploadsDir, { recursive: true });
  writeFileSync(join(uploadsDir, 'Zephyrineimagehash.png'), 'quill image bytes');
  writeFileSync(join(uploadsDir, 'Marmaladeimagehash.png'), 'bob image bytes');
});
afterAll(() => ctx.close());

const runJob = () => runDataExports(ctx.db, { exportsDir: ctx.config.exportsDir, uploadsDir, now: ctx.clock.now() });

/** The download link in the newest export email to `email`. */
function mailedLink(email: string): string {
  const row = ctx.db.$client.prepare("select text_body as text from email_outbox where kind = 'data_export' and to_address = ? order by id desc limit 1").get(email) as { text: string };
  const link = row.text.split(/\s+/).find((word) => word.includes('/account/export/'))!;
  return new URL(link).pathname;
}

let link: string;
let files: Record<string, string>;

describe('/account/export', () => {
  it('takes a request, then says when the next one is possible', async () => {
    expect(location(await ctx.http.post('/account/export', {}, { cookie: quill.cookie }))).toBe('/account/export?done=requested');
    const page = await (await ctx.http.get('/account/export', { cookie: quill.cookie })).text();
    expect(page).toContain('being prepared');
    const again = await ctx.http.post('/account/export', {}, { cookie: quill.cookie });
    expect(again.status).toBe(429);
    expect(await again.text()).toContain('You can ask again after');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
  });

  it('is built in the background and mailed as a link', async () => {
    expect(runJob()).toMatchObject({ built: 1, failed: 0 });
    link = mailedLink(quill.email);
    expect(link).toMatch(/^\/account\/export\/[a-z2-7]{24}\.[a-z2-7]{24}$/);
    expect(await (await ctx.http.get('/account/export', { cookie: quill.cookie })).text()).toContain('ready');
  });

  it('downloads only for its member, signed in, with the right token', async () => {
    expect(location(await ctx.http.get(link))).toMatch(/^\/login\?next=/);
    expect((await ctx.http.get(link, { cookie: bob.cookie })).status).toBe(404);
    expect((await ctx.http.get(link.replace(/\.[a-z2-7]+$/, '.wrongwrongwrongwrongwron'), { cookie: quill.cookie })).status).toBe(404);
    const response = await ctx.http.get(link, { cookie: quill.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.zip"$/);
    const zip = unzipSync(new Uint8Array(await response.arrayBuffer()));
    files = Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
    expect(Object.keys(files).sort()).toEqual(
      ['README.txt', 'feedback.json', 'flags.json', 'notifications.json', 'posts.json', 'profile.json', 'sessions.json', 'uploads.json', 'uploads/Zephyrineimagehash.png', 'votes.json'].sort(),
    );
  });

  it('holds the member’s data in every file, explained by the README', () => {
    const expected: Record<string, string[]> = {
      'profile.json': [quill.email, quill.displayName, quill.bio, 'Zephyrine bike', 'Zephyrineavatarhash.webp', 'Zephyrine-old', 'Zephyrine-subject'],
      'posts.json': ['Zephyrine opening alone', '<p>Zephyrine own reply</p>', 'Zephyrine earlier version', 'Zephyrine thread answered'],
      'votes.json': ['Zephyrine poll question', 'Zephyrine option', '"idea": "Zephyrine thread answered"', '"threadTitle": "Zephyrine thread answered"'],
      'feedback.json': ['Zephyrine feedback comment'],
      'flags.json': ['Zephyrine flag note'],
      'notifications.json': ['"level": "watching"', '"level": "muted"', '"preference": "daily"', '"kind": "reply"'],
      'sessions.json': ['203.0.113.7', 'quillon-browser/1.0', '"method": "password"'],
      'uploads.json': ['Zephyrineimagehash.png', 'Zephyrineavatarhash.webp'],
      'uploads/Zephyrineimagehash.png': ['quill image bytes'],
    };
    for (const [file, texts] of Object.entries(expected)) for (const text of texts) expect({ file, has: files[file]!.includes(text) }).toEqual({ file, has: true });
    for (const file of Object.keys(files).filter((name) => name.endsWith('.json'))) {
      expect(JSON.parse(files[file]!)).toBeTypeOf('object');
      expect(files['README.txt']).toContain(file);
    }
  });

  it('holds nothing of another member', () => {
    const theirs = [bob.email, bob.displayName, bob.bio, 'bobbington', '198.51.100.9', 'Marmalade flag note', 'Marmalade feedback comment', 'Marmalade bike', 'Marmalade earlier version', 'Marmalade poll question', 'Marmalade opening', 'Marmalade own reply', 'Marmaladeimagehash', 'Marmaladeavatarhash', 'bob image bytes'];
    const found = Object.entries(files).flatMap(([file, text]) => theirs.filter((value) => text.includes(value)).map((value) => `${file}: ${value}`));
    expect(found).toEqual([]);
  });

  it('expires: the link stops working and the job deletes the file', async () => {
    const fileName = (ctx.db.$client.prepare('select file_name as fileName from data_exports where user_id = ?').get(quill.user.id) as { fileName: string }).fileName;
    expect(existsSync(join(ctx.config.exportsDir, fileName))).toBe(true);
    ctx.clock.advance(EXPORT_LIFETIME_MS + 1);
    expect((await ctx.http.get(link, { cookie: quill.cookie })).status).toBe(404);
    expect(runJob().expired).toBe(1);
    expect(existsSync(join(ctx.config.exportsDir, fileName))).toBe(false);
    const page = await (await ctx.http.get('/account/export', { cookie: quill.cookie })).text();
    expect(page).toContain('expired');
    // A day has long passed: another may be asked for.
    expect(location(await ctx.http.post('/account/export', {}, { cookie: quill.cookie }))).toBe('/account/export?done=requested');
  });
});
