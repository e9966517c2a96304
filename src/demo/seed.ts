import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import { answerAndVoteActions, type DemoAction } from './demo-answers.js';
import { seedSavedReplies } from './demo-saved-replies.js';
import { seedDemoPolls } from './demo-polls.js';
import { brand, categories, MANAGER_USERNAME, people, threads, type DemoThread } from './demo-content.js';
import { moderationActions } from './demo-moderation.js';
import { countDemoViews } from './demo-views.js';
import { seedSpammer } from './demo-spammer.js';
import { articleActions } from './demo-articles.js';
import { brandAccount } from '../embed/brand-account.js';
import { createIdeasBoard, ideaActions } from './demo-ideas.js';
import { setEmailPreference } from '../email/preferences.js';
import { makeCategory, makeReply, makeThread, makeUser, pinThread } from './factories.js';
import { categories as categoryTable, users, type Role } from '../db/schema.js';
import { setSetting } from '../db/settings.js';

// Seeds the demo community (demo-content.ts) into an empty database on `npm start`. Everything is
// written through the test factories, so demo posts take the same validation, markdown pipeline and
// counters as real ones; only the clock is ours, so the community looks like it grew over ten weeks:
// a moving clock is set before each post, vote, accepted answer and moderation decision.

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** The categories predate every thread (the oldest is about 69 days old). */
const CATEGORIES_DAYS_AGO = 90;

export type DemoAccount = { username: string; password: string; role: Role };
export type DemoSeedResult = { siteName: string; accounts: DemoAccount[] };

/** Seeds the demo into an empty database; returns null and writes nothing if any user exists. */
export async function seedDemo(ctx: ServiceContext): Promise<DemoSeedResult | null> {
  if (ctx.db.select({ id: users.id }).from(users).limit(1).get()) return null;
  const now = ctx.now();
  const { authors, accounts } = await createPeople(ctx, now);
  createCategories(ctx, now);
  const threadIds = await createConversations(ctx, now, authors);
  countDemoViews(ctx.db, now, threads, threadIds, threads.map((thread) => thread.posts.map((post) => demoPostTime(now, thread, post.hoursAfterStart))));
  seedSavedReplies(ctx, authors);
  await seedDemoPolls(ctx, now, authors, threadIds);
  // The team wants its alerts (posts waiting for review, questions past target) at once, not in a digest.
  const manager = authors.get(MANAGER_USERNAME);
  if (manager) setEmailPreference(ctx, manager, 'immediately');
  await seedSpammer(ctx, now);
  setSetting(ctx.db, 'site_name', brand.name);
  // The seeded conversations are not news: the demo members' first digests cover what happens next.
  ctx.db.update(users).set({ lastDigestAt: now }).run();
  return { siteName: brand.name, accounts };
}

/** When a demo post was written, counted back from `now`. */
export function demoPostTime(now: number, thread: Pick<DemoThread, 'daysAgo'>, hoursAfterStart: number): number {
  return Math.round(now - thread.daysAgo * DAY_MS + hoursAfterStart * HOUR_MS);
}

type Step = { at: number; threadIndex: number; postIndex: number };

/** Every post of every thread in the order it was written, so "latest activity" ends up right. */
export function demoTimeline(now: number): Step[] {
  const steps = threads.flatMap((thread, threadIndex) =>
    thread.posts.map((post, postIndex) => ({ at: demoPostTime(now, thread, post.hoursAfterStart), threadIndex, postIndex })),
  );
  return steps.sort((a, b) => a.at - b.at || a.threadIndex - b.threadIndex || a.postIndex - b.postIndex);
}

async function createPeople(ctx: ServiceContext, now: number) {
  // Hashing a password costs ~30 ms, so the accounts are made concurrently, each with its own
  // clock (a shared, moving one would give them the wrong join dates).
  const created = await Promise.all(
    people.map(async (person) => {
      const password = person.password ?? randomBytes(18).toString('base64url');
      const joined: ServiceContext = { ...ctx, now: () => Math.round(now - person.joinedDaysAgo * DAY_MS) };
      const user = await makeUser(joined, {
        username: person.username,
        password,
        role: person.role,
        ...(person.email ? { email: person.email } : {}),
      });
      return { user, password, printed: person.password !== undefined };
    }),
  );
  const authors = new Map(created.map(({ user }) => [user.username, user]));
  const accounts = created
    .filter(({ printed }) => printed)
    .map(({ user, password }) => ({ username: user.username, password, role: user.role }));
  return { authors, accounts };
}

function createCategories(ctx: ServiceContext, now: number): void {
  const then: ServiceContext = { ...ctx, now: () => now - CATEGORIES_DAYS_AGO * DAY_MS };
  categories.forEach(({ targetReplyMinutes, ...category }, position) => {
    const { id } = makeCategory(then, { ...category, position });
    // No service sets a category's target reply time yet (the admin's category settings will):
    // until then the demo writes the column directly.
    if (targetReplyMinutes !== undefined) ctx.db.update(categoryTable).set({ targetReplyMinutes }).where(eq(categoryTable.id, id)).run();
  });
  // The brand's account opens its help articles' discussions (demo-articles.ts); it is as old as the community.
  brandAccount(then, { siteName: brand.name });
  createIdeasBoard(then);
}

/**
 * Posts, votes, accepted answers and moderation, played in the order of their dates on one clock:
 * ids then follow dates, as they do in a live community (the notifications page lists by id).
 * Returns the ids of the demo threads, in the order of `threads`.
 */
async function createConversations(ctx: ServiceContext, now: number, authors: Map<string, SignedIn>): Promise<number[]> {
  let t = now;
  const clocked: ServiceContext = { ...ctx, now: () => t };
  const threadIds: number[] = [];
  const postIds: number[][] = threads.map(() => []);
  const writes: DemoAction[] = demoTimeline(now).map((step) => ({ at: step.at, act: () => writePost(clocked, authors, step, threadIds, postIds) }));
  const postTime = (thread: DemoThread, postIndex: number) => demoPostTime(now, thread, thread.posts[postIndex]!.hoursAfterStart);
  const reactions = answerAndVoteActions(now, authors, postIds, postTime);
  const moderation = moderationActions(now, (username) => authorNamed(authors, username), postIds, (threadIndex, postIndex) => postTime(threads[threadIndex]!, postIndex));
  // A stable sort: posts keep the timeline's order, and come before reactions of the same moment.
  const articles = articleActions(now, authors);
  const ideas = ideaActions(now, (username) => authorNamed(authors, username));
  for (const action of [...writes, ...reactions, ...moderation, ...articles, ...ideas].sort((a, b) => a.at - b.at)) {
    t = action.at;
    await action.act(clocked);
  }
  return threadIds;
}

async function writePost(ctx: ServiceContext, authors: Map<string, SignedIn>, step: Step, threadIds: number[], postIds: number[][]): Promise<void> {
  const thread = threads[step.threadIndex]!;
  const post = thread.posts[step.postIndex]!;
  const author = authorNamed(authors, post.author);
  if (step.postIndex === 0) {
    const created = await makeThread(ctx, author, { category: thread.category, title: thread.title, body: post.body });
    threadIds[step.threadIndex] = created.threadId;
    postIds[step.threadIndex]![0] = created.postId;
    if (thread.pinned) pinThread(ctx, created.threadId);
  } else {
    const reply = await makeReply(ctx, author, { threadId: threadIds[step.threadIndex]!, body: post.body, ...(post.replyTo ? { replyTo: post.replyTo } : {}) });
    postIds[step.threadIndex]![step.postIndex] = reply.postId;
  }
}

function authorNamed(authors: Map<string, SignedIn>, username: string): SignedIn {
  const author = authors.get(username);
  if (!author) throw new Error(`Demo content names an unknown author "${username}"; add them to people in demo-content.ts.`);
  return author;
}
