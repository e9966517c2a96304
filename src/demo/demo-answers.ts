import { acceptAnswer } from '../forum/answers.js';
import { toggleHelpful } from '../forum/votes.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import { MANAGER_USERNAME, threads, type DemoThread } from './demo-content.js';

// Accepted answers (each question's `solvedBy`) and "helpful" votes for the demo, through the real
// services. Votes are deterministic, so every fresh demo looks the same: a solving reply is
// marked helpful by everyone else in its thread, and other posts by a few of the thread's
// participants, spread by a small hash so the "top" sort has something to rank.

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** Post ids of each demo thread, by thread index then post index, as the seed created them. */
export type DemoPostIds = number[][];

function spread(threadIndex: number, postIndex: number, voterIndex: number): boolean {
  return (threadIndex * 7 + postIndex * 5 + voterIndex * 3) % 4 === 0;
}

/** Something the demo does at a time: the seed plays these among the posts, in time order. */
// `act` may return a promise; the seed waits for it before the next action.
export type DemoAction = { at: number; act: (ctx: ServiceContext) => unknown };

type PostTime = (thread: DemoThread, postIndex: number) => number;

/**
 * How long after a post a participant votes for it: most within a few hours of reading the thread,
 * some the next day or later (from 40 minutes to about 2 days).
 */
function voteDelay(threadIndex: number, postIndex: number, voterIndex: number): number {
  const step = (threadIndex * 13 + postIndex * 7 + voterIndex * 11) % 16;
  return 40 * MINUTE_MS + (step < 12 ? step * 25 * MINUTE_MS : (step - 11) * 9 * HOUR_MS);
}

/**
 * When the answer is marked. An asker who comes back to say it worked marks it a few minutes into
 * that visit, one who never comes back two hours after the answer; for `markedByStaff` questions
 * the asker only thanked, and the manager marks the answer the next day.
 */
function acceptance(thread: DemoThread, threadIndex: number, solving: number, postTime: PostTime): { at: number; by: string } {
  const returning = thread.posts.findIndex((post, index) => index > solving && post.author === thread.author);
  const visit = returning === -1 ? postTime(thread, solving) + 2 * HOUR_MS : postTime(thread, returning) + (5 + (threadIndex % 5) * 7) * MINUTE_MS;
  if (thread.markedByStaff) return { at: visit + (18 + (threadIndex % 4) * 3) * HOUR_MS, by: MANAGER_USERNAME };
  return { at: visit, by: thread.author };
}

/**
 * The votes and accepted answers, each at its time (never after `now`), so that what they cause
 * (an "answer accepted" notification) is recorded in the same order as everything else.
 * `postIds` is read when an action runs: by then the seed has written the post it is about.
 */
export function answerAndVoteActions(now: number, authors: Map<string, SignedIn>, postIds: DemoPostIds, postTime: PostTime): DemoAction[] {
  const actions: DemoAction[] = [];
  threads.forEach((thread, threadIndex) => {
    const ids = postIds[threadIndex]!;
    const participants = [...new Set(thread.posts.map((post) => post.author))];
    const solving = thread.solvedBy === undefined ? -1 : thread.solvedBy - 1;
    thread.posts.forEach((post, postIndex) => {
      participants.forEach((username, voterIndex) => {
        if (username === post.author || !(postIndex === solving || spread(threadIndex, postIndex, voterIndex))) return;
        const at = Math.min(now, postTime(thread, postIndex) + voteDelay(threadIndex, postIndex, voterIndex));
        actions.push({ at, act: (ctx) => toggleHelpful(ctx, authors.get(username)!, { postId: ids[postIndex]! }) });
      });
    });
    if (solving > 0) {
      const { at, by } = acceptance(thread, threadIndex, solving, postTime);
      actions.push({ at: Math.min(now, at), act: (ctx) => acceptAnswer(ctx, authors.get(by)!, { postId: ids[solving]! }) });
    }
  });
  return actions;
}
