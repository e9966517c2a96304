import { eq } from 'drizzle-orm';
import { uploads, users } from '../db/schema.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Unauthenticated } from '../lib/errors.js';
import { receiveUpload, type UploadServices } from './receive.js';
import { uploadUrl } from './urls.js';

/** The member's uploaded picture's address, or null. */
export function avatarOf(ctx: ServiceContext, viewer: Viewer): string | null {
  if (viewer === null) return null;
  const row = ctx.db
    .select({ hash: uploads.hash, ext: uploads.ext })
    .from(users)
    .innerJoin(uploads, eq(uploads.id, users.avatarUploadId))
    .where(eq(users.id, viewer.id))
    .get();
  return row ? uploadUrl(row.hash, row.ext) : null;
}

/**
 * A new picture: cropped square (src/uploads/image.ts) and worn at once. The one it replaces is
 * no longer anyone's avatar and goes with the next collection of orphaned uploads.
 */
export async function uploadAvatar(ctx: UploadServices, viewer: Viewer, input: { bytes: Uint8Array; name: string }): Promise<string> {
  const upload = await receiveUpload(ctx, viewer, { ...input, purpose: 'avatar' });
  ctx.db.update(users).set({ avatarUploadId: upload.id }).where(eq(users.id, viewer!.id)).run();
  return upload.url;
}

export function removeAvatar(ctx: ServiceContext, viewer: Viewer): void {
  if (viewer === null) throw new Unauthenticated(msg('upload.logIn'));
  ctx.db.update(users).set({ avatarUploadId: null }).where(eq(users.id, viewer.id)).run();
}
