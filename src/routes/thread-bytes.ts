import { listCategoryChoices } from '../forum/categories.js';
import { findReplyTarget } from '../forum/reply-target.js';
import { threadStructuredData } from '../forum/structured-data.js';
import type { ThreadPage } from '../forum/thread-page.js';
import { excerpt } from '../lib/html-text.js';
import { threadWatchState } from '../notifications/watching.js';
import { threadClaim } from '../moderation/claims.js';
import { listSavedReplyChoices, savedRepliesVersion } from '../moderation/saved-replies.js';
import { jsonForScript } from '../../views/html.js';
import { offersSignUp } from '../../views/layout.js';
import { threadKeyForm } from '../../views/components/thread-key-form.js';
import { articlesBeforeAnswer, replyLink, threadPage, threadPersonalParts, type ReplyDraft, type ThreadPageProps } from '../../views/pages/thread.js';
import { postArticles } from './post-articles.js';
import { encodeFragment, Frame, hole, type AssembledPage } from './fragments.js';
import type { PageScope } from './page-scope.js';
import { newSubmissionToken } from './forms.js';
import { framedPage, type KeepFrame } from './render.js';
import { threadPath } from '../lib/slug.js';
import { threadPolls } from './thread-polls.js';
import { ideaViewerState } from '../ideas/idea-page.js';
import { listIdeaStatuses } from '../ideas/statuses.js';

/*
 * A signed-in thread page is mostly what every signed-in reader of that page sees: the layout, the
 * title, the pagination, the accepted answer's box. Rendering and encoding it again on every view
 * was most of the page's cost (ADR 0039), so it is kept as frames, with the thread's other shared
 * reads (per version: src/forum/shared-reads.ts), with holes for what is the viewer's own: the
 * header's links and counts, notices, staff tools, the watch level, the articles (kept per set of
 * things a viewer may do: ./post-articles.ts) and the reply form with its fresh token. Anonymous
 * pages are kept whole by the page cache, so their frames are made and dropped.
 */

function newDraft(scope: PageScope, threadId: number): ReplyDraft {
  const replyTo = findReplyTarget(scope.services, { threadId, replyTo: scope.query('replyTo') });
  return { body: '', submission: newSubmissionToken(), replyTo: replyTo ?? undefined };
}

/**
 * What only staff who moderate the thread see: who claimed it (in their staff tools) and the
 * saved replies for the reply box. Read per request, never part of a shared frame (ADR 0044).
 */
function staffParts(scope: PageScope, data: ThreadPage): Pick<ThreadPageProps, 'claim' | 'savedReplies'> {
  const { services, viewer } = scope;
  if (!data.canModerate || viewer === null) return { claim: undefined, savedReplies: undefined };
  const claim = threadClaim(services, viewer, { threadId: data.thread.id, categoryId: data.category.id });
  const savedReplies = data.canReply ? { version: savedRepliesVersion(services.db), choices: listSavedReplyChoices(services, viewer) } : undefined;
  return { claim: { claim, mine: claim?.userId === viewer.id }, savedReplies };
}

/** An idea's vote button (whether this viewer voted) and, for its managers, the status forms. */
function ideaParts(scope: PageScope, data: ThreadPage): ThreadPageProps['ideaActions'] {
  if (data.idea === null) return undefined;
  const services = scope.services;
  const viewer = ideaViewerState(services.db, scope.viewer, data.thread.id, data.idea, services.now());
  const statuses = data.canModerate ? listIdeaStatuses(services.db) : undefined;
  return { i18n: scope.i18n, threadId: data.thread.id, threadPath: threadPath(data.thread.id, data.thread.slug), idea: data.idea, viewer, statuses };
}

/**
 * The page's props: the shared reads and the viewer's own (their draft, watch level, staff tools).
 * Every key is always there, undefined when it does not apply: built with spreads, the object got
 * new hidden classes from V8 on every view, which live in the old generation, so each signed-in
 * view left ~3 KB there for full collections to clear (ADR 0057).
 */
function pageProps(scope: PageScope, data: ThreadPage, reply: ReplyDraft | undefined): ThreadPageProps {
  const { services, viewer, i18n } = scope;
  const staff = staffParts(scope, data);
  // Not `{ ...data, i18n, … }`: V8 gave an object spread followed by more keys new hidden classes on
  // every call, one per key; Object.assign onto `{}` follows transitions it keeps.
  return Object.assign({}, data, {
    i18n,
    signedIn: viewer !== null,
    signUp: offersSignUp(scope.site),
    articles: [],
    pollSection: threadPolls(scope, data),
    // Signed-in pages carry a fresh token for the reply form; anonymous (cacheable) ones have no form.
    // A post's "Reply" link comes back here with ?replyTo=N, which pre-fills the form's target.
    reply: reply ?? (viewer ? newDraft(scope, data.thread.id) : undefined),
    moveTargets: data.canModerate ? listCategoryChoices(services) : undefined,
    extraStaffTools: data.canModerate ? threadKeyForm(i18n, { threadId: data.thread.id }) : undefined,
    // Null for visitors: the form is for signed-in pages only, which are never cached.
    watch: threadWatchState(services, viewer, { threadId: data.thread.id, categoryId: data.category.id }) ?? undefined,
    claim: staff.claim,
    savedReplies: staff.savedReplies,
    ideaActions: ideaParts(scope, data),
  });
}

/** The page's bytes: its frames (kept for signed-in readers) filled with this viewer's parts. */
export function threadBytes(scope: PageScope, data: ThreadPage, reply?: ReplyDraft): AssembledPage {
  const { site, i18n } = scope;
  const props = pageProps(scope, data, reply);
  const keep: KeepFrame = props.signedIn ? (key, render) => data.derived(key, render, (frame) => key.length + frame.bytes) : (_key, render) => render();
  const articles = postArticles(data, i18n, replyLink(props), props.signedIn);
  const split = articlesBeforeAnswer(data.posts);
  const mainFrame = keep(`frame-thread ${i18n.locale} ${i18n.timeZone} ${props.signedIn ? 'signed-in' : 'anonymous'} ${split}`, () =>
    Frame.of(threadPage(props, { banner: hole('banner'), staff: hole('staff'), watch: hole('watch'), idea: hole('idea'), opening: hole('opening'), polls: hole('polls'), replies: hole('replies'), reply: hole('reply') })),
  );
  const main = mainFrame.fill(threadPersonalParts(props), { opening: articles.slice(0, split), replies: articles.slice(split) });
  // JSON-LD is for search engines, which read pages as visitors: a member's page leaves it out. It
  // repeats every post's text, a quarter of a signed-in page's bytes, written out on every view.
  const structuredData = props.signedIn
    ? null
    : data.derived(`structured-data ${site.baseUrl}`, () => {
        const structured = threadStructuredData(scope.services.db, data, site.baseUrl);
        return structured ? encodeFragment(jsonForScript(structured)) : null;
      });
  const layoutProps = {
    title: data.thread.title,
    canonicalPath: threadPath(data.thread.id, data.thread.slug, data.page),
    description: data.opening ? data.derived(`description ${i18n.locale}`, () => excerpt(data.opening!.text, 200) || i18n.t('thread.description', { title: data.thread.title, category: data.category.name })) : undefined,
    ogType: 'article',
    oembed: true,
    // Only published threads have a feed (the author's view of a waiting one has none).
    feed: data.thread.status === 'published' ? { path: `/t/${data.thread.id}/feed.atom`, title: data.derived(`feed-title ${i18n.locale}`, () => i18n.t('thread.feedTitle', { title: data.thread.title })) } : undefined,
    // A hole: the JSON-LD is kept once per version already, and is often the largest part of the layout.
    structuredData: structuredData ? hole('structured-data') : null,
  };
  return framedPage(scope, main, layoutProps, keep, { 'structured-data': structuredData ? [structuredData] : [] });
}
