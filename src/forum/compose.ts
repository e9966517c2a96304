import { eq, sql } from 'drizzle-orm';
import { perDatabase } from '../db/prepared.js';
import { users, type ContentStatus, type ModerationMode } from '../db/schema.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import { Forbidden, ValidationError } from '../lib/errors.js';
import type { Rendered } from '../markdown/renderer.js';
import { awaitsAddressConfirmation, containsLink, mustWait } from '../moderation/publication.js';
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

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

export function assertMayPost(ctx: ServiceContext, author: SignedIn): void {
  if (isSilenced(author, ctx.now())) {
    const reason = ctx.db.select({ reason: users.silenceReason }).from(users).where(eq(users.id, author.id)).get()?.reason;
    throw new Forbidden(
      `You have been silenced until ${dateFormat.format(author.silencedUntil ?? 0)}${reason ? ` (${reason})` : ''}, so you cannot post or flag until then. You can still read everything.`,
    );
  }
}

/**
 * The checks every new or edited post goes through, in order: watched words that block it, then
 * the category's pre-moderation, then rendering (with censored words masked in the HTML only:
 * the author's text is kept as written).
 */
export async function composePost(
  ctx: ServiceContext,
  author: SignedIn,
  input: { mode: ModerationMode; body: string; title?: string },
): Promise<Composed> {
  const words = loadWatchedWords(ctx.db);
  const bodyMatches = findWatchedWords(input.body, words);
  const titleMatches = input.title ? findWatchedWords(input.title, words) : [];
  const blocked = [...titleMatches, ...bodyMatches].find((match) => match.action === 'block');
  if (blocked) {
    const field = titleMatches.includes(blocked) ? 'title' : 'body';
    throw new ValidationError({
      [field]: `This community does not allow “${blocked.word}”. Please remove it and post again — your text is kept below.`,
    });
  }
  const facts = authorFacts(ctx.db).get({ userId: author.id });
  // An author with no row (the command line's system user) counts as confirmed.
  const awaitsConfirmation = awaitsAddressConfirmation(author, facts === undefined || facts.emailVerifiedAt !== null);
  const waits = awaitsConfirmation || mustWait(author, {
    mode: input.mode,
    approvedPosts: facts?.postCount ?? 0,
    hasLink: containsLink(input.body),
    watchedQueue: [...titleMatches, ...bodyMatches].some((match) => match.action === 'queue'),
  });
  const rendered = await ctx.markdown.render(censor(input.body, bodyMatches));
  return { status: waits ? 'pending' : 'published', rendered, awaitsConfirmation };
}

/** Titles are plain text: censored words are masked in the stored title itself. */
export function censorTitle(ctx: ServiceContext, title: string): string {
  return censor(title, findWatchedWords(title, loadWatchedWords(ctx.db)));
}
