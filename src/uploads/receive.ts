import { and, eq, gte, sql } from 'drizzle-orm';
import { uploads, type UploadPurpose } from '../db/schema.js';
import { assertMayPost } from '../forum/compose.js';
import { isStaff } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { RateLimited, Unauthenticated, ValidationError } from '../lib/errors.js';
import { processImage, type EncodedImage } from './image.js';
import { inFlightLimit } from './in-flight.js';
import { keepsAnimation } from './settings.js';
import type { UploadStore } from './store.js';
import { postImageMarkdown, postImageUrl, uploadUrl } from './urls.js';

/** A member's uploads per rolling day: this many images, or this many bytes stored, whichever comes first. Staff have none. */
export const DAILY_UPLOADS = 50;
export const DAILY_UPLOAD_BYTES = 100 * 1024 * 1024;
const DAY = 24 * 60 * 60_000;

/** Three decodes at a time per process (src/uploads/in-flight.ts). */
const decodeTurn = inFlightLimit(3);

export type UploadServices = ServiceContext & { store: UploadStore; maxBytes: number };
export type ReceivedUpload = { id: number; url: string; markdown: string; hash: string; ext: string };

function checkSize(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.byteLength === 0) throw new ValidationError({ file: msg('upload.empty') });
  if (bytes.byteLength > maxBytes) throw new ValidationError({ file: msg('upload.tooLarge', { megabytes: Math.floor(maxBytes / (1024 * 1024)) || 1 }) });
}

/** The quota: how much the member stored in the last day, read by uploads_user_created_idx. */
function checkQuota(ctx: ServiceContext, userId: number): void {
  const since = ctx.now() - DAY;
  const used = ctx.db
    .select({ count: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(${uploads.bytes}), 0)` })
    .from(uploads)
    .where(and(eq(uploads.userId, userId), gte(uploads.createdAt, since)))
    .get()!;
  if (used.count >= DAILY_UPLOADS || used.bytes >= DAILY_UPLOAD_BYTES) {
    throw new RateLimited(msg('upload.quota', { count: DAILY_UPLOADS }), 60 * 60);
  }
}

async function storeFiles(store: UploadStore, files: (EncodedImage | null)[]): Promise<void> {
  for (const file of files) if (file) await store.put(file.hash, file.ext, file.bytes);
}

/**
 * Receives an image from a member who may post: checks size and quota, decodes and re-encodes it
 * (src/uploads/image.ts), stores the files by hash, then records the row. The files go first: a
 * row never points at a missing file, and files without a row are what the orphan sweep removes.
 */
export async function receiveUpload(ctx: UploadServices, viewer: Viewer, input: { bytes: Uint8Array; name: string; purpose: UploadPurpose }): Promise<ReceivedUpload> {
  if (viewer === null) throw new Unauthenticated(msg('upload.logIn'));
  assertMayPost(ctx, viewer);
  checkSize(input.bytes, ctx.maxBytes);
  if (!isStaff(viewer)) checkQuota(ctx, viewer.id);
  const keepAnimation = keepsAnimation(ctx.db);
  const image = await decodeTurn(() => processImage(input.bytes, { purpose: input.purpose, keepAnimation }));
  await storeFiles(ctx.store, [image.main, image.small]);
  const { main, small } = image;
  const row = ctx.db
    .insert(uploads)
    .values({
      userId: viewer.id, purpose: input.purpose, hash: main.hash, ext: main.ext, bytes: main.bytes.byteLength + (small?.bytes.byteLength ?? 0),
      width: main.width, height: main.height, smallHash: small?.hash ?? null, smallWidth: small?.width ?? null, smallHeight: small?.height ?? null,
      animated: image.animated, createdAt: ctx.now(),
    })
    .returning({ id: uploads.id })
    .get();
  const post = { hash: main.hash, ext: main.ext, width: main.width, height: main.height, small: small ? { hash: small.hash, width: small.width } : null };
  const url = input.purpose === 'post' ? postImageUrl(post) : uploadUrl(main.hash, main.ext);
  return { id: row.id, url, markdown: postImageMarkdown(post, altText(input.name)), hash: main.hash, ext: main.ext };
}

/** A starting alt text from the file's name ("charger-error.jpg" → "charger error"); the member can change it. */
function altText(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return base.replace(/[-_]+/g, ' ').trim() || 'image';
}
