import { acceptAnswer } from '../forum/answers.js';
import { toggleHelpful } from '../forum/votes.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import { threads, type DemoThread } from './demo-content.js';

// Accepted answers (each question's `solvedBy`) and "helpful" votes for the demo, through the real
// services. Votes are deterministic, so every fresh demo looks the same: a solving reply is
// marked helpful by everyone else in its thread, and other posts by a few of the thread's
// participants, spread by a small hash so the "top" sort has something to rank.

const HOUR_MS = 60 * 60 * 1000;

/** Post ids of each demo thread, by thread index then post index, as the seed created them. */
export type DemoPostIds = number[][];

function spread(threadIndex: number, postIndex: number, voterIndex: number): boolean {
  return (threadIndex * 7 + postIndex * 5 + voterIndex * 3) % 4 === 0;
}

/** Something the demo does at a time: the seed plays these among the posts, in time order. */
export type DemoAction = { at: number; act: (ctx: ServiceContext) => void };

/**
 * The votes and accepted answers, each at its time, so that what they cause (an "answer accepted"
 * notification) is recorded in the same order as everything else. `postIds` is read when an
 * action runs: by then the seed has written the post it is about.
 */
export function answerAndVoteActions(now: number, authors: Map<string, SignedIn>, postIds: DemoPostIds, postTime: (thread: DemoThread, postIndex: number) => number): DemoAction[] {
  const actions: DemoAction[] = [];
  threads.forEach((thread, threadIndex) => {
    const ids = postIds[threadIndex]!;
    const participants = [...new Set(thread.posts.map((post) => post.author))];
    const solving = thread.solvedBy === undefined ? -1 : thread.solvedBy - 1;
    thread.posts.forEach((post, postIndex) => {
      const voters = participants.filter((username, voterIndex) => username !== post.author && (postIndex === solving || spread(threadIndex, postIndex, voterIndex)));
      // Votes come a little after the post, never in the future.
      const at = Math.min(now, postTime(thread, postIndex) + 3 * HOUR_MS);
      for (const username of voters) actions.push({ at, act: (ctx) => toggleHelpful(ctx, authors.get(username)!, { postId: ids[postIndex]! }) });
    });
    if (solving > 0) {
      const at = Math.min(now, postTime(thread, solving) + 2 * HOUR_MS);
      actions.push({ at, act: (ctx) => acceptAnswer(ctx, authors.get(thread.author)!, { postId: ids[solving]! }) });
    }
  });
  return actions;
}
