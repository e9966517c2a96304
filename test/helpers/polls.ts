import { makeThread } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import type { TestContext } from './app.js';
import { location } from './forum.js';

/** A thread started by `author` in `category`, with its path. */
export async function pollThread(ctx: TestContext, author: SignedIn, category: string, title: string) {
  const thread = await makeThread(ctx.services, author, { category, title, body: 'What do you all think? Vote below.' });
  return { ...thread, path: `/t/${thread.threadId}/${thread.slug}` };
}

/** Adds a poll through the "Add a poll" form; returns its id (from the redirect's #poll-N). */
export async function addPoll(ctx: TestContext, as: SignedIn, threadId: number, form: Record<string, string>): Promise<number> {
  const response = await ctx.http.post(`/t/${threadId}/polls/new`, form, { as });
  const target = location(response);
  return Number(/#poll-([0-9]+)$/.exec(target)![1]);
}

/** The poll's option ids in order, and its counts as stored. */
export function pollState(ctx: TestContext, pollId: number) {
  const options = ctx.db.$client.prepare('select id, label, vote_count as votes from poll_options where poll_id = ? order by position').all(pollId) as { id: number; label: string; votes: number }[];
  const poll = ctx.db.$client.prepare('select voter_count as voters, closed_at as closedAt from polls where id = ?').get(pollId) as { voters: number; closedAt: number | null };
  const rows = (ctx.db.$client.prepare('select count(*) as n from poll_votes where poll_id = ?').get(pollId) as { n: number }).n;
  return { options, ids: options.map((option) => String(option.id)), voters: poll.voters, closedAt: poll.closedAt, rows };
}

export function vote(ctx: TestContext, as: SignedIn | null, pollId: number, options: string[]) {
  return ctx.http.post(`/polls/${pollId}/vote`, { option: options }, as ? { as } : {});
}
