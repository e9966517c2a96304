import { and, eq } from 'drizzle-orm';
import { reviewItems, type FlagReason } from '../db/schema.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import { flagPost } from '../moderation/flags.js';
import { dismissReviewItem, rejectReviewItem } from '../moderation/queue-actions.js';
import { addWatchedWord } from '../moderation/settings.js';
import type { DemoAction, DemoPostIds } from './demo-answers.js';
import { MANAGER_USERNAME, threads } from './demo-content.js';
import { makeThread } from './factories.js';

// The demo's moderation over the weeks, so the queue, its alert and the insights' moderation
// figures have something to show: a watched word that holds posts for review, two posts it held
// (one refused after a realistic wait, one still waiting when the demo starts), and flags on
// published demo posts, most dismissed by the manager after a while, one still open.

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Sharing a phone number in public invites scams; the word holds such posts for a manager. */
export const DEMO_WATCHED_WORD = 'whatsapp';
const WATCHED_WORD_DAYS_AGO = 80;

export type DemoHeldThread = {
  category: string;
  title: string;
  author: string;
  /** When it was written, counted back from the moment of seeding. */
  minutesAgo: number;
  body: string;
  /** The manager's refusal, that long after; none: still waiting when the demo starts. */
  rejected?: { afterMinutes: number; reason: string };
};

export const heldThreads: DemoHeldThread[] = [
  {
    category: 'lounge',
    title: 'Selling our Haul C2 child seat, barely used',
    author: 'jpetrov',
    // 24 days and 5 hours ago.
    minutesAgo: 24 * 24 * 60 + 5 * 60,
    body: `The twins have outgrown the rear child seat, so it's up for grabs: used for one summer, both straps and the rain cover included. Collection in town. Message me on WhatsApp: +44 7700 900123.`,
    rejected: {
      afterMinutes: 150,
      reason: 'Please keep phone numbers out of public posts: people collect them for scams. Post it again without the number, and buyers can answer in the thread.',
    },
  },
  {
    category: 'international',
    title: "İstanbul'daki Fernwheel sürücüleri için WhatsApp grubu",
    author: 'burak_can',
    // Past the review queue's 30-minute alert when the demo starts.
    minutesAgo: 50,
    body: `Selam! İstanbul'da Fernwheel kullananlar için bir WhatsApp grubu açtık: hafta sonu turları, şarj noktaları, servis önerileri. Katılmak isteyen buraya yazsın, davet bağlantısını göndereyim.`,
  },
];

export type DemoFlag = {
  /** The flagged post: its thread's title and its number. */
  thread: string;
  number: number;
  flagger: string;
  reason: FlagReason;
  note?: string;
  hoursAfterPost: number;
  /** When the manager dismissed it, in hours after the flag; none: still open. */
  dismissedAfterHours?: number;
};

export const demoFlags: DemoFlag[] = [
  { thread: 'Insurance for e-bikes: what do you use?', number: 2, flagger: 'hollis_mtb', reason: 'spam', note: 'Is this an advert for an insurer?', hoursAfterPost: 3, dismissedAfterHours: 1.5 },
  { thread: 'Hot take: every new rider should do a week in Eco only', number: 1, flagger: 'rainycityrider', reason: 'off_topic', hoursAfterPost: 4, dismissedAfterHours: 5 },
  { thread: 'The R7 vs the competition: honest thoughts after a demo day', number: 1, flagger: 'kwame_o', reason: 'other', note: 'Are comparisons with other brands allowed here?', hoursAfterPost: 8, dismissedAfterHours: 19 },
  { thread: 'Tubeless sealant: how often do you top up?', number: 3, flagger: 'pedalpusher88', reason: 'other', note: 'The manual says every 6 months; can staff confirm which is right?', hoursAfterPost: 14 },
];

function openItem(ctx: ServiceContext, postId: number): number {
  const item = ctx.db.select({ id: reviewItems.id }).from(reviewItems).where(and(eq(reviewItems.postId, postId), eq(reviewItems.status, 'open'))).get();
  if (!item) throw new Error(`The demo expected an open review item for post ${postId}.`);
  return item.id;
}

function heldThreadActions(now: number, person: (username: string) => SignedIn): DemoAction[] {
  return heldThreads.flatMap((held) => {
    const at = now - held.minutesAgo * MINUTE_MS;
    let postId = 0;
    const write: DemoAction = {
      at,
      act: async (ctx) => {
        postId = (await makeThread(ctx, person(held.author), { category: held.category, title: held.title, body: held.body })).postId;
      },
    };
    if (!held.rejected) return [write];
    const { afterMinutes, reason } = held.rejected;
    return [write, { at: at + afterMinutes * MINUTE_MS, act: (ctx) => rejectReviewItem(ctx, person(MANAGER_USERNAME), { itemId: openItem(ctx, postId), reason }) }];
  });
}

function flagActions(now: number, person: (username: string) => SignedIn, postIds: DemoPostIds, postTime: (threadIndex: number, postIndex: number) => number): DemoAction[] {
  return demoFlags.flatMap((flag) => {
    const threadIndex = threads.findIndex((thread) => thread.title === flag.thread);
    if (threadIndex === -1) throw new Error(`A demo flag names an unknown thread "${flag.thread}".`);
    const at = Math.min(now, postTime(threadIndex, flag.number - 1) + flag.hoursAfterPost * HOUR_MS);
    const postId = () => postIds[threadIndex]![flag.number - 1]!;
    const raise: DemoAction = { at, act: (ctx) => void flagPost(ctx, person(flag.flagger), { postId: postId(), reason: flag.reason, note: flag.note ?? '' }) };
    if (flag.dismissedAfterHours === undefined) return [raise];
    const dismissedAt = Math.min(now, at + flag.dismissedAfterHours * HOUR_MS);
    return [raise, { at: dismissedAt, act: (ctx) => dismissReviewItem(ctx, person(MANAGER_USERNAME), { itemId: openItem(ctx, postId()) }) }];
  });
}

/** The watched word (added by the admin before any demo post), held posts and flags, each at its time. */
export function moderationActions(now: number, person: (username: string) => SignedIn, postIds: DemoPostIds, postTime: (threadIndex: number, postIndex: number) => number): DemoAction[] {
  const watch: DemoAction = { at: now - WATCHED_WORD_DAYS_AGO * DAY_MS, act: (ctx) => void addWatchedWord(ctx, person('admin'), { word: DEMO_WATCHED_WORD, action: 'queue' }) };
  return [watch, ...heldThreadActions(now, person), ...flagActions(now, person, postIds, postTime)];
}
