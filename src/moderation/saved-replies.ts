import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { getSetting } from '../db/settings.js';
import { savedReplies, users } from '../db/schema.js';
import { bodyError, normalizeText } from '../forum/validation.js';
import { msg, type Message } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, NotFound, ValidationError } from '../lib/errors.js';
import { characterCount } from '../lib/text.js';
import { requireStaff } from './staff.js';

/*
 * Saved replies: answers the team gives again and again ("how to descale", "where to find the
 * serial number"), kept once and inserted into a reply box. Shared by the whole team: any staff
 * member reads, adds, changes and deletes them. They are never shown to members as such: a saved
 * reply becomes public only as the text of a reply its user sends.
 */

export const SAVED_REPLY_TITLE_MAX = 120;
/** A reusable answer, not an article: the thread page carries every one of them for the picker. */
export const SAVED_REPLY_BODY_MAX = 5_000;
export const SAVED_REPLIES_PAGE_SIZE = 50;
/** The picker lists this many, by title; a team with more would want a search instead. */
export const SAVED_REPLY_PICKER_MAX = 200;

export type SavedReplyRow = { id: number; title: string; body: string; updatedBy: string | null; updatedAt: number };
export type SavedReplyChoice = { id: number; title: string; body: string };

function titleError(title: string): Message | undefined {
  if (title.length === 0) return msg('savedReplies.titleMissing');
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(title)) return msg('validation.titleControlCharacters');
  if (characterCount(title) > SAVED_REPLY_TITLE_MAX) return msg('savedReplies.titleTooLong', { max: SAVED_REPLY_TITLE_MAX, length: characterCount(title) });
  return undefined;
}

function validated(input: { title: unknown; body: unknown }): { title: string; body: string } {
  const title = normalizeText(input.title).trim();
  const body = normalizeText(input.body);
  const tooLong = characterCount(body) > SAVED_REPLY_BODY_MAX ? msg('savedReplies.bodyTooLong', { max: SAVED_REPLY_BODY_MAX, length: characterCount(body) }) : undefined;
  assertValid({ title: titleError(title), body: bodyError(body) ?? tooLong });
  return { title, body: body.trim() };
}

function replyNotFound(): NotFound {
  return new NotFound(msg('savedReplies.notFound'));
}

/** Alphabetical by title, keyset-paged after the reply `after` (its id). */
export function listSavedReplies(ctx: ServiceContext, viewer: Viewer, input: { after: number | null }): { replies: SavedReplyRow[]; nextCursor: number | null } {
  requireStaff(viewer);
  const from = input.after === null ? undefined : ctx.db.select({ title: savedReplies.title, id: savedReplies.id }).from(savedReplies).where(eq(savedReplies.id, input.after)).get();
  const rows = ctx.db
    .select({ id: savedReplies.id, title: savedReplies.title, body: savedReplies.body, updatedBy: users.username, updatedAt: savedReplies.updatedAt })
    .from(savedReplies)
    .leftJoin(users, eq(users.id, savedReplies.updatedById))
    .where(from ? or(gt(savedReplies.title, from.title), and(eq(savedReplies.title, from.title), gt(savedReplies.id, from.id))) : undefined)
    .orderBy(asc(savedReplies.title), asc(savedReplies.id))
    .limit(SAVED_REPLIES_PAGE_SIZE + 1)
    .all();
  const replies = rows.slice(0, SAVED_REPLIES_PAGE_SIZE);
  return { replies, nextCursor: rows.length > SAVED_REPLIES_PAGE_SIZE ? (replies.at(-1)?.id ?? null) : null };
}

export function getSavedReply(ctx: ServiceContext, viewer: Viewer, id: number): SavedReplyChoice {
  requireStaff(viewer);
  const found = ctx.db.select({ id: savedReplies.id, title: savedReplies.title, body: savedReplies.body }).from(savedReplies).where(eq(savedReplies.id, id)).get();
  if (!found) throw replyNotFound();
  return found;
}

export function createSavedReply(ctx: ServiceContext, viewer: Viewer, input: { title: unknown; body: unknown }): { id: number } {
  const actor = requireStaff(viewer);
  const values = validated(input);
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      bumpVersion(tx);
      return tx.insert(savedReplies).values({ ...values, createdById: actor.id, updatedById: actor.id, createdAt: now, updatedAt: now }).returning({ id: savedReplies.id }).get();
    },
    { behavior: 'immediate' },
  );
}

export function updateSavedReply(ctx: ServiceContext, viewer: Viewer, input: { id: number; title: unknown; body: unknown }): void {
  const actor = requireStaff(viewer);
  const values = validated(input);
  ctx.db.transaction(
    (tx) => {
      const changed = tx.update(savedReplies).set({ ...values, updatedById: actor.id, updatedAt: ctx.now() }).where(eq(savedReplies.id, input.id)).run();
      if (changed.changes === 0) throw replyNotFound();
      bumpVersion(tx);
    },
    { behavior: 'immediate' },
  );
}

export function deleteSavedReply(ctx: ServiceContext, viewer: Viewer, input: { id: number }): void {
  requireStaff(viewer);
  ctx.db.transaction(
    (tx) => {
      const deleted = tx.delete(savedReplies).where(eq(savedReplies.id, input.id)).run();
      if (deleted.changes === 0) throw replyNotFound();
      bumpVersion(tx);
    },
    { behavior: 'immediate' },
  );
}

const VERSION_KEY = 'saved_replies_version';

/**
 * Every add, edit and delete counts up the saved replies' version, in its own transaction: the
 * kept reply form with the picker is keyed by it. A counter, not max(updated_at): two changes in
 * one millisecond would leave a time unchanged.
 */
function bumpVersion(tx: Tx): void {
  tx.run(sql`insert into settings (key, value) values (${VERSION_KEY}, '1') on conflict (key) do update set value = cast(value as integer) + 1`);
}

/** Names the current set of saved replies (read on every staff view of a thread page). */
export function savedRepliesVersion(db: Db): string {
  return getSetting(db, VERSION_KEY) ?? '0';
}

/** The picker's choices, by title. */
export function listSavedReplyChoices(ctx: ServiceContext, viewer: Viewer): SavedReplyChoice[] {
  requireStaff(viewer);
  return ctx.db.select({ id: savedReplies.id, title: savedReplies.title, body: savedReplies.body }).from(savedReplies).orderBy(asc(savedReplies.title), asc(savedReplies.id)).limit(SAVED_REPLY_PICKER_MAX).all();
}

/**
 * The reply box's text with a saved reply added at its end, for the picker's no-JavaScript step.
 * `savedReply` is the form's value: an unknown or empty choice says what to do instead.
 */
export function insertSavedReply(ctx: ServiceContext, viewer: Viewer, input: { text: string; savedReply: unknown }): string {
  requireStaff(viewer);
  const id = typeof input.savedReply === 'string' && /^[1-9][0-9]{0,14}$/.test(input.savedReply) ? Number(input.savedReply) : null;
  if (id === null) throw new ValidationError({ savedReply: msg('savedReplies.chooseOne') });
  const chosen = ctx.db.select({ body: savedReplies.body }).from(savedReplies).where(eq(savedReplies.id, id)).get();
  if (!chosen) throw new ValidationError({ savedReply: msg('savedReplies.goneChooseAnother') });
  const text = input.text.trimEnd();
  return text ? `${text}\n\n${chosen.body}` : chosen.body;
}
