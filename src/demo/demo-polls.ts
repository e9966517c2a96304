import type { ServiceContext, SignedIn } from '../lib/context.js';
import { AppError } from '../lib/errors.js';
import { createPoll } from '../polls/polls.js';
import { votePoll } from '../polls/votes.js';
import { pollOptionIds } from '../polls/read.js';
import { MANAGER_USERNAME, threads } from './demo-content.js';
import { makeThread } from './factories.js';

// The demo's polls (docs/polls.md): a member's poll on a Lounge thread, voted on by the demo
// members, and the team's product satisfaction survey (a 1–5 scale, the 0–10 "would you
// recommend" question and a choice) in a thread of its own, answered by every demo member.
// Written through the services, on the seed's clock.

const DAY_MS = 24 * 60 * 60 * 1000;
const MEMBER_POLL_THREAD = 'Dealer service vs doing it yourself?';

/** The survey's thread: one more thread and post than the conversations of demo-content.ts. */
export const SURVEY_THREAD = {
  title: 'Two minutes for us: how is your Fernwheel doing?',
  body: [
    'Every spring we ask riders how their bikes are treating them. Three questions, all anonymous: the team only ever sees the totals.',
    '',
    'Thank you! Everything you tell us goes straight to the product and service teams.',
  ].join('\n'),
  daysAgo: 6,
};

// Answers picked so the results look like a real community's: mostly happy, a few not.
const SERVICE_CHOICES = [0, 1, 2, 1, 0, 2, 1, 1, 3, 0, 1, 2, 1, 0];
const SATISFACTION = [4, 5, 4, 3, 5, 4, 2, 5, 4, 4, 3, 5, 4, 1, 5, 4, 3, 4, 5, 4, 4, 2, 5, 4];
const RECOMMEND = [9, 10, 8, 7, 10, 9, 4, 10, 9, 8, 6, 10, 9, 2, 10, 8, 7, 9, 10, 9, 8, 5, 10, 9];
const MODELS = [0, 1, 0, 2, 1, 0, 0, 1, 2, 0, 1, 0, 2, 0, 1, 1, 0, 2, 0, 1, 0, 0, 1, 2];

function at(ctx: ServiceContext, time: number): ServiceContext {
  return { ...ctx, now: () => time };
}

/** A vote that the rules may refuse (a member silenced by the demo's moderation): skipped. */
function tryVote(ctx: ServiceContext, voter: SignedIn, pollId: number, optionId: number | undefined): void {
  if (optionId === undefined) return;
  try {
    votePoll(ctx, voter, { pollId, options: [String(optionId)] });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

function memberPoll(ctx: ServiceContext, now: number, members: SignedIn[], threadId: number, author: SignedIn): void {
  const started = now - threads.find((thread) => thread.title === MEMBER_POLL_THREAD)!.daysAgo * DAY_MS;
  const form = { pollQuestion: 'Who does your bike’s servicing?', pollOptions: 'My dealer\nI do it myself\nA bit of both\nA local bike shop', pollPublic: '1' };
  const { pollId } = createPoll(at(ctx, started + 60_000), author, { threadId, form, timeZone: 'UTC' });
  const options = pollOptionIds(ctx.db, pollId);
  SERVICE_CHOICES.forEach((choice, index) => {
    const voter = members[(index * 5) % members.length]!;
    if (voter.id !== author.id) tryVote(at(ctx, started + (index + 2) * 3_600_000), voter, pollId, options[choice]);
  });
}

async function survey(ctx: ServiceContext, now: number, members: SignedIn[], manager: SignedIn): Promise<void> {
  const started = now - SURVEY_THREAD.daysAgo * DAY_MS;
  const thread = await makeThread(at(ctx, started), manager, { category: 'lounge', title: SURVEY_THREAD.title, body: SURVEY_THREAD.body });
  const closesOn = new Date(now + 14 * DAY_MS).toISOString().slice(0, 10);
  const questions = [
    { pollQuestion: 'How satisfied are you with your Fernwheel overall?', pollKind: 'scale', pollResults: 'voted' },
    { pollQuestion: 'How likely are you to recommend Fernwheel to a friend?', pollKind: 'nps', pollResults: 'voted' },
    { pollQuestion: 'Which Fernwheel do you ride most?', pollOptions: 'Metro\nHaul\nRidgeline', pollResults: 'voted' },
  ];
  const polls = questions.map((form, index) => createPoll(at(ctx, started + (index + 1) * 60_000), manager, { threadId: thread.threadId, form: { ...form, pollClosesOn: closesOn }, timeZone: 'UTC' }).pollId);
  const options = polls.map((pollId) => pollOptionIds(ctx.db, pollId));
  members.forEach((member, index) => {
    const answered = at(ctx, started + (index + 1) * 4 * 3_600_000);
    tryVote(answered, member, polls[0]!, options[0]![SATISFACTION[index % SATISFACTION.length]! - 1]);
    tryVote(answered, member, polls[1]!, options[1]![RECOMMEND[index % RECOMMEND.length]!]);
    tryVote(answered, member, polls[2]!, options[2]![MODELS[index % MODELS.length]!]);
  });
}

/** Adds the demo's polls; `threadIds` are the conversations' ids in the order of demo-content.ts. */
export async function seedDemoPolls(ctx: ServiceContext, now: number, authors: Map<string, SignedIn>, threadIds: number[]): Promise<void> {
  const members = [...authors.values()].filter((user) => user.role === 'member');
  const index = threads.findIndex((thread) => thread.title === MEMBER_POLL_THREAD);
  const author = authors.get(threads[index]!.author);
  const manager = authors.get(MANAGER_USERNAME);
  if (index < 0 || !author || !manager) throw new Error(`The demo's polls need the thread "${MEMBER_POLL_THREAD}" and the manager "${MANAGER_USERNAME}" in demo-content.ts.`);
  memberPoll(ctx, now, members, threadIds[index]!, author);
  await survey(ctx, now, members, manager);
}
