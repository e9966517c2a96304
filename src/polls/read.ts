import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import type { PollKind, PollResultsShown } from '../db/schema.js';

// A thread's polls as its pages show them: one prepared query for the polls and their options, and
// one more for voters' names only when a poll's votes are public. Read with the thread's shared
// reads (once per thread version, src/forum/thread-page.ts); the viewer's own choices are a third,
// per-viewer query and never part of what is shared.

export type PollOptionData = { id: number; label: string; voteCount: number; voters: string[] };
export type PollData = {
  id: number;
  question: string;
  kind: PollKind;
  maxChoices: number;
  resultsShown: PollResultsShown;
  publicVotes: boolean;
  closesAt: number | null;
  closedAt: number | null;
  voterCount: number;
  options: PollOptionData[];
};

type Row = Omit<PollData, 'options' | 'publicVotes'> & { publicVotes: number; optionId: number; label: string; voteCount: number };

const statements = perDatabase((db: Db) => ({
  polls: db.$client.prepare<[threadId: number], Row>(
    'select polls.id, polls.question, polls.kind, polls.max_choices as maxChoices, polls.results_shown as resultsShown, polls.public_votes as publicVotes, ' +
      'polls.closes_at as closesAt, polls.closed_at as closedAt, polls.voter_count as voterCount, poll_options.id as optionId, poll_options.label, poll_options.vote_count as voteCount ' +
      'from polls join poll_options on poll_options.poll_id = polls.id where polls.thread_id = ? order by polls.position, polls.id, poll_options.position',
  ),
  voters: db.$client.prepare<[threadId: number], { optionId: number; username: string }>(
    'select poll_votes.option_id as optionId, users.username from poll_votes join polls on polls.id = poll_votes.poll_id join users on users.id = poll_votes.user_id ' +
      'where polls.thread_id = ? and polls.public_votes = 1 order by poll_votes.created_at, users.username',
  ),
  mine: db.$client
    .prepare<[threadId: number, userId: number], number>('select poll_votes.option_id from poll_votes join polls on polls.id = poll_votes.poll_id where polls.thread_id = ? and poll_votes.user_id = ?')
    .pluck(),
}));

/** Every poll of a thread in order, with options, counts and (for public polls) voters' names. */
export function readThreadPolls(db: Db, threadId: number): PollData[] {
  const queries = statements(db);
  const found = new Map<number, PollData>();
  for (const row of queries.polls.all(threadId)) {
    let poll = found.get(row.id);
    if (!poll) {
      const { optionId: _optionId, label: _label, voteCount: _voteCount, publicVotes, ...columns } = row;
      poll = { ...columns, publicVotes: publicVotes === 1, options: [] };
      found.set(row.id, poll);
    }
    poll.options.push({ id: row.optionId, label: row.label, voteCount: row.voteCount, voters: [] });
  }
  const polls = [...found.values()];
  if (polls.some((poll) => poll.publicVotes)) {
    const options = new Map(polls.flatMap((poll) => poll.options.map((option) => [option.id, option] as const)));
    for (const voter of queries.voters.all(threadId)) options.get(voter.optionId)?.voters.push(voter.username);
  }
  return polls;
}

/** The options this member picked in any poll of the thread. */
export function viewerChoices(db: Db, threadId: number, userId: number): Set<number> {
  return new Set(statements(db).mine.all(threadId, userId));
}

/** A poll's option ids in order (for the demo seed and tools that vote by position). */
export function pollOptionIds(db: Db, pollId: number): number[] {
  return db.$client.prepare<[number], number>('select id from poll_options where poll_id = ? order by position').pluck().all(pollId);
}
