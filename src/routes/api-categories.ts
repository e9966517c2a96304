import type { Context } from 'hono';
import { EMBED_CATEGORY_LIMIT, getPublicCategory, type PublicIdea, type PublicThreadSummary } from '../embed/read.js';
import { ideaSorts, type IdeaSort } from '../ideas/idea-list.js';
import type { I18n } from '../i18n/translator.js';
import { threadPath } from '../lib/slug.js';
import { ideaStatusName } from '../../views/components/idea-status.js';
import type { AppEnv } from './env.js';

// GET /api/v1/categories/:slug: a category's latest threads, or an ideas board's ideas by votes
// (`?sort=votes|new|status`, `?status=<key>`, `?limit=1..20`). Ideas carry `idea: {votes, status}`.

const iso = (ms: number) => new Date(ms).toISOString();

/** An idea's votes and status for the API: the status's key and its name in the caller's language. */
export function ideaJson(i18n: I18n, idea: PublicIdea | null | undefined) {
  if (!idea) return undefined;
  return { votes: idea.votes, status: idea.status ? { key: idea.status.key, name: ideaStatusName(i18n, idea.status) } : null, ...(idea.mergedIntoId ? { mergedIntoId: idea.mergedIntoId } : {}) };
}

function limitOf(value: string | undefined): number {
  const limit = Number(value);
  return Number.isInteger(limit) && limit >= EMBED_CATEGORY_LIMIT.min && limit <= EMBED_CATEGORY_LIMIT.max ? limit : EMBED_CATEGORY_LIMIT.max;
}

function summaryJson(i18n: I18n, thread: PublicThreadSummary, baseUrl: string) {
  const idea = ideaJson(i18n, thread.idea);
  return {
    id: thread.id,
    title: thread.title,
    url: `${baseUrl}${threadPath(thread.id, thread.slug)}`,
    author: thread.author,
    replyCount: thread.replyCount,
    solved: thread.solved,
    lastPostAt: iso(thread.lastPostAt),
    ...(idea ? { idea } : {}),
  };
}

export function categoryJson(c: Context<AppEnv>) {
  const requested = c.req.query('sort') ?? 'votes';
  const sort: IdeaSort = (ideaSorts as readonly string[]).includes(requested) ? (requested as IdeaSort) : 'votes';
  const data = getPublicCategory(c.get('services'), { slug: c.req.param('slug') ?? '', limit: limitOf(c.req.query('limit')), sort, status: c.req.query('status') ?? null });
  const baseUrl = c.get('site').baseUrl;
  const i18n = c.get('i18n');
  const { category } = data;
  return {
    category: { slug: category.slug, name: category.name, description: category.description, kind: category.kind, url: `${baseUrl}/c/${category.slug}` },
    threads: data.threads.map((thread) => summaryJson(i18n, thread, baseUrl)),
  };
}
