import { describe, expect, it } from 'vitest';
import { endOfDay } from '../../src/polls/closing-date.js';
import { netPromoterScore, percent, resultsVisible, scaleMean } from '../../src/polls/results.js';

const counts = (votes: number[]) => ({ options: votes.map((voteCount, index) => ({ id: index, label: String(index), voteCount, voters: [] })) });

describe('poll figures', () => {
  it('computes the NPS as % promoters (9–10) minus % detractors (0–6), with the three counts', () => {
    expect(netPromoterScore(counts([1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1]))).toEqual({ score: 40, promoters: 3, passives: 1, detractors: 1 });
    expect(netPromoterScore(counts([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toEqual({ score: -100, promoters: 0, passives: 0, detractors: 2 });
    expect(netPromoterScore(counts(Array(11).fill(0)))).toBeNull();
  });

  it('averages a 1–5 scale and rounds percentages', () => {
    expect(scaleMean(counts([0, 0, 2, 0, 3]))).toBe(4.2);
    expect(scaleMean(counts([0, 0, 0, 0, 0]))).toBeNull();
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });

  it('shows results always, after voting (or closing), or after closing', () => {
    const open = { closedAt: null, closesAt: null };
    expect(resultsVisible({ ...open, resultsShown: 'always' }, false, 0)).toBe(true);
    expect(resultsVisible({ ...open, resultsShown: 'voted' }, false, 0)).toBe(false);
    expect(resultsVisible({ ...open, resultsShown: 'voted' }, true, 0)).toBe(true);
    expect(resultsVisible({ ...open, resultsShown: 'closed' }, true, 0)).toBe(false);
    expect(resultsVisible({ closedAt: null, closesAt: 10, resultsShown: 'closed' }, false, 10)).toBe(true);
    expect(resultsVisible({ closedAt: 5, closesAt: null, resultsShown: 'voted' }, false, 6)).toBe(true);
  });
});

describe('closing dates', () => {
  it('end at the end of the day in the author’s time zone', () => {
    expect(endOfDay('2026-03-10', 'UTC')).toBe(Date.UTC(2026, 2, 11));
    expect(endOfDay('2026-03-10', 'Asia/Shanghai')).toBe(Date.UTC(2026, 2, 10, 16));
    expect(endOfDay('2026-07-01', 'America/New_York')).toBe(Date.UTC(2026, 6, 2, 4));
    // The day New York's clocks go forward: midnight after it is still UTC−4.
    expect(endOfDay('2026-03-08', 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4));
    expect(endOfDay('2026-02-30', 'UTC')).toBeNull();
    expect(endOfDay('tomorrow', 'UTC')).toBeNull();
  });
});
