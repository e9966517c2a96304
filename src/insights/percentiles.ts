import type { Share, Spread } from './types.js';

/*
 * Percentiles by the nearest-rank method (ADR 0042): the p-th percentile of n values sorted
 * ascending is the value at rank ⌈p/100 × n⌉ (1-based). It is always one of the measured values
 * (no interpolation to a time nobody waited), and the same in SQL, in a spreadsheet's
 * PERCENTILE.INC-free reading and in a test's head: of 4 values the median is the 2nd, the 90th
 * percentile the 4th.
 */

export function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Median and 90th percentile of `values` (sorted here; the array is not changed). */
export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: nearestRank(sorted, 50), p90: nearestRank(sorted, 90) };
}

export function emptyShare(): Share {
  return { count: 0, of: 0 };
}
