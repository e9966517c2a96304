import type { PollData } from './read.js';
import { isPollOpen } from './polls.js';

// What a viewer sees of a poll's results, and the figures shown: pure functions of the poll, the
// time and whether this viewer voted.

/** Results show always, once the viewer voted (or the poll closed), or once the poll closed. */
export function resultsVisible(poll: Pick<PollData, 'resultsShown' | 'closedAt' | 'closesAt'>, voted: boolean, now: number): boolean {
  if (poll.resultsShown === 'always') return true;
  const closed = !isPollOpen(poll, now);
  return poll.resultsShown === 'voted' ? voted || closed : closed;
}

/** A whole percentage of `total`, 0 when nobody voted. */
export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}

export type NetPromoterScore = { score: number; promoters: number; passives: number; detractors: number };

/**
 * The Net Promoter Score of a 0–10 poll: the percentage of promoters (9–10) minus that of
 * detractors (0–6), from −100 to 100; null before anyone answered. Options are positioned 0–10.
 */
export function netPromoterScore(poll: Pick<PollData, 'options'>): NetPromoterScore | null {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  poll.options.forEach((option, score) => {
    if (score >= 9) promoters += option.voteCount;
    else if (score >= 7) passives += option.voteCount;
    else detractors += option.voteCount;
  });
  const total = promoters + passives + detractors;
  if (total === 0) return null;
  return { score: Math.round(((promoters - detractors) / total) * 100), promoters, passives, detractors };
}

/** The mean of a 1–5 scale's answers, to one decimal; null before anyone answered. */
export function scaleMean(poll: Pick<PollData, 'options'>): number | null {
  let sum = 0;
  let total = 0;
  poll.options.forEach((option, index) => {
    sum += (index + 1) * option.voteCount;
    total += option.voteCount;
  });
  return total === 0 ? null : Math.round((sum / total) * 10) / 10;
}
