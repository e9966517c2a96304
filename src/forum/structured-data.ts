import { excerpt, htmlToText } from '../lib/html-text.js';
import type { PostSummary } from './thread-answers.js';
import type { ThreadPage } from './thread-page.js';
import { pageOfPost } from './threads.js';

// schema.org JSON-LD for a thread page: QAPage for questions, DiscussionForumPosting otherwise
// (https://developers.google.com/search/docs/appearance/structured-data/qapage and
// …/discussion-forum). Built from what anonymous visitors may read only: published threads and
// live posts, as plain text stripped from the stored (censored) HTML. URLs are absolute.

type Person = { '@type': 'Person'; name: string; url: string };
type Dated = { author: { username: string }; createdAt: number; number: number | null; id: number };

const TEXT_MAX = 5000;

function person(baseUrl: string, username: string): Person {
  return { '@type': 'Person', name: username, url: `${baseUrl}/u/${encodeURIComponent(username)}` };
}

/** Live posts of the page, as summaries (the view's own fields, minus markup). */
function liveReplies(page: ThreadPage): PostSummary[] {
  return page.posts
    .filter((post) => post.state === 'visible' && post.number !== null && post.number > 1 && post.bodyHtml !== null)
    .map((post) => ({ id: post.id, number: post.number!, author: post.author, createdAt: post.createdAt, helpfulCount: post.helpfulCount, text: htmlToText(post.bodyHtml!) }));
}

export function threadStructuredData(page: ThreadPage, baseUrl: string): Record<string, unknown> | null {
  const { thread, opening } = page;
  if (thread.status !== 'published') return null;
  const threadUrl = `${baseUrl}/t/${thread.id}/${thread.slug}`;
  const postUrl = (post: Dated) => `${threadUrl}${pageOfPost(post.number ?? 1) > 1 ? `?page=${pageOfPost(post.number ?? 1)}` : ''}#post-${post.number}`;
  const replies = liveReplies(page);
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
        answerCount: thread.replyCount,
        upvoteCount: opening?.helpfulCount ?? 0,
        dateCreated: started,
        ...(opening ? { author: person(baseUrl, opening.author.username) } : {}),
        ...(accepted ? { acceptedAnswer: answer(accepted) } : {}),
        suggestedAnswer: replies.filter((reply) => reply.id !== accepted?.id).map(answer),
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
