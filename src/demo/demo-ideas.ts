import type { ServiceContext, SignedIn } from '../lib/context.js';
import type { DemoAction } from './demo-answers.js';
import { mergeIdea } from '../ideas/merge.js';
import { changeIdeaStatus } from '../ideas/status-change.js';
import { setIdeaVoteLimit } from '../ideas/vote-limit.js';
import { setIdeaVote } from '../ideas/votes.js';
import { MANAGER_USERNAME } from './demo-content.js';
import { makeCategory, makeReply, makeThread } from './factories.js';

// The demo's ideas board: members propose and vote, the team gives statuses with notes, one idea
// shipped, one declined, and a duplicate merged into the idea it repeats. Written through the
// services, on a clock that moves through the last five weeks.

const DAY_MS = 24 * 60 * 60 * 1000;

type DemoIdea = {
  author: string;
  title: string;
  body: string;
  daysAgo: number;
  voters: string[];
  /** What the team said, days after it was proposed. */
  status?: { key: string; note: string; afterDays: number };
  /** Every idea gets a first reply within hours, as conversations on the board do. */
  reply: { author: string; body: string; afterHours: number };
};

const voters = ['dana_rides', 'pedalpusher88', 'kwame_o', 'lena-k', 'trailgoat', 'marcus_wrench', 'sofia_commutes', 'grandpa_gears', 'rainycityrider', 'jpetrov', 'nadia-b'];

const ideas: DemoIdea[] = [
  {
    author: 'sofia_commutes',
    title: 'Show the remaining range in kilometres on the display',
    body: 'The five-bar battery gauge is hard to plan with. A range estimate in km (based on the last few rides and the assist level) would tell me whether I can skip charging tonight.',
    daysAgo: 34,
    voters: voters.slice(0, 9),
    status: { key: 'planned', note: 'Planned for the next display firmware. The estimate will use your last 50 km and the current assist level.', afterDays: 6 },
    reply: { author: 'marcus_wrench', body: 'Yes please. Miles as well for those of us who never switched.', afterHours: 2 },
  },
  {
    author: 'rainycityrider',
    title: 'Schedule charging from the app',
    body: 'Electricity is cheaper at night here. Let me set a start time (or "ready by 7:00") so the charger waits until the cheap hours.',
    daysAgo: 30,
    voters: voters.slice(2, 9),
    status: { key: 'in_progress', note: 'Our app team is building this now; beta testers get it first.', afterDays: 9 },
    reply: { author: 'jpetrov', body: 'Same here. Even a simple "start at" time would do.', afterHours: 2 },
  },
  {
    author: 'lena-k',
    title: 'Walk-assist mode on the Haul cargo bike',
    body: 'Pushing a loaded Haul up a ramp is hard work. The Metro has walk assist; the Haul needs it more.',
    daysAgo: 28,
    voters: voters.slice(4, 10),
    status: { key: 'shipped', note: 'Shipped in Haul firmware 3.2: hold the minus button for two seconds. Thank you for the votes!', afterDays: 14 },
    reply: { author: 'trailgoat', body: 'The loading ramp at my building would thank you.', afterHours: 1 },
  },
  {
    author: 'grandpa_gears',
    title: 'A rear rack that takes two panniers and a child seat',
    body: 'Today it is one or the other. A wider rack with separate rails would let us carry the shopping and the grandchild.',
    daysAgo: 22,
    voters: voters.slice(0, 4),
    status: { key: 'under_review', note: 'Our design team is checking what the frame can carry safely.', afterDays: 3 },
    reply: { author: 'dana_rides', body: 'A second set of rails would help with a crate too.', afterHours: 3 },
  },
  {
    author: 'pedalpusher88',
    title: 'Bring back the matte green frame colour',
    body: 'The 2023 matte green was the best-looking bike you ever made.',
    daysAgo: 20,
    voters: voters.slice(6, 9),
    status: { key: 'declined', note: 'We are sorry: that paint did not hold up to road salt, so we will not bring it back. A new green is coming in the autumn range.', afterDays: 5 },
    reply: { author: 'sofia_commutes', body: 'Mine still looks great after two winters!', afterHours: 2 },
  },
  {
    author: 'trailgoat',
    title: 'Alert me when my bike moves while it is locked',
    body: 'A push notification (and the alarm beep) if the locked bike is moved more than a few metres would help against theft.',
    daysAgo: 12,
    voters: voters.slice(1, 6),
    reply: { author: 'lena-k', body: 'And a way to share the alert with a second phone, please.', afterHours: 4 },
  },
  {
    author: 'jpetrov',
    title: 'Theft notification on my phone',
    body: 'Could the app tell me if someone takes my bike?',
    daysAgo: 8,
    voters: ['kwame_o', 'nadia-b', 'jpetrov'],
    reply: { author: 'nadia-b', body: 'Yes, a push message when it moves would be perfect.', afterHours: 2 },
  },
  {
    author: 'kwame_o',
    title: 'Dark mode for the companion app',
    body: 'Night rides plus a bright white app screen are not a good mix.',
    daysAgo: 4,
    voters: ['nadia-b'],
    reply: { author: 'chen_wei', body: 'Following the phone\'s own dark setting would be enough.', afterHours: 1 },
  },
];

/** The duplicate (`jpetrov`'s theft idea) goes into the first theft idea; kwame voted for both. */
const MERGED = { from: 6, into: 5, afterDays: 2 };
const HOUR_MS = 60 * 60 * 1000;

export const IDEAS_BOARD = { name: 'Ideas', slug: 'ideas', description: 'What should we build next? Propose ideas, vote for the ones you want, and see what the team decided.' };

/** The board, made with the other categories (before any thread), with a limit of ten open votes. */
export function createIdeasBoard(ctx: ServiceContext): void {
  const board = makeCategory(ctx, { ...IDEAS_BOARD, kind: 'ideas' });
  setIdeaVoteLimit(ctx, 'system', { categoryId: board.id, limit: '10' });
}

type Person = (username: string) => SignedIn;

/** One idea's life: proposed, voted for over the hours after, maybe a reply, then the team's status. */
function actionsFor(now: number, person: Person, idea: DemoIdea, threadIds: number[], index: number): DemoAction[] {
  const proposed = now - idea.daysAgo * DAY_MS;
  const actions: DemoAction[] = [
    {
      at: proposed,
      act: async (ctx) => {
        threadIds[index] = (await makeThread(ctx, person(idea.author), { category: IDEAS_BOARD.slug, title: idea.title, body: idea.body })).threadId;
      },
    },
  ];
  idea.voters.forEach((voter, order) => actions.push({ at: proposed + (order + 1) * 3 * HOUR_MS, act: (ctx) => void setIdeaVote(ctx, person(voter), { threadId: threadIds[index]!, vote: '1' }) }));
  const reply = idea.reply;
  actions.push({ at: proposed + reply.afterHours * HOUR_MS + HOUR_MS / 2, act: async (ctx) => void (await makeReply(ctx, person(reply.author), { threadId: threadIds[index]!, body: reply.body })) });
  const status = idea.status;
  if (status) {
    actions.push({ at: proposed + status.afterDays * DAY_MS, act: (ctx) => void changeIdeaStatus(ctx, person(MANAGER_USERNAME), { threadId: threadIds[index]!, status: status.key, note: status.note }) });
  }
  return actions;
}

/** Everything on the board, to be played among the other demo posts in time order. */
export function ideaActions(now: number, person: Person): DemoAction[] {
  const threadIds: number[] = [];
  const merge: DemoAction = {
    at: now - (ideas[MERGED.from]!.daysAgo - MERGED.afterDays) * DAY_MS,
    act: (ctx) => void mergeIdea(ctx, person(MANAGER_USERNAME), { threadId: threadIds[MERGED.from]!, into: String(threadIds[MERGED.into]!) }),
  };
  return [...ideas.flatMap((idea, index) => actionsFor(now, person, idea, threadIds, index)), merge];
}

/** How many threads and posts the board holds, for the seed's own checks. */
export const demoIdeaCounts = { threads: ideas.length, posts: 2 * ideas.length };
