import { asc, eq, inArray, sql } from 'drizzle-orm';
import { categories, profileFields, profileFieldValues, threads, uploads, users } from '../db/schema.js';
import { avatarUrl } from './avatar.js';
import type { Db } from '../db/client.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Unauthenticated, assertValid, type ErrorText } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { bioError, displayNameError, fieldValueError, impersonationKey, normalizeProfileText } from './profile-text.js';
import { usernameKeyTaken } from './username-keys.js';

// What a member says about themselves on /account: display name, bio and the admin's fields.

export type ProfileFieldValue = { id: number; label: string; value: string };
export type OwnProfile = { displayName: string; bio: string; fields: ProfileFieldValue[] };
/** What the member sent: `fields` by field id. */
export type ProfileInput = { displayName: string; bio: string; fields: Record<number, string> };

/** Every field the admin defined, in order, with the member's value ('' when none). */
export function profileFieldValuesOf(db: Db, userId: number): ProfileFieldValue[] {
  const values = new Map(
    db.select({ fieldId: profileFieldValues.fieldId, value: profileFieldValues.value }).from(profileFieldValues).where(eq(profileFieldValues.userId, userId)).all().map((row) => [row.fieldId, row.value]),
  );
  return db
    .select({ id: profileFields.id, label: profileFields.label })
    .from(profileFields)
    .orderBy(asc(profileFields.position), asc(profileFields.id))
    .all()
    .map((field) => ({ ...field, value: values.get(field.id) ?? '' }));
}

export function ownProfile(ctx: ServiceContext, viewer: Viewer): OwnProfile {
  if (!viewer) throw new Unauthenticated(msg('account.signInFirst'));
  const row = ctx.db.select({ displayName: users.displayName, bio: users.bio }).from(users).where(eq(users.id, viewer.id)).get();
  return { displayName: row?.displayName ?? '', bio: row?.bio ?? '', fields: profileFieldValuesOf(ctx.db, viewer.id) };
}

/** The member's picture as others see it: their upload, else their generated initials. */
export function ownAvatarUrl(ctx: ServiceContext, viewer: Viewer): string {
  if (!viewer) throw new Unauthenticated(msg('account.signInFirst'));
  const row = ctx.db
    .select({ username: users.username, displayName: users.displayName, avatarHash: uploads.hash, avatarExt: uploads.ext })
    .from(users)
    .leftJoin(uploads, eq(uploads.id, users.avatarUploadId))
    .where(eq(users.id, viewer.id))
    .get();
  return row ? avatarUrl(row) : avatarUrl({ username: viewer.username, displayName: null, avatarHash: null, avatarExt: null });
}

/**
 * A display name may not be another member's username (or an old one that leads to them), compared
 * by impersonationKey: "@alice" or "ＡＬＩＣＥ" beside someone else's @username would pass for Alice.
 */
function impersonates(ctx: ServiceContext, userId: number, displayName: string): boolean {
  const key = impersonationKey(displayName);
  return key.length > 0 && usernameKeyTaken(ctx.db, key, userId);
}

function checkProfile(ctx: ServiceContext, userId: number, input: ProfileInput, fieldIds: number[]) {
  const displayName = normalizeProfileText(input.displayName);
  const bio = normalizeProfileText(input.bio);
  const fields = new Map(fieldIds.map((id) => [id, normalizeProfileText(input.fields[id])]));
  const errors: Record<string, ErrorText | undefined> = {
    displayName: displayNameError(displayName) ?? (impersonates(ctx, userId, displayName) ? msg('profile.edit.nameIsUsername') : undefined),
    bio: bioError(bio),
  };
  for (const [id, value] of fields) errors[`field-${id}`] = fieldValueError(value);
  assertValid(errors);
  return { displayName, bio, fields };
}

/** Saves the member's profile; empty values are removed. Pages showing the name are renewed by the version trigger (migration 0025). */
export function updateProfile(ctx: ServiceContext, viewer: Viewer, input: ProfileInput): void {
  if (!viewer) throw new Unauthenticated(msg('account.signInFirst'));
  const fieldIds = ctx.db.select({ id: profileFields.id }).from(profileFields).all().map((field) => field.id);
  const checked = checkProfile(ctx, viewer.id, input, fieldIds);
  ctx.db.transaction(
    (tx) => {
      const current = tx.select({ displayName: users.displayName, bio: users.bio }).from(users).where(eq(users.id, viewer.id)).get();
      const displayName = checked.displayName || null;
      const bio = checked.bio || null;
      // The name is written only when it changed: its trigger renews every thread the member posted in.
      if (current?.displayName !== displayName) {
        tx.update(users).set({ displayName }).where(eq(users.id, viewer.id)).run();
        // Category lists (and so the home page's version) show who started each thread; the
        // trigger renews only thread pages.
        tx.update(categories).set({ version: sql`${categories.version} + 1` }).where(inArray(categories.id, tx.selectDistinct({ id: threads.categoryId }).from(threads).where(eq(threads.authorId, viewer.id)))).run();
      }
      if (current?.bio !== bio) tx.update(users).set({ bio }).where(eq(users.id, viewer.id)).run();
      tx.delete(profileFieldValues).where(eq(profileFieldValues.userId, viewer.id)).run();
      const rows = [...checked.fields].filter(([, value]) => value.length > 0).map(([fieldId, value]) => ({ userId: viewer.id, fieldId, value }));
      if (rows.length > 0) tx.insert(profileFieldValues).values(rows).run();
    },
    { behavior: 'immediate' },
  );
}
