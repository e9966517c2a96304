import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { restoreDatabase } from '../../src/db/restore.js';
import { makeThread } from '../../src/demo/factories.js';
import { backupDatabase } from '../../src/operations/backup.js';
import { orphanUploadsJob } from '../../src/operations/background-jobs.js';
import { copyUploads, uploadsBesideBackup } from '../../src/operations/upload-backup.js';
import { ORPHAN_AFTER_MS } from '../../src/uploads/orphans.js';
import { localUploadStore, uploadFilePath } from '../../src/uploads/store.js';
import { createForumContext } from '../helpers/forum.js';
import { jpegFile, phonePhoto, pngImage, postMultipart } from '../helpers/uploads.js';

// What happens to upload files over time: orphans collected after a day (the job driven with the
// test's clock), and the files going along with backup and restore.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(() => ctx.close());

type Uploaded = { url: string; markdown: string };
async function upload(bytes: Uint8Array, as = ctx.member): Promise<Uploaded & { hash: string; ext: string }> {
  const response = await postMultipart(ctx, '/uploads', {}, jpegFile(bytes, 'photo.jpg'), { as, json: true });
  expect(response.status).toBe(201);
  const body = (await response.json()) as Uploaded;
  const [, hash, ext] = /^\/uploads\/([0-9a-f]{64})\.([a-z]+)/.exec(body.url)!;
  return { ...body, hash: hash!, ext: ext! };
}
const onDisk = (hash: string, ext: string) => existsSync(join(ctx.config.uploadsPath, uploadFilePath(hash, ext)));
const rowsWith = (hash: string) => (ctx.db.$client.prepare('select count(*) as n from uploads where hash = ?').get(hash) as { n: number }).n;

describe('orphaned uploads', () => {
  it('collects an image no post shows after a day, rows and files, and keeps what is used', async () => {
    const collect = orphanUploadsJob(ctx.db, localUploadStore(ctx.config.uploadsPath), silent);
    const orphan = await upload(await phonePhoto(3000, 2000));
    const smallHash = /&s=([0-9a-f]{64})/.exec(orphan.url)![1]!;
    const posted = await upload(await phonePhoto(500, 400));
    await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'A photo that stays', body: posted.markdown });
    // The same picture from two members: one posts it, the other's copy is an orphan.
    const shared = await upload(await pngImage(70, 70), ctx.member);
    const sharedByOther = await upload(await pngImage(70, 70), ctx.other);
    expect(sharedByOther.hash).toBe(shared.hash);
    await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'The shared picture', body: shared.markdown });
    // An avatar is worn, not posted.
    expect((await postMultipart(ctx, '/account/avatar', {}, { name: 'me.png', type: 'image/png', bytes: await pngImage(90, 90) }, { as: ctx.other })).status).toBe(303);

    // Younger than a day: nothing goes.
    expect(await collect(ctx.clock.now() + ORPHAN_AFTER_MS - 1)).toBe(0);
    expect(await collect(ctx.clock.now() + ORPHAN_AFTER_MS + 1)).toBe(2);
    expect(rowsWith(orphan.hash)).toBe(0);
    expect(onDisk(orphan.hash, 'jpg')).toBe(false);
    expect(onDisk(smallHash, 'jpg')).toBe(false);
    expect((await ctx.http.get(`/uploads/${orphan.hash}.jpg`, { as: ctx.member })).status).toBe(404);
    // The shared file stays for the row that is posted; its orphaned twin's row is gone.
    expect(rowsWith(shared.hash)).toBe(1);
    expect(onDisk(shared.hash, shared.ext)).toBe(true);
    expect(onDisk(posted.hash, 'jpg')).toBe(true);
    expect((await ctx.http.get(`/uploads/${posted.hash}.jpg`)).status).toBe(200);
    const avatar = ctx.db.$client.prepare('select avatar_upload_id as id from users where id = ?').get(ctx.other.id) as { id: number | null };
    expect(avatar.id).not.toBeNull();
  });

  it('keeps an image that an edit waiting for review shows', async () => {
    const collect = orphanUploadsJob(ctx.db, localUploadStore(ctx.config.uploadsPath), silent);
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Edited with a held picture', body: 'Before.' });
    const image = await upload(await pngImage(33, 33));
    ctx.db.$client.prepare("insert into pending_edits (post_id, body, body_html, body_text, render_version, editor_id, created_at) values (?, ?, '', '', 1, ?, ?)").run(thread.postId, `After: ${image.markdown}`, ctx.member.id, ctx.clock.now());
    await collect(ctx.clock.now() + ORPHAN_AFTER_MS + 1);
    expect(rowsWith(image.hash)).toBe(1);
  });
});

describe('backup and restore', () => {
  it('carry the images beside the database, and a restored community serves them', async () => {
    const image = await upload(await phonePhoto(640, 480));
    const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Backed up with its photo', body: image.markdown });
    const folder = mkdtempSync(join(tmpdir(), 'hearth-upload-backup-'));
    try {
      const backup = join(folder, 'hearth.backup.db');
      await backupDatabase(ctx.db, backup);
      expect(await copyUploads(ctx.config.uploadsPath, uploadsBesideBackup(backup))).toBeGreaterThan(0);
      // A second backup to the same place copies only what is new.
      expect(await copyUploads(ctx.config.uploadsPath, uploadsBesideBackup(backup))).toBe(0);

      const restoredPath = join(folder, 'restored', 'hearth.db');
      const restoredUploads = join(folder, 'restored', 'uploads');
      await restoreDatabase(backup, restoredPath);
      expect(await copyUploads(uploadsBesideBackup(backup), restoredUploads)).toBeGreaterThan(0);
      const db = openDatabase(restoredPath);
      try {
        const app = createApp({ db, config: testConfig({ databasePath: restoredPath, uploadsPath: restoredUploads }), markdown: ctx.services.markdown });
        const served = await app.request(`http://localhost:3000/uploads/${image.hash}.jpg`);
        expect(served.status).toBe(200);
        const original = await ctx.http.get(`/uploads/${image.hash}.jpg`);
        expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(await original.arrayBuffer()))).toBe(true);
        const page = await (await app.request(`http://localhost:3000/t/${thread.threadId}/${thread.slug}`)).text();
        expect(page).toContain(`src="/uploads/${image.hash}.jpg"`);
      } finally {
        closeDatabase(db);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
