import type { Db } from '../db/client.js';
import { excerpt } from '../lib/html-text.js';
import { answerCount, postTexts, type PostSummary } from './thread-answers.js';
import type { ThreadPage } from './thread-page.js';
import { pageOfPost, POSTS_PER_PAGE } from './threads.js';
import { threadPath } from '../lib/slug.js';

// schema.org JSON-LD for a thread page: QAPage for questions, DiscussionForumPosting otherwise
// (https://developers.google.com/search/docs/appearance/structured-data/qapage and
// …/discussion-forum). Built from what anonymous visitors may read only: published threads and
// live posts, as the plain text the markdown worker stored with the (censored) HTML. URLs are absolute.

type Person = { '@type': 'Person'; name: string; url: string };
type Dated = { author: { username: string }; createdAt: number; number: number | null; id: number };

const TEXT_MAX = 5000;

function person(baseUrl: string, username: string): Person {
  return { '@type': 'Person', name: username, url: `${baseUrl}/u/${encodeURIComponent(username)}` };
}

type Reply = PostSummary & { authorId: number };

/** Live replies of the page, as summaries (the view's own fields, with the stored plain text). */
function liveReplies(db: Db, page: ThreadPage): Reply[] {
  const first = (page.page - 1) * POSTS_PER_PAGE + 1;
  const texts = postTexts(db, page.thread.id, { first, last: first + POSTS_PER_PAGE - 1 });
  return page.posts
    .filter((post) => post.state === 'visible' && post.number !== null && post.number > 1)
    .map((post) => ({ id: post.id, number: post.number!, author: post.author, authorId: post.author.id, createdAt: post.createdAt, helpfulCount: post.helpfulCount, text: texts.get(post.id) ?? '' }));
}

/** Reads the page's stored post texts: call it once per version of the page (ThreadPage.derived). */
export function threadStructuredData(db: Db, page: ThreadPage, baseUrl: string): Record<string, unknown> | null {
  const { thread, opening } = page;
  if (thread.status !== 'published') return null;
  const threadUrl = `${baseUrl}${threadPath(thread.id, thread.slug)}`;
  const postUrl = (post: Dated) => `${threadUrl}${pageOfPost(post.number ?? 1) > 1 ? `?page=${pageOfPost(post.number ?? 1)}` : ''}#post-${post.number}`;
  const replies = liveReplies(db, page);
  const body = opening ? { text: excerpt(opening.text, TEXT_MAX) } : {};
  const started = new Date(opening?.createdAt ?? thread.createdAt).toISOString();
  if (page.category.kind === 'questions') {
    const answer = (post: PostSummary) => ({
      '@type': 'Answer',
      text: excerpt(post.text, TEXT_MAX),
      url: postUrl(post),
      upvoteCount: post.helpfulCount,
      dateCreated: new Date(post.createdAt).toISOString(),
      author: person(baseUrl, post.author.username),
    });
    const accepted = page.acceptedAnswer;
    return {
      '@context': 'https://schema.org',
      '@type': 'QAPage',
      mainEntity: {
        '@type': 'Question',
        name: thread.title,
        ...body,
        answerCount: answerCount(db, thread.id, thread.authorId),
        upvoteCount: opening?.helpfulCount ?? 0,
        dateCreated: started,
        ...(opening ? { author: person(baseUrl, opening.author.username) } : {}),
        ...(accepted ? { acceptedAnswer: answer(accepted) } : {}),
        // The asker's own replies ("thanks, that worked!") answer nothing.
        suggestedAnswer: replies.filter((reply) => reply.id !== accepted?.id && reply.authorId !== thread.authorId).map(answer),
      },
    };
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    headline: thread.title,
    ...body,
    ...(opening ? { author: person(baseUrl, opening.author.username) } : {}),
    datePublished: started,
    url: threadUrl,
    commentCount: thread.replyCount,
    interactionStatistic: { '@type': 'InteractionCounter', interactionType: 'https://schema.org/CommentAction', userInteractionCount: thread.replyCount },
    comment: replies.map((reply) => ({
      '@type': 'Comment',
      text: excerpt(reply.text, TEXT_MAX),
      author: person(baseUrl, reply.author.username),
      datePublished: new Date(reply.createdAt).toISOString(),
      url: postUrl(reply),
    })),
  };
}
