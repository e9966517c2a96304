import { isPollOpen } from './polls.js';
import type { PollData } from './read.js';
import { resultsVisible } from './results.js';

/**
 * A thread's polls as the JSON API shows them to anyone: the questions and options, and the counts
 * only where the poll shows its results to visitors (always, or once closed). Voters' names never.
 */
export function publicPollsJson(polls: readonly PollData[], now: number) {
  return polls.map((poll) => {
    const shown = resultsVisible(poll, false, now);
    return {
      id: poll.id,
      question: poll.question,
      kind: poll.kind,
      maxChoices: poll.maxChoices,
      open: isPollOpen(poll, now),
      closesAt: poll.closesAt === null ? null : new Date(poll.closesAt).toISOString(),
      resultsShown: poll.resultsShown,
      voterCount: shown ? poll.voterCount : null,
      options: poll.options.map((option) => ({ id: option.id, label: option.label, votes: shown ? option.voteCount : null })),
    };
  });
}
