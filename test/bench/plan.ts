import { createRandom, zipfPicker, type Random } from './random.js';
import { titleFor } from './corpus.js';

/*
 * The shape of a benchmark dataset, decided in memory before anything is written: who posts what,
 * where and when, and every denormalized counter computed the way the services keep them
 * (src/forum/counters.ts). Typed arrays keep a million posts at a few tens of megabytes.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 3 * 365;

/** Thread sizes: Pareto, so most threads are short (median 2–3 posts) and a few run to thousands. */
const SIZE_XM = 1.6;
const SIZE_ALPHA = 1.1;

export const BENCH_CATEGORIES = [
  { slug: 'lounge', name: 'Community Lounge', description: 'Say hello, share rides and talk about anything bike-related.', kind: 'discussion', weight: 3 },
  { slug: 'metro', name: 'Metro & Fold', description: 'City and folding bikes: commuting, belts, racks.', kind: 'discussion', weight: 5 },
  { slug: 'haul', name: 'Haul cargo bikes', description: 'Kids, groceries and everything else on the Haul C2.', kind: 'discussion', weight: 3 },
  { slug: 'ridgeline', name: 'Ridgeline e-MTB', description: 'Trails, suspension set-up and motor tuning.', kind: 'discussion', weight: 2 },
  { slug: 'help', name: 'Batteries, app & firmware Q&A', description: 'Error codes, charging, the Ride app and updates.', kind: 'questions', weight: 8 },
  { slug: 'accessories', name: 'Accessories', description: 'Lights, locks, bags, child seats.', kind: 'discussion', weight: 2 },
  { slug: 'routes', name: 'Rides & routes', description: 'Where did your bike take you?', kind: 'discussion', weight: 1 },
  { slug: 'ideas', name: 'Feedback & ideas', description: 'Tell the Fernwheel team what to build next.', kind: 'discussion', weight: 1 },
] as const;

export type PlanOptions = {
  posts: number;
  seed: number;
  now: number;
  /** Distinct bodies in the pool, and whether each one may take a suffix. */
  bodies: { long: boolean }[];
};

export type Plan = ReturnType<typeof planDataset>;

function threadSizes(random: Random, posts: number) {
  // The longest thread is always there, so every dataset has a deep page to measure.
  const cap = Math.min(5000, Math.max(40, Math.floor(posts / 10)));
  const sizes = [Math.min(cap, posts)];
  let total = sizes[0]!;
  while (total < posts) {
    const size = Math.min(cap, posts - total, Math.max(1, Math.floor(random.pareto(SIZE_XM, SIZE_ALPHA))));
    sizes.push(size);
    total += size;
  }
  return sizes;
}

/** Post times per thread: exponential gaps, squeezed to end before `end`, strictly increasing. */
function threadTimes(random: Random, size: number, start: number, end: number, into: Float64Array, offset: number): void {
  const meanGap = random.pick([0.5, 2, 6, 24]) * HOUR;
  let t = 0;
  const gaps = new Float64Array(size);
  for (let index = 1; index < size; index += 1) gaps[index] = (t += random.exponential(meanGap));
  // A thread that would run past the present is squeezed into part of the time left, so recent
  // busy threads do not all end at the same instant.
  const room = (end - start) * (0.2 + 0.8 * random.next());
  const scale = t > room ? room / t : 1;
  let previous = -Infinity;
  for (let index = 0; index < size; index += 1) {
    const at = Math.max(Math.round(start + gaps[index]! * scale), previous + 1);
    into[offset + index] = at;
    previous = at;
  }
}

export function planDataset(options: PlanOptions) {
  const random = createRandom(options.seed);
  const end = options.now - HOUR;
  const historyStart = end - HISTORY_DAYS * DAY;

  // Users: id 1 is the bench account, then staff, then members ranked by how much they post.
  const staffCount = 4;
  const memberCount = Math.min(200_000, Math.max(20, Math.round(options.posts / 12)));
  const userCount = 1 + staffCount + memberCount;
  const memberRank = zipfPicker(memberCount + 1, 1.0, random);
  const benchRank = Math.min(50, memberCount);
  const memberId = (rank: number) => (rank === benchRank ? 1 : 1 + staffCount + 1 + (rank > benchRank ? rank - 1 : rank));
  const pickMember = () => memberId(memberRank());
  const pickStaff = () => 2 + random.int(staffCount);

  // Threads, created in time order (thread id = index + 1).
  const sizes = threadSizes(random, options.posts);
  const order = sizes.map((size) => ({ size, start: end - (end - historyStart) * Math.pow(random.next(), 1.5) }));
  order.sort((a, b) => a.start - b.start);
  const threadCount = order.length;
  const categoryPicker = weightedPicker(BENCH_CATEGORIES.map((category) => category.weight), random);
  const threads = {
    count: threadCount,
    categoryId: new Int32Array(threadCount),
    title: order.map(() => titleFor(random)),
    pinned: new Uint8Array(threadCount),
    locked: new Uint8Array(threadCount),
    // Counters, filled while walking the posts in time order.
    authorId: new Int32Array(threadCount),
    createdAt: new Float64Array(threadCount),
    lastPostNumber: new Int32Array(threadCount),
    replyCount: new Int32Array(threadCount),
    lastPostId: new Int32Array(threadCount),
    lastPostAt: new Float64Array(threadCount),
    lastPostAuthorId: new Int32Array(threadCount),
  };

  // Posts in thread order first, then sorted by time: ids are chronological, as in a live forum,
  // so one thread's posts are scattered through the table rather than stored side by side.
  const postCount = options.posts;
  const byThread = { thread: new Int32Array(postCount), number: new Int32Array(postCount), time: new Float64Array(postCount) };
  let offset = 0;
  order.forEach(({ size, start }, thread) => {
    threads.categoryId[thread] = 1 + categoryPicker();
    threadTimes(random, size, start, end, byThread.time, offset);
    for (let number = 1; number <= size; number += 1) {
      byThread.thread[offset + number - 1] = thread;
      byThread.number[offset + number - 1] = number;
    }
    offset += size;
  });
  const chronological = Uint32Array.from({ length: postCount }, (_, index) => index);
  chronological.sort((a, b) => byThread.time[a]! - byThread.time[b]! || byThread.thread[a]! - byThread.thread[b]! || byThread.number[a]! - byThread.number[b]!);

  const longBodies = options.bodies.flatMap((body, index) => (body.long ? [index] : []));
  const posts = {
    count: postCount,
    threadId: new Int32Array(postCount),
    number: new Int32Array(postCount),
    authorId: new Int32Array(postCount),
    body: new Int32Array(postCount),
    /** Seed for the post's suffix sentence, or -1 for none. */
    suffix: new Int32Array(postCount),
    createdAt: new Float64Array(postCount),
    editedAt: new Float64Array(postCount), // 0 = never edited
    deletedAt: new Float64Array(postCount), // 0 = not deleted
    revisionBody: new Int32Array(postCount),
  };
  const userPostCount = new Int32Array(userCount + 1);
  const categories = BENCH_CATEGORIES.map(() => ({ threadCount: 0, postCount: 0, lastThreadId: 0, lastPostAt: 0 }));

  chronological.forEach((source, index) => {
    const thread = byThread.thread[source]!;
    const number = byThread.number[source]!;
    const at = byThread.time[source]!;
    const id = index + 1;
    const author = number === 1 ? pickMember() : random.chance(0.03) ? pickStaff() : pickMember();
    posts.threadId[index] = thread + 1;
    posts.number[index] = number;
    posts.authorId[index] = author;
    posts.body[index] = number === 1 && longBodies.length > 0 ? random.pick(longBodies) : random.int(options.bodies.length);
    posts.suffix[index] = random.chance(0.35) ? random.int(2 ** 31) : -1;
    posts.createdAt[index] = at;
    if (random.chance(0.03)) {
      posts.editedAt[index] = Math.min(end, at + random.exponential(2 * HOUR));
      posts.revisionBody[index] = random.int(options.bodies.length);
    }
    const deleted = number > 1 && random.chance(0.005);
    if (deleted) posts.deletedAt[index] = Math.min(end, at + random.exponential(DAY));

    // recordNewPost, then recordRemovedPost for the deleted ones.
    const category = categories[threads.categoryId[thread]! - 1]!;
    if (number === 1) {
      threads.authorId[thread] = author;
      threads.createdAt[thread] = at;
      category.threadCount += 1;
    }
    threads.lastPostNumber[thread] = number;
    category.lastThreadId = thread + 1;
    category.lastPostAt = at;
    if (!deleted) {
      if (number > 1) threads.replyCount[thread]! += 1;
      threads.lastPostId[thread] = id;
      threads.lastPostAt[thread] = at;
      threads.lastPostAuthorId[thread] = author;
      category.postCount += 1;
      userPostCount[author]! += 1;
    }
  });

  // Each category pins its two oldest threads (rules, FAQ); a few old threads are locked.
  const pinnedPerCategory = new Map<number, number>();
  for (let thread = 0; thread < threadCount; thread += 1) {
    const category = threads.categoryId[thread]!;
    const pinned = pinnedPerCategory.get(category) ?? 0;
    if (pinned < 2) {
      threads.pinned[thread] = 1;
      pinnedPerCategory.set(category, pinned + 1);
    } else if (threads.lastPostAt[thread]! < end - 365 * DAY && random.chance(0.01)) {
      threads.locked[thread] = 1;
    }
  }

  return { now: options.now, historyStart, staffCount, memberCount, userCount, threads, posts, userPostCount, categories };
}

function weightedPicker(weights: readonly number[], random: Random): () => number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return () => {
    let target = random.next() * total;
    for (let index = 0; index < weights.length; index += 1) {
      target -= weights[index]!;
      if (target < 0) return index;
    }
    return weights.length - 1;
  };
}
