import { asc, eq } from 'drizzle-orm';
import { categories, threadKeys, threads, users } from '../db/schema.js';
import { createThread } from '../forum/threads.js';
import { normalizeText, titleError } from '../forum/validation.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { msg, type Message } from '../i18n/message.js';
import { assertValid, Forbidden, NotFound, Unauthenticated, ValidationError } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import type { ApiPrincipal } from './api-keys.js';
import { brandAccount } from './brand-account.js';
import { canAttachThreadKey, canRegisterEmbedThreads } from './permissions.js';

// A brand's key (a help-article id) names the thread that discusses that article. Threads are
// only ever created for a key by an authenticated server (POST /api/v1/embed/threads) or a
// manager: never from whatever URL a browser hands us.

export const THREAD_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const SUMMARY_MAX = 1000;

export function threadKeyError(key: string): Message | undefined {
  if (key === '') return msg('threadKey.keyEmpty');
  return THREAD_KEY_PATTERN.test(key) ? undefined : msg('threadKey.keyInvalid');
}

export type KeyedThread = { id: number; title: string; slug: string; status: string };

export function findThreadByKey(ctx: ServiceContext, key: string): KeyedThread | null {
  return (
    ctx.db
      .select({ id: threads.id, title: threads.title, slug: threads.slug, status: threads.status })
      .from(threadKeys)
      .innerJoin(threads, eq(threads.id, threadKeys.threadId))
      .where(eq(threadKeys.key, key))
      .get() ?? null
  );
}

/** A thread's keys, for the staff who may attach them. */
export function getThreadKeys(ctx: ServiceContext, viewer: Viewer, threadId: number) {
  if (viewer === null) throw new Unauthenticated(msg('threadKey.logIn'));
  const thread = ctx.db.select({ id: threads.id, title: threads.title, slug: threads.slug, categoryId: threads.categoryId }).from(threads).where(eq(threads.id, threadId)).get();
  if (!thread) throw new NotFound(msg('threadKey.threadMissing'));
  if (!canAttachThreadKey(viewer, thread.categoryId)) throw new Forbidden(msg('threadKey.managersOnly'));
  const keys = ctx.db.select({ key: threadKeys.key, url: threadKeys.url }).from(threadKeys).where(eq(threadKeys.threadId, thread.id)).orderBy(asc(threadKeys.key)).all();
  return { thread: { id: thread.id, title: thread.title, slug: thread.slug }, keys };
}

function articleUrlError(url: string): Message | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return undefined;
  } catch {
    // fall through to the message
  }
  return msg('embed.register.urlInvalid');
}

/** Markdown-escapes a title for use as link text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#!|~]/g, (character) => `\\${character}`);
}

/** The opening post's own sentences, in the community's language: the route writes them from the catalog. */
export type OpeningWords = { intro: string; readArticle: (link: string) => string };

export function openingPost(input: { title: string; url: string; summary: string }, words: OpeningWords): string {
  const link = `[${escapeMarkdown(input.title)}](<${new URL(input.url).href}>)`;
  return `${input.summary ? `${input.summary}\n\n` : ''}${words.intro}\n\n${words.readArticle(link)}`;
}

export type RegisterInput = { key: string; title: string; url: string; category: string; summary?: string | undefined };
/** Who the brand is: its account is made with this name on first need. */
export type Brand = { siteName: string };

// One registration per key at a time in this process, so two simultaneous calls for a new key
// make one thread (the key's primary key catches the rest, e.g. a second process).
const inFlight = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Runs `work` for a key once any other work for the same key in this process has finished. */
export async function oncePerKey<T>(ctx: ServiceContext, key: string, work: () => Promise<T>): Promise<T> {
  const running = inFlight.get(ctx.db) ?? new Map<string, Promise<unknown>>();
  inFlight.set(ctx.db, running);
  while (running.has(key)) await running.get(key)?.catch(() => undefined);
  const started = work();
  running.set(key, started);
  try {
    return await started;
  } finally {
    running.delete(key);
  }
}

/** Returns the thread registered for the key, creating it (authored by the brand account) if needed. */
export function registerEmbedThread(ctx: ServiceContext, caller: ApiPrincipal, input: RegisterInput, words: OpeningWords, brand: Brand): Promise<{ created: boolean; thread: KeyedThread }> {
  return oncePerKey(ctx, input.key, () => register(ctx, caller, input, words, brand));
}

async function register(ctx: ServiceContext, caller: ApiPrincipal, input: RegisterInput, words: OpeningWords, brand: Brand): Promise<{ created: boolean; thread: KeyedThread }> {
  const title = normalizeText(input.title).trim();
  const summary = normalizeText(input.summary ?? '').trim();
  const category = ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.category)).get();
  assertValid({
    key: threadKeyError(input.key),
    title: titleError(title),
    url: articleUrlError(input.url),
    category: category ? undefined : unknownCategory(ctx, input.category),
    summary: summary.length > SUMMARY_MAX ? msg('embed.register.summaryTooLong', { max: SUMMARY_MAX }) : undefined,
  });
  const existing = findThreadByKey(ctx, input.key);
  if (existing) return { created: false, thread: existing };
  const admin = keyAdmin(ctx, caller);
  const thread = await createArticleThread(ctx, { ...input, title, summary, words, brand, actorId: admin.id, details: { via: 'api', apiKeyId: caller.keyId } });
  return { created: true, thread };
}

export type ArticleThreadInput = { key: string; title: string; url: string; category: string; summary: string; words: OpeningWords; brand: Brand; actorId: number; details: Record<string, unknown> };

/** The brand's thread about an article, with the key linked to it and the link audited (by who asked for it). */
export async function createArticleThread(ctx: ServiceContext, input: ArticleThreadInput): Promise<KeyedThread> {
  const author = brandAccount(ctx, input.brand);
  const created = await createThread(ctx, author, { category: input.category, title: input.title, body: openingPost(input, input.words) });
  const now = ctx.now();
  ctx.db.transaction((tx) => {
    tx.insert(threadKeys).values({ key: input.key, threadId: created.threadId, url: new URL(input.url).href, createdAt: now }).run();
    recordModAction(tx, { actorId: input.actorId, action: 'thread_key_attached', targetThreadId: created.threadId, details: { key: input.key, ...input.details }, at: now });
  });
  return { id: created.threadId, title: input.title, slug: created.slug, status: created.status };
}

function unknownCategory(ctx: ServiceContext, slug: string): Message {
  const slugs = ctx.db.select({ slug: categories.slug }).from(categories).orderBy(asc(categories.position), asc(categories.id)).limit(20).all();
  if (slugs.length === 0) return msg('embed.register.noCategories', { slug });
  return msg('embed.register.unknownCategory', { slug, slugs: slugs.map((row) => row.slug).join(', ') });
}

/**
 * API-created threads are written by the brand account, on the authority of the admin who created
 * the key, and only while that user is still an admin.
 */
function keyAdmin(ctx: ServiceContext, caller: ApiPrincipal): SignedIn {
  const row = caller.createdById === null
    ? undefined
    : ctx.db.select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt, silencedUntil: users.silencedUntil }).from(users).where(eq(users.id, caller.createdById)).get();
  if (!row || !canRegisterEmbedThreads(row)) {
    throw new Forbidden(msg('embed.register.formerAdmin'));
  }
  return row;
}

/** A manager attaches a key to an existing thread (its staff tools); attaching the same key again changes nothing. */
export function attachThreadKey(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; key: unknown }): { threadId: number; slug: string; key: string } {
  const key = typeof input.key === 'string' ? input.key.trim() : '';
  assertValid({ key: threadKeyError(key) });
  if (viewer === null) throw new Unauthenticated(msg('threadKey.attachLogIn'));
  const thread = ctx.db.select({ id: threads.id, slug: threads.slug, categoryId: threads.categoryId }).from(threads).where(eq(threads.id, input.threadId)).get();
  if (!thread) throw new NotFound(msg('threadKey.threadMissing'));
  if (!canAttachThreadKey(viewer, thread.categoryId)) throw new Forbidden(msg('threadKey.attachManagersOnly'));
  const owner = findThreadByKey(ctx, key);
  if (owner?.id === thread.id) return { threadId: thread.id, slug: thread.slug, key };
  if (owner) throw new ValidationError({ key: msg('threadKey.taken', { key, title: owner.title, path: `/t/${owner.id}` }) });
  const now = ctx.now();
  ctx.db.transaction((tx) => {
    tx.insert(threadKeys).values({ key, threadId: thread.id, url: null, createdAt: now }).run();
    recordModAction(tx, { actorId: viewer.id, action: 'thread_key_attached', targetThreadId: thread.id, categoryId: thread.categoryId, details: { key }, at: now });
  });
  return { threadId: thread.id, slug: thread.slug, key };
}
