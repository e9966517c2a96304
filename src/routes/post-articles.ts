import { postArticle, postLabels } from '../../views/components/post.js';
import type { PostView, ThreadPage } from '../forum/thread-page.js';
import type { I18n } from '../i18n/translator.js';
import { encodeFragment, type Fragment } from './fragments.js';

/*
 * A thread page's post articles, each rendered once per thread version for each set of things a
 * viewer may see or do with it. Rendering 20 articles was most of a signed-in page's own work, yet
 * almost every viewer sees almost every post with the same plain-member controls, so nearly every
 * article is a lookup. The rendered articles are kept, as UTF-8 (./fragments.ts), with the page's shared reads
 * (src/forum/shared-reads.ts `derived`), so a write that bumps the thread's version drops them and
 * they count against the same memory budget.
 */

/**
 * Every PostView field, by where its value comes from. `post`: read with the page's shared posts,
 * so fixed while the thread's version is (the post's id and that version identify it). `viewer`:
 * decided per viewer (or from the thread row), so it is part of an article's key. A new PostView
 * field does not compile until it is sorted here; when in doubt, `viewer` is always safe.
 */
export const POST_VIEW_FIELDS = {
  id: 'post',
  number: 'post',
  author: 'post',
  createdAt: 'post',
  editedAt: 'post',
  state: 'post',
  autoHidden: 'post',
  helpfulCount: 'post',
  // The replied-to post and the replies received, read with the page's posts at this version.
  // Whether each is on this page (an anchor, else a permalink) is fixed too: articles are kept per page.
  replyTo: 'post',
  replies: 'post',
  // Null when this viewer may not read the post; otherwise the stored text, the same for all.
  bodyHtml: 'viewer',
  reason: 'viewer',
  canEdit: 'viewer',
  canDelete: 'viewer',
  canViewRevisions: 'viewer',
  canFlag: 'viewer',
  flaggedByViewer: 'viewer',
  canModerate: 'viewer',
  editWaiting: 'viewer',
  votedByViewer: 'viewer',
  canVote: 'viewer',
  canAccept: 'viewer',
  accepted: 'viewer',
  awaitsConfirmation: 'viewer',
} as const satisfies Record<keyof PostView, 'post' | 'viewer'>;

const viewerFields = (Object.keys(POST_VIEW_FIELDS) as (keyof PostView)[]).filter((name) => POST_VIEW_FIELDS[name] === 'viewer');

/** One character per viewer field; text (a body or reason the viewer may read) only as "present": its words come from the post. */
function code(value: unknown): string {
  if (value === true) return '1';
  if (value === false) return '0';
  if (value === null || value === undefined) return 'n';
  if (typeof value === 'string') return 's';
  return `(${JSON.stringify(value)})`;
}

/** What this viewer may see and do with the post, one character per viewer field. */
function viewerCodes(post: PostView): string {
  let codes = '';
  for (const name of viewerFields) codes += code(post[name]);
  return codes;
}

/** The key of one post's article: the post, what this viewer may see and do with it, and whether it has a "Reply" link. */
export function articleKey(post: PostView, withReplyLink: boolean): string {
  return `article ${post.id} ${withReplyLink ? 'r' : '-'}${viewerCodes(post)}`;
}

// The page's kept articles refer to fragments each article's own entry already counts.
const REFERENCE_BYTES = 8;

/**
 * The page's articles in the order of `data.posts`. Waiting posts (no number) are a viewer's own or
 * a moderator's worklist, not part of the shared reads, so they are rendered every time. `keep`
 * is false for anonymous pages: the page cache keeps each of those whole, once per version, so
 * keeping its articles too would hold the same bytes twice and crowd signed-in readers' articles
 * out of the shared reads' budget (at 1M posts, 2,000 pages did not fit with both).
 *
 * Kept pages are found with one lookup for the whole page, keyed by every numbered post's viewer
 * codes (a page's posts are fixed while its version is), and each article with its own key on a
 * miss, so a viewer who may edit one post re-renders only that one. Articles are in the reader's
 * language and show dates in their time zone, so both are part of every key.
 */
export function postArticles(data: ThreadPage, i18n: I18n, replyHref: ((number: number) => string) | undefined, keep: boolean): Fragment[] {
  const labels = postLabels(i18n);
  const render = (post: PostView) => encodeFragment(postArticle(post, i18n, labels, replyHref));
  if (!keep) return data.posts.map(render);
  const withReplyLink = replyHref !== undefined;
  const numbered = data.posts.filter((post) => post.number !== null);
  const reader = `${i18n.locale} ${i18n.timeZone} `;
  let signature = `articles ${reader}${withReplyLink ? 'r' : '-'}`;
  for (const post of numbered) signature += `${viewerCodes(post)}.`;
  const kept = data.derived(
    signature,
    () => numbered.map((post) => data.derived(reader + articleKey(post, withReplyLink), () => render(post))),
    (articles) => signature.length + REFERENCE_BYTES * articles.length,
  );
  if (kept.length === data.posts.length) return kept;
  let next = 0;
  return data.posts.map((post) => (post.number === null ? render(post) : kept[next++]!));
}
