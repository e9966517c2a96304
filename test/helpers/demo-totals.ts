import { people, threads as demoThreads } from '../../src/demo/demo-content.js';
import { demoArticles } from '../../src/demo/demo-articles.js';
import { demoIdeaCounts } from '../../src/demo/demo-ideas.js';
import { heldThreads } from '../../src/demo/demo-moderation.js';
import { demoSpammer } from '../../src/demo/demo-spammer.js';

// What a fresh demo seed writes, counted from the demo's own data, for the tests that check it.

const conversationPosts = demoThreads.reduce((sum, thread) => sum + thread.posts.length, 0);
const spamPosts = demoSpammer.threads.reduce((sum, thread) => sum + 1 + thread.bumps.length, 0);
const articlePosts = demoArticles.reduce((sum, article) => sum + 1 + article.replies.length, 0);
/** The team's survey (src/demo/demo-polls.ts): a thread of one post. */
export const surveyThreads = 1;

export const demoTotals = {
  /** The demo's people, the spammer and the brand's account. */
  users: people.length + 2,
  /** The conversations, the survey, the posts held for review (never published), the spammer's, the help articles' discussions and the ideas. */
  threads: demoThreads.length + surveyThreads + heldThreads.length + demoSpammer.threads.length + demoArticles.length + demoIdeaCounts.threads,
  publishedThreads: demoThreads.length + surveyThreads + demoSpammer.threads.length + demoArticles.length + demoIdeaCounts.threads,
  posts: conversationPosts + surveyThreads + heldThreads.length + spamPosts + articlePosts + demoIdeaCounts.posts,
};
