import { asc, isNull } from 'drizzle-orm';
import { categories } from '../db/schema.js';
import { assertMayPost } from '../forum/compose.js';
import { createReply } from '../forum/posts.js';
import { bodyError, normalizeText } from '../forum/validation.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, NotFound, Unauthenticated, ValidationError } from '../lib/errors.js';
import { createArticleThread, findThreadByKey, oncePerKey, threadKeyError, type Brand, type OpeningWords } from './thread-keys.js';

// "Start a discussion about this article", from the frame of a key no thread has yet
// (docs/decisions/0049-embed-sessions.md). The brand account opens the thread with the article's
// title and link, the member's question is its first reply. The title is read from the article
// itself, which must be on the embedding site: nothing the brand account says comes from the
// member or the browser.

export type StartInput = {
  key: string;
  /** The article's address (the loader's `article`), on the page origin the frame is for. */
  url: string | undefined;
  hostOrigin: string;
  question: unknown;
  submission?: unknown;
  brand: Brand;
  words: OpeningWords;
  readTitle: (url: string) => Promise<string | null>;
};

function articleUrl(url: string | undefined, hostOrigin: string): string | null {
  try {
    const parsed = new URL(url ?? '');
    parsed.hash = '';
    return parsed.origin === hostOrigin ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Where an article's discussion goes: the first open questions category, else the first open one. */
function discussionCategory(ctx: ServiceContext): string {
  const open = ctx.db.select({ slug: categories.slug, kind: categories.kind }).from(categories).where(isNull(categories.archivedAt)).orderBy(asc(categories.position), asc(categories.id)).all();
  const chosen = open.find((category) => category.kind === 'questions') ?? open[0];
  if (!chosen) throw new NotFound(msg('embedStart.noCategory'));
  return chosen.slug;
}

export async function startArticleDiscussion(ctx: ServiceContext, viewer: Viewer, input: StartInput) {
  const question = normalizeText(input.question);
  const url = articleUrl(input.url, input.hostOrigin);
  assertValid({ key: threadKeyError(input.key), question: bodyError(question), url: url ? undefined : msg('embedStart.articleElsewhere') });
  if (viewer === null) throw new Unauthenticated(msg('reply.logIn'));
  assertMayPost(ctx, viewer);
  const thread = await oncePerKey(ctx, input.key, async () => {
    // Someone may have started it meanwhile: then the question joins theirs.
    const existing = findThreadByKey(ctx, input.key);
    if (existing) return existing;
    const title = await input.readTitle(url!);
    if (title === null) throw new ValidationError({ question: msg('embedStart.articleUnreadable') });
    const category = discussionCategory(ctx);
    return createArticleThread(ctx, { key: input.key, title: title.slice(0, 150), url: url!, category, summary: '', words: input.words, brand: input.brand, actorId: viewer.id, details: { via: 'embed' } });
  });
  const reply = await createReply(ctx, viewer, { threadId: thread.id, body: question, submission: input.submission });
  return { threadId: thread.id, status: reply.status };
}
