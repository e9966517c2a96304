import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThread } from '../../src/demo/factories.js';
import { createForumContext, location } from '../helpers/forum.js';
import { htmlAsPng, jpegFile, phonePhoto, pngImage, postMultipart } from '../helpers/uploads.js';

// The composers without JavaScript: "Upload image" (intent=upload) stores the image and shows the
// same form again with the typed text and the image's markdown; nothing is posted. And the
// member's picture on /account.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let thread: { threadId: number; postId: number; slug: string };
beforeAll(async () => {
  ctx = await createForumContext();
  thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'The kettle shows E4', body: 'What does E4 mean?' });
});
afterAll(() => ctx.close());

const count = (sql: string) => (ctx.db.$client.prepare(sql).get() as { n: number }).n;
const imageMarkdown = /!\[charger error\]\(\/uploads\/[0-9a-f]{64}\.jpg\?w=200&amp;h=300\)/;

describe('the composers without JavaScript', () => {
  it('shows every composer as a multipart form with a file field and an "Upload image" button', async () => {
    for (const path of ['/new?category=kettles', `/t/${thread.threadId}/${thread.slug}`, `/p/${thread.postId}/edit`]) {
      const page = await (await ctx.http.get(path, { as: ctx.member })).text();
      expect(page).toMatch(/<form method="post" action="[^"]+" class="post-form" enctype="multipart\/form-data"/);
      expect(page).toContain('<input type="file" id="field-file" name="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif"');
      expect(page).toContain('<button type="submit" name="intent" value="upload" class="button-secondary image-upload-button" formnovalidate>Upload image</button>');
    }
  });

  it('a reply: the thread again with the typed text and the image, nothing posted', async () => {
    const posts = count('select count(*) as n from posts');
    const response = await postMultipart(ctx, `/t/${thread.threadId}/replies`, { body: 'Here is the display:', submission: 'reply-token-1', intent: 'upload' }, jpegFile(await phonePhoto()), { as: ctx.other });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(new RegExp(`Here is the display:\\n\\n${imageMarkdown.source}\\n</textarea>`));
    expect(page).toContain('name="submission" value="reply-token-1"');
    expect(count('select count(*) as n from posts')).toBe(posts);
  });

  it('a reply with a file chosen but "Post reply" pressed is an upload step too: the file is never dropped', async () => {
    const posts = count('select count(*) as n from posts');
    const response = await postMultipart(ctx, `/t/${thread.threadId}/replies`, { body: 'Sent with the photo', submission: 'reply-token-2' }, jpegFile(await phonePhoto()), { as: ctx.other });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(imageMarkdown);
    expect(count('select count(*) as n from posts')).toBe(posts);
    // The form sent again without a file posts the reply, multipart or not.
    const posted = await postMultipart(ctx, `/t/${thread.threadId}/replies`, { body: 'Sent with the photo', submission: 'reply-token-2' }, null, { as: ctx.other });
    expect(location(posted)).toContain(`/t/${thread.threadId}/`);
    expect(count('select count(*) as n from posts')).toBe(posts + 1);
  });

  it('a new thread keeps its category, title and text', async () => {
    const response = await postMultipart(ctx, '/t', { category: 'kettles', title: 'Display photo', body: 'Look at this', submission: 'thread-token', intent: 'upload' }, jpegFile(await phonePhoto()), { as: ctx.member });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<option value="kettles" selected>');
    expect(page).toContain('value="Display photo"');
    expect(page).toMatch(new RegExp(`Look at this\\n\\n${imageMarkdown.source}\\n</textarea>`));
  });

  it('an edit keeps the text being edited', async () => {
    const response = await postMultipart(ctx, `/p/${thread.postId}/edit`, { title: 'The kettle shows E4', body: 'What does E4 mean? Photo:', intent: 'upload' }, jpegFile(await phonePhoto()), { as: ctx.member });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(new RegExp(`What does E4 mean\\? Photo:\\n\\n${imageMarkdown.source}\\n</textarea>`));
    expect((ctx.db.$client.prepare('select body from posts where id = ?').get(thread.postId) as { body: string }).body).toBe('What does E4 mean?');
  });

  it('a file that is not an image comes back with 422, the reason beside the field and the text kept', async () => {
    const response = await postMultipart(ctx, `/t/${thread.threadId}/replies`, { body: 'My half-written reply', submission: 'reply-token-3', intent: 'upload' }, { name: 'photo.png', type: 'image/png', bytes: htmlAsPng }, { as: ctx.other });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('My half-written reply</textarea>');
    expect(page).toContain('<p class="field-error" id="field-file-error">That file is not an image we can use. Please choose a JPEG, PNG, WebP, GIF or AVIF picture.</p>');
  });

  it('"Upload image" with no file chosen asks for one and keeps the text', async () => {
    const response = await postMultipart(ctx, '/t', { category: 'kettles', title: 'No file', body: 'Text stays', intent: 'upload' }, null, { as: ctx.member });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('Please choose an image to upload first.');
    expect(page).toContain('Text stays</textarea>');
  });

  it('an image larger than UPLOAD_MAX_BYTES is refused with the limit named, in JSON and in the page', async () => {
    const small = await createForumContext({ uploadMaxBytes: 1024 * 1024 });
    try {
      // Noise does not compress: 620 × 620 × 3 bytes is a PNG of about 1.1 MB.
      const noise = await sharp(randomBytes(620 * 620 * 3), { raw: { width: 620, height: 620, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
      expect(noise.byteLength).toBeGreaterThan(1024 * 1024);
      expect(noise.byteLength).toBeLessThan(1024 * 1024 + 200 * 1024);
      // Past the body limit (the image plus room for the form): 413 before anything is read.
      const huge = { name: 'huge.png', type: 'image/png', bytes: new Uint8Array(1024 * 1024 + 300 * 1024) };
      const json = await postMultipart(small, '/uploads', {}, huge, { as: small.member, json: true });
      expect(json.status).toBe(413);
      expect(await json.json()).toEqual({ error: { message: 'That image is larger than 1 MB. Please choose a smaller one or shrink it first.' } });
      // Within the body limit but over the image limit: 422 from the check itself, text kept.
      const page = await postMultipart(small, '/t', { category: 'kettles', title: 'Too big', body: 'Kept text', intent: 'upload' }, { name: 'noise.png', type: 'image/png', bytes: noise }, { as: small.member });
      expect(page.status).toBe(422);
      const text = await page.text();
      expect(text).toContain('That image is larger than 1 MB.');
      expect(text).toContain('Kept text</textarea>');
    } finally {
      await small.close();
    }
  });
});

describe('the member\'s picture', () => {
  it('uploads a square avatar, public at once, and removes it', async () => {
    const response = await postMultipart(ctx, '/account/avatar', {}, { name: 'me.png', type: 'image/png', bytes: await pngImage(400, 300) }, { as: ctx.member });
    expect(location(response)).toBe('/account?done=avatar');
    const row = ctx.db.$client.prepare('select u.hash, u.ext, u.purpose, u.width, u.height from users join uploads u on u.id = users.avatar_upload_id where users.id = ?').get(ctx.member.id) as { hash: string; ext: string; purpose: string; width: number; height: number };
    expect(row).toMatchObject({ purpose: 'avatar', width: 256, height: 256 });
    const page = await (await ctx.http.get('/account?done=avatar', { as: ctx.member })).text();
    expect(page).toContain('Your picture is saved.');
    expect(page).toContain(`<img class="avatar-preview" src="/uploads/${row.hash}.${row.ext}"`);
    const served = await ctx.http.get(`/uploads/${row.hash}.${row.ext}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, s-maxage=300, immutable');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(256);

    expect(location(await ctx.http.post('/account/avatar/remove', {}, { as: ctx.member }))).toBe('/account?done=avatar-removed');
    expect(ctx.db.$client.prepare('select avatar_upload_id as id from users where id = ?').get(ctx.member.id)).toEqual({ id: null });
  });

  it('refuses a file that is not an image on the account page itself, with 422', async () => {
    const response = await postMultipart(ctx, '/account/avatar', {}, { name: 'me.svg', type: 'image/svg+xml', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') }, { as: ctx.member });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('<p class="field-error" id="field-avatar-error">That file is not an image we can use.');
  });

  it('sends visitors to sign in', async () => {
    expect(location(await postMultipart(ctx, '/account/avatar', {}, { name: 'me.png', type: 'image/png', bytes: await pngImage() }))).toBe('/login?next=%2Faccount%2Favatar');
    expect(location(await ctx.http.post('/account/avatar/remove', {}))).toBe('/login?next=%2Faccount%2Favatar%2Fremove');
  });
});
