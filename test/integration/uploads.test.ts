import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeThread } from '../../src/demo/factories.js';
import { rebakePosts } from '../../src/operations/rebake.js';
import { uploadFilePath } from '../../src/uploads/store.js';
import { DAILY_UPLOADS } from '../../src/uploads/receive.js';
import { createForumContext, location } from '../helpers/forum.js';
import { animatedGif, htmlAsPng, jpegFile, phonePhoto, pngImage, postMultipart, svgWithScript } from '../helpers/uploads.js';

// Images in posts (docs/uploads.md): what is accepted, what is stripped, and who is served what.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'Chargers', slug: 'chargers', moderation: 'all' });
});
afterAll(() => ctx.close());

type Uploaded = { url: string; markdown: string };
const fileOf = (url: string) => url.split('?')[0]!;
const count = (sql: string, ...params: unknown[]) => (ctx.db.$client.prepare(sql).get(...params) as { n: number }).n;

async function upload(bytes: Uint8Array, as = ctx.member, name = 'charger-error.jpg'): Promise<Uploaded> {
  const response = await postMultipart(ctx, '/uploads', {}, jpegFile(bytes, name), { as, json: true });
  expect(response.status).toBe(201);
  return (await response.json()) as Uploaded;
}

describe('POST /uploads', () => {
  it('strips EXIF (GPS, camera serial) and applies the orientation before storing', async () => {
    const photo = await phonePhoto(300, 200);
    const original = await sharp(photo).metadata();
    expect(original.exif?.length).toBeGreaterThan(0);
    expect(original.orientation).toBe(6);
    const { url, markdown } = await upload(photo);
    expect(url).toMatch(/^\/uploads\/[0-9a-f]{64}\.jpg\?w=200&h=300$/);
    expect(markdown).toBe(`![charger error](${url})`);
    const served = await ctx.http.get(fileOf(url), { as: ctx.member });
    expect(served.status).toBe(200);
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // Turned upright: the sideways 300 × 200 photo is 200 × 300.
    expect([meta.width, meta.height]).toEqual([200, 300]);
    expect(bytes.includes(Buffer.from('SN-123456'))).toBe(false);
    expect(bytes.includes(Buffer.from('Camera 12'))).toBe(false);
  });

  it('resizes to the longest edge and makes a smaller variant, stored by the hash of its bytes', async () => {
    const { url } = await upload(await phonePhoto(3000, 2000));
    const match = /^\/uploads\/([0-9a-f]{64})\.jpg\?w=1365&h=2048&s=([0-9a-f]{64})&sw=640$/.exec(url);
    expect(match).not.toBeNull();
    const [, hash, small] = match!;
    const bytes = Buffer.from(await (await ctx.http.get(`/uploads/${hash}.jpg`, { as: ctx.member })).arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(hash);
    expect(existsSync(join(ctx.config.uploadsPath, uploadFilePath(hash!, 'jpg')))).toBe(true);
    const variant = await ctx.http.get(`/uploads/${small}.jpg`, { as: ctx.member });
    expect((await sharp(Buffer.from(await variant.arrayBuffer())).metadata()).width).toBe(640);
  });

  it('refuses an HTML file named .png and an SVG with a script with a clear 422, storing nothing', async () => {
    const rows = count('select count(*) as n from uploads');
    for (const file of [
      { name: 'cat.png', type: 'image/png', bytes: htmlAsPng },
      { name: 'logo.svg', type: 'image/svg+xml', bytes: svgWithScript },
      { name: 'logo.png', type: 'image/png', bytes: svgWithScript },
    ]) {
      const json = await postMultipart(ctx, '/uploads', {}, file, { as: ctx.member, json: true });
      expect(json.status).toBe(422);
      expect(await json.json()).toEqual({ error: { message: 'That file is not an image we can use. Please choose a JPEG, PNG, WebP, GIF or AVIF picture.' } });
      const form = await postMultipart(ctx, '/uploads', {}, file, { as: ctx.member });
      expect(form.status).toBe(422);
      expect(await form.text()).toContain('Please choose a JPEG, PNG, WebP, GIF or AVIF picture.');
    }
    expect(count('select count(*) as n from uploads')).toBe(rows);
  });

  it('asks for a file when none was sent, and for signing in first', async () => {
    const none = await postMultipart(ctx, '/uploads', {}, null, { as: ctx.member, json: true });
    expect(none.status).toBe(422);
    expect(await none.json()).toEqual({ error: { message: 'Please choose an image to upload first.' } });
    const anonymous = await postMultipart(ctx, '/uploads', {}, jpegFile(await phonePhoto()), { json: true });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { message: 'Please log in to upload images.' } });
    expect(location(await postMultipart(ctx, '/uploads', {}, jpegFile(await phonePhoto())))).toBe('/login?next=%2Fuploads');
  });

  it('keeps animated GIFs animated, or makes them a still when the admin says so', async () => {
    const gif = { name: 'blink.gif', type: 'image/gif', bytes: await animatedGif() };
    const kept = (await (await postMultipart(ctx, '/uploads', {}, gif, { as: ctx.member, json: true })).json()) as Uploaded;
    expect(kept.url).toMatch(/\.gif\?w=20&h=20$/);
    const animated = Buffer.from(await (await ctx.http.get(fileOf(kept.url), { as: ctx.member })).arrayBuffer());
    expect((await sharp(animated, { animated: true }).metadata()).pages).toBe(2);

    expect((await ctx.http.post('/admin/appearance/animated-images', { animated: 'still' }, { as: ctx.manager })).status).toBe(403);
    expect(location(await ctx.http.post('/admin/appearance/animated-images', { animated: 'still' }, { as: ctx.admin }))).toBe('/admin/appearance?done=animated');
    expect(await (await ctx.http.get('/admin/appearance', { as: ctx.admin })).text()).toContain('<input type="radio" name="animated" value="still" checked>');
    const still = (await (await postMultipart(ctx, '/uploads', {}, gif, { as: ctx.member, json: true })).json()) as Uploaded;
    expect(still.url).toMatch(/\.png\?w=20&h=20$/);
    await ctx.http.post('/admin/appearance/animated-images', { animated: 'keep' }, { as: ctx.admin });
  });

  it('counts a daily quota per member; staff have none', async () => {
    const now = ctx.clock.now();
    const insert = ctx.db.$client.prepare("insert into uploads (user_id, purpose, hash, ext, bytes, width, height, created_at) values (?, 'post', ?, 'png', 10, 1, 1, ?)");
    for (let index = 0; index < DAILY_UPLOADS; index += 1) insert.run(ctx.other.id, index.toString(16).padStart(64, '0'), now);
    const png = { name: 'a.png', type: 'image/png', bytes: await pngImage() };
    const refused = await postMultipart(ctx, '/uploads', {}, png, { as: ctx.other, json: true });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { message: `You have uploaded ${DAILY_UPLOADS} images or a lot of data in the last day, the most allowed. Please try again tomorrow.` } });
    expect((await postMultipart(ctx, '/uploads', {}, png, { as: ctx.manager, json: true })).status).toBe(201);
    // A day later the member's allowance is back.
    ctx.clock.advance(24 * 60 * 60_000 + 1);
    expect((await postMultipart(ctx, '/uploads', {}, png, { as: ctx.other, json: true })).status).toBe(201);
  });
});

describe('GET /uploads/:hash.:ext', () => {
  it('answers with the stored type, nosniff, a sandboxing CSP, an ETag and long caching once public', async () => {
    const { markdown, url } = await upload(await pngImage(), ctx.member, 'diagram.png');
    await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'A diagram of the base', body: `Here:\n\n${markdown}` });
    const served = await ctx.http.get(fileOf(url));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, s-maxage=300, immutable');
    const etag = served.headers.get('etag');
    expect(etag).toBe(`"${fileOf(url).slice(9, 73)}"`);
    expect((await ctx.http.get(fileOf(url), { headers: { 'if-none-match': etag! } })).status).toBe(304);
    // Only our names and extensions exist: another extension for the same hash is not a file.
    expect((await ctx.http.get(fileOf(url).replace('.png', '.svg'))).status).toBe(404);
    expect((await ctx.http.get(fileOf(url).replace('.png', '.html'))).status).toBe(404);
    expect((await ctx.http.get(fileOf(url).replace('.png', '.jpg'))).status).toBe(404);
    expect((await ctx.http.get('/uploads/..%2Fdata.db')).status).toBe(404);
  });

  it("serves a held post's image only to its uploader and the category's staff until approved, and stops after hiding or deleting", async () => {
    const { markdown, url } = await upload(await phonePhoto(320, 240));
    const file = fileOf(url);
    const response = await ctx.http.post('/t', { category: 'chargers', title: 'The charger blinks red', body: `It blinks:\n\n${markdown}` }, { as: ctx.member });
    expect(response.status).toBe(303);
    const postId = (ctx.db.$client.prepare('select id from posts order by id desc limit 1').get() as { id: number }).id;
    expect(count('select count(*) as n from post_uploads where post_id = ?', postId)).toBe(1);
    expect((await ctx.http.get(file)).status).toBe(404);
    expect((await ctx.http.get(file, { as: ctx.other })).status).toBe(404);
    const own = await ctx.http.get(file, { as: ctx.member });
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect((await ctx.http.get(file, { as: ctx.manager })).status).toBe(200);

    const itemId = (ctx.db.$client.prepare('select id from review_items where post_id = ?').get(postId) as { id: number }).id;
    expect((await ctx.http.post(`/mod/queue/${itemId}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    const published = await ctx.http.get(file);
    expect(published.status).toBe(200);
    expect(published.headers.get('cache-control')).toBe('public, max-age=31536000, s-maxage=300, immutable');

    expect((await ctx.http.post(`/p/${postId}/hide`, { reason: 'Shows a serial number' }, { as: ctx.manager })).status).toBe(303);
    expect((await ctx.http.get(file)).status).toBe(404);
    expect((await ctx.http.get(file, { as: ctx.other })).status).toBe(404);
    const staff = await ctx.http.get(file, { as: ctx.manager });
    expect(staff.status).toBe(200);
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    await ctx.http.post(`/p/${postId}/unhide`, {}, { as: ctx.manager });
    expect((await ctx.http.get(file)).status).toBe(200);

    expect((await ctx.http.post(`/p/${postId}/delete`, {}, { as: ctx.member })).status).toBe(303);
    expect((await ctx.http.get(file)).status).toBe(404);
  });

  it("does not make someone else's waiting image public by pasting its address", async () => {
    const { markdown, url } = await upload(await pngImage(50, 50), ctx.member, 'secret.png');
    await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Borrowed picture', body: markdown });
    expect((await ctx.http.get(fileOf(url))).status).toBe(404);
  });

  it('follows edits: an image added is linked, an image removed is not', async () => {
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Edited later with a picture', body: 'No picture yet.' });
    const { markdown, url } = await upload(await pngImage(60, 40), ctx.member, 'later.png');
    expect(location(await ctx.http.post(`/p/${thread.postId}/edit`, { body: `Now with one:\n\n${markdown}` }, { as: ctx.member }))).toContain(`/t/${thread.threadId}/`);
    expect((await ctx.http.get(fileOf(url))).status).toBe(200);
    await ctx.http.post(`/p/${thread.postId}/edit`, { body: 'Picture taken out again.' }, { as: ctx.member });
    expect(count('select count(*) as n from post_uploads where post_id = ?', thread.postId)).toBe(0);
    expect((await ctx.http.get(fileOf(url), { as: ctx.other })).status).toBe(404);
  });

  it("serves the image of an edit waiting for review to its author and staff, and to everyone once approved", async () => {
    const opening = await ctx.http.post('/t', { category: 'chargers', title: 'The cable gets warm', body: 'It gets warm.' }, { as: ctx.member });
    expect(opening.status).toBe(303);
    const postId = (ctx.db.$client.prepare('select id from posts order by id desc limit 1').get() as { id: number }).id;
    const approval = (ctx.db.$client.prepare("select id from review_items where post_id = ? and kind = 'approval'").get(postId) as { id: number }).id;
    await ctx.http.post(`/mod/queue/${approval}/approve`, {}, { as: ctx.manager });
    const { markdown, url } = await upload(await pngImage(80, 20), ctx.member, 'cable.png');
    // Every edit in this category waits for review; the public post stays as it was.
    expect((await ctx.http.post(`/p/${postId}/edit`, { title: 'The cable gets warm', body: `It gets warm:\n\n${markdown}` }, { as: ctx.member })).status).toBe(303);
    const edit = (ctx.db.$client.prepare("select id from review_items where post_id = ? and kind = 'edit' and status = 'open'").get(postId) as { id: number }).id;
    expect((await ctx.http.get(fileOf(url))).status).toBe(404);
    expect((await ctx.http.get(fileOf(url), { as: ctx.member })).status).toBe(200);
    expect((await ctx.http.get(fileOf(url), { as: ctx.manager })).status).toBe(200);
    expect((await ctx.http.post(`/mod/queue/${edit}/approve`, {}, { as: ctx.manager })).status).toBe(303);
    expect((await ctx.http.get(fileOf(url))).status).toBe(200);
  });

  it('gives the read API (and embed fragments) absolute addresses for the image and its variant', async () => {
    const { markdown, url } = await upload(await phonePhoto(1400, 1000));
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Photo read through the API', body: markdown });
    const [, hash, small] = /\/uploads\/([0-9a-f]{64})\.jpg\?w=\d+&h=\d+&s=([0-9a-f]{64})/.exec(url)!;
    const api = (await (await ctx.http.get(`/api/v1/threads/${thread.threadId}`)).json()) as { posts: { html: string }[] };
    const base = ctx.config.baseUrl;
    expect(api.posts[0]!.html).toContain(`src="${base}/uploads/${hash}.jpg"`);
    expect(api.posts[0]!.html).toContain(`srcset="${base}/uploads/${small}.jpg 640w, ${base}/uploads/${hash}.jpg 1000w"`);
  });

  it('keeps the size and variant through a rebake (they come from the markdown)', async () => {
    const { markdown } = await upload(await phonePhoto(1500, 1000));
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Rebaked with its photo', body: markdown });
    const html = () => (ctx.db.$client.prepare('select body_html as html from posts where id = ?').get(thread.postId) as { html: string }).html;
    const before = html();
    expect(before).toContain('srcset="/uploads/');
    ctx.db.$client.prepare('update posts set render_version = 0, body_html = ? where id = ?').run('<p>stale</p>', thread.postId);
    await rebakePosts(ctx.db, ctx.services.markdown, {});
    expect(html()).toBe(before);
  });

  it('renders an uploaded image with its size, lazy loading and the smaller variant', async () => {
    const { markdown, url } = await upload(await phonePhoto(3000, 2000));
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'A large photo of the display', body: markdown });
    const page = await (await ctx.http.get(`/t/${thread.threadId}/${thread.slug}`)).text();
    const [, hash, small] = /\/uploads\/([0-9a-f]{64})\.jpg\?w=1365&h=2048&s=([0-9a-f]{64})/.exec(url)!;
    expect(page).toContain(
      `<img src="/uploads/${hash}.jpg" alt="charger error" loading="lazy" decoding="async" width="1365" height="2048" srcset="/uploads/${small}.jpg 640w, /uploads/${hash}.jpg 1365w" sizes="(max-width: 760px) 100vw, 760px">`,
    );
  });
});
