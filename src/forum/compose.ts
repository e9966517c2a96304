import { eq, sql } from 'drizzle-orm';
import { perDatabase } from '../db/prepared.js';
import { users, type ContentStatus, type ModerationMode } from '../db/schema.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { Forbidden, ValidationError } from '../lib/errors.js';
import type { Rendered } from '../markdown/renderer.js';
import { addsLink, awaitsAddressConfirmation, containsLink, mustHoldEdit, mustWait } from '../moderation/publication.js';
import { censor, findWatchedWords, loadWatchedWords } from '../moderation/watched-words.js';
import { isSilenced } from './permissions.js';

/**
 * `awaitsConfirmation`: the author has not confirmed their address, so the post waits for that,
 * with no review item (it is not the managers' work yet); confirming decides it again.
 */
export type Composed = { status: ContentStatus; rendered: Rendered; awaitsConfirmation: boolean };

// Every new post reads it: prepared once per database.
const authorFacts = perDatabase((db) =>
  db.select({ postCount: users.postCount, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, sql.placeholder('userId'))).prepare(),
);

/** A member's current silence: until when, and the reason staff gave (shown to them). */
export type Silence = { until: number; reason: string | null };

/** The viewer's silence, or null; reads the reason only for a member who is silenced. */
export function silenceOf(ctx: ServiceContext, viewer: Viewer): Silence | null {
  if (viewer === null || !isSilenced(viewer, ctx.now())) return null;
  const reason = ctx.db.select({ reason: users.silenceReason }).from(users).where(eq(users.id, viewer.id)).get()?.reason ?? null;
  return { until: viewer.silencedUntil ?? 0, reason };
}

export function assertMayPost(ctx: ServiceContext, author: SignedIn): void {
  const silence = silenceOf(ctx, author);
  if (silence) {
    const until = new Date(silence.until);
    throw new Forbidden(silence.reason ? msg('compose.silencedWithReason', { until, reason: silence.reason }) : msg('compose.silenced', { until }));
  }
}

/**
 * The checks every new or edited post goes through, in order: watched words that block it, then
 * the category's pre-moderation, then rendering (with censored words masked in the HTML only:
 * the author's text is kept as written). `previousBody` marks an edit of a published post, which
 * waits by the edit rules (mustHoldEdit); status `pending` then means the edit is held.
 */
export async function composePost(
  ctx: ServiceContext,
  author: SignedIn,
  input: { mode: ModerationMode; body: string; title?: string; previousBody?: string },
): Promise<Composed> {
  const words = loadWatchedWords(ctx.db);
  const bodyMatches = findWatchedWords(input.body, words);
  const titleMatches = input.title ? findWatchedWords(input.title, words) : [];
  const blocked = [...titleMatches, ...bodyMatches].find((match) => match.action === 'block');
  if (blocked) {
    const field = titleMatches.includes(blocked) ? 'title' : 'body';
    throw new ValidationError({ [field]: msg('compose.blockedWord', { word: blocked.word }) });
  }
  const known = authorFacts(ctx.db).get({ userId: author.id });
  const edit = input.previousBody !== undefined;
  // An author with no row (the command line's system user) counts as confirmed. An edit of a
  // published post is judged by the edit rules alone: the post is already public.
  const awaitsConfirmation = !edit && awaitsAddressConfirmation(author, known === undefined || known.emailVerifiedAt !== null);
  const facts = {
    mode: input.mode,
    approvedPosts: known?.postCount ?? 0,
    hasLink: edit ? addsLink(input.previousBody!, input.body) : containsLink(input.body),
    watchedQueue: [...titleMatches, ...bodyMatches].some((match) => match.action === 'queue'),
  };
  const waits = awaitsConfirmation || (edit ? mustHoldEdit(author, facts) : mustWait(author, facts));
  const rendered = await ctx.markdown.render(censor(input.body, bodyMatches));
  return { status: waits ? 'pending' : 'published', rendered, awaitsConfirmation };
}

/** Titles are plain text: censored words are masked in the stored title itself. */
export function censorTitle(ctx: ServiceContext, title: string): string {
  return censor(title, findWatchedWords(title, loadWatchedWords(ctx.db)));
}
