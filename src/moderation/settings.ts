import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { categories, categoryKinds, moderationModes, threads, users, watchedWordActions, watchedWords, type CategoryKind, type ModerationMode, type PollCreators, type WatchedWordAction } from '../db/schema.js';
import { categoryNameError, DESCRIPTION_MAX } from '../forum/categories.js';
import { normalizeText } from '../forum/validation.js';
import { msg, type Message } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, NotFound } from '../lib/errors.js';
import { recordModAction } from './audit.js';
import { requireConfigurer } from './staff.js';
import { parseTargetReplyTime } from './target-reply-time.js';
import { foldText } from './watched-words.js';

// Community configuration that admins change at run time: watched words and each category's
// name, description, moderation mode, kind and target reply time. Every change is audited in its own transaction.

export const WATCHED_WORD_MAX = 100;

export type WatchedWordRow = { id: number; word: string; action: WatchedWordAction; createdBy: string | null; createdAt: number };

export const WATCHED_WORDS_PAGE_SIZE = 100;

/** Alphabetical, keyset-paged on the (unique) folded word. */
export function listWatchedWordRows(ctx: ServiceContext, viewer: Viewer, input: { after: string | null }): { words: WatchedWordRow[]; nextCursor: string | null } {
  requireConfigurer(viewer);
  const rows = ctx.db
    .select({ id: watchedWords.id, word: watchedWords.word, action: watchedWords.action, createdBy: users.username, createdAt: watchedWords.createdAt })
    .from(watchedWords)
    .leftJoin(users, eq(users.id, watchedWords.createdById))
    .where(input.after ? gt(watchedWords.word, input.after) : undefined)
    .orderBy(asc(watchedWords.word))
    .limit(WATCHED_WORDS_PAGE_SIZE + 1)
    .all();
  const words = rows.slice(0, WATCHED_WORDS_PAGE_SIZE);
  return { words, nextCursor: rows.length > WATCHED_WORDS_PAGE_SIZE ? (words.at(-1)?.word ?? null) : null };
}

function isAction(value: unknown): value is WatchedWordAction {
  return typeof value === 'string' && (watchedWordActions as readonly string[]).includes(value);
}

/** Stored folded (case and accents removed, spaces collapsed): that is the form posts are compared in. */
export function addWatchedWord(ctx: ServiceContext, viewer: Viewer, input: { word: unknown; action: unknown }): WatchedWordRow {
  const actor = requireConfigurer(viewer);
  const word = foldText(normalizeText(input.word).trim()).replace(/\s+/g, ' ');
  const existing = word ? ctx.db.select({ action: watchedWords.action }).from(watchedWords).where(eq(watchedWords.word, word)).get() : undefined;
  assertValid({
    word:
      word.length === 0
        ? msg('mod.watchedWordEmpty')
        : word.length > WATCHED_WORD_MAX
          ? msg('mod.watchedWordTooLong', { max: WATCHED_WORD_MAX })
          : existing
            ? msg('mod.watchedWordExists', { word, action: existing.action })
            : undefined,
    action: isAction(input.action) ? undefined : msg('mod.watchedWordAction'),
  });
  const action = input.action as WatchedWordAction;
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const row = tx.insert(watchedWords).values({ word, action, createdById: actor.id, createdAt: now }).returning({ id: watchedWords.id }).get();
      recordModAction(tx, { actorId: actor.id, action: 'watched_word_add', details: { word, action }, at: now });
      return { id: row.id, word, action, createdBy: actor.username, createdAt: now };
    },
    { behavior: 'immediate' },
  );
}

export function removeWatchedWord(ctx: ServiceContext, viewer: Viewer, input: { id: number }): void {
  const actor = requireConfigurer(viewer);
  const row = ctx.db.select({ id: watchedWords.id, word: watchedWords.word, action: watchedWords.action }).from(watchedWords).where(eq(watchedWords.id, input.id)).get();
  if (!row) throw new NotFound(msg('mod.watchedWordGone'));
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      tx.delete(watchedWords).where(eq(watchedWords.id, row.id)).run();
      recordModAction(tx, { actorId: actor.id, action: 'watched_word_remove', details: { word: row.word, action: row.action }, at: now });
    },
    { behavior: 'immediate' },
  );
}

export type CategorySettings = {
  id: number;
  slug: string;
  name: string;
  description: string;
  kind: CategoryKind;
  moderation: ModerationMode;
  targetReplyMinutes: number;
  archivedAt: number | null;
  /** Who may add polls to opening posts (src/polls/category-setting.ts changes it). */
  pollCreators: PollCreators;
  /** Ideas boards: votes per member on open ideas (null: no limit). */
  ideaVoteLimit: number | null;
};

const categorySettingsColumns = {
  id: categories.id,
  slug: categories.slug,
  name: categories.name,
  description: categories.description,
  kind: categories.kind,
  moderation: categories.moderation,
  targetReplyMinutes: categories.targetReplyMinutes,
  archivedAt: categories.archivedAt,
  pollCreators: categories.pollCreators,
  ideaVoteLimit: categories.ideaVoteLimit,
};

export function listCategorySettings(ctx: ServiceContext, viewer: Viewer): CategorySettings[] {
  requireConfigurer(viewer);
  return ctx.db.select(categorySettingsColumns).from(categories).orderBy(asc(categories.position), asc(categories.id)).all();
}

const changeable = ['name', 'description', 'kind', 'moderation', 'targetReplyMinutes'] as const;
type Changeable = Pick<CategorySettings, (typeof changeable)[number]>;

/** The audit's before and after: only the settings that changed. */
function changes(before: Changeable, after: Changeable): { from: Partial<Changeable>; to: Partial<Changeable> } {
  const keys = changeable.filter((key) => before[key] !== after[key]);
  return { from: Object.fromEntries(keys.map((key) => [key, before[key]])), to: Object.fromEntries(keys.map((key) => [key, after[key]])) };
}

/** A field a client left out (an older form, a script) stays as it is. The slug never changes: links and feeds rely on it. */
export type CategorySettingsInput = { categoryId: number; name?: unknown; description?: unknown; kind: unknown; moderation: unknown; targetValue: unknown; targetUnit: unknown };

function textInput(value: unknown, current: string): string {
  return value === undefined ? current : normalizeText(value).trim();
}

export function updateCategorySettings(ctx: ServiceContext, viewer: Viewer, input: CategorySettingsInput): CategorySettings {
  const actor = requireConfigurer(viewer);
  const category = ctx.db.select(categorySettingsColumns).from(categories).where(eq(categories.id, input.categoryId)).get();
  if (!category) throw new NotFound(msg('mod.categoryGone'));
  const target: { minutes?: number; error?: Message } = input.targetValue === undefined && input.targetUnit === undefined ? {} : parseTargetReplyTime(input.targetValue, input.targetUnit);
  const name = textInput(input.name, category.name).normalize('NFC');
  const description = textInput(input.description, category.description);
  assertValid({
    name: categoryNameError(name),
    description: description.length > DESCRIPTION_MAX ? msg('category.descriptionLength', { max: DESCRIPTION_MAX }) : undefined,
    kind: typeof input.kind === 'string' && (categoryKinds as readonly string[]).includes(input.kind) ? undefined : msg('mod.categoryKindInvalid'),
    moderation:
      typeof input.moderation === 'string' && (moderationModes as readonly string[]).includes(input.moderation)
        ? undefined
        : msg('mod.categoryModerationInvalid'),
    target: target.error,
  });
  const next: Changeable = { name, description, kind: input.kind as CategoryKind, moderation: input.moderation as ModerationMode, targetReplyMinutes: target.minutes ?? category.targetReplyMinutes };
  if (changeable.every((key) => next[key] === category[key])) return category;
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      tx.update(categories).set(next).where(eq(categories.id, category.id)).run();
      // The move rule (src/forum/threads.ts): only questions have accepted answers.
      if (next.kind !== 'questions') tx.update(threads).set({ solvedPostId: null }).where(eq(threads.categoryId, category.id)).run();
      // And the other way: a category made an ideas board makes its threads new ideas (src/ideas/).
      if (next.kind === 'ideas') tx.update(threads).set({ ideaStatusId: sql`(select id from idea_statuses where key = 'new')` }).where(and(eq(threads.categoryId, category.id), isNull(threads.ideaStatusId))).run();
      recordModAction(tx, { actorId: actor.id, action: 'category_settings', categoryId: category.id, details: changes(category, next), at: now });
    },
    { behavior: 'immediate' },
  );
  return { ...category, ...next };
}
