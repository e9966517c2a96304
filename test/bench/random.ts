// A small seeded PRNG so datasets and request mixes are reproducible run to run.

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number;
  /** Pareto with minimum xm and shape alpha: heavy-tailed (most values near xm, a few huge). */
  pareto(xm: number, alpha: number): number;
};

/** mulberry32: fast, 32-bit state, plenty for picking test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (p) => next() < p,
    exponential: (mean) => -Math.log(1 - next()) * mean,
    pareto: (xm, alpha) => xm / Math.pow(1 - next(), 1 / alpha),
  };
  return random;
}

/**
 * Picks indexes 0…n-1 with Zipf-like weights (index 0 most often): a few members write most posts.
 * Precomputes the cumulative weights once; each pick is a binary search.
 */
export function zipfPicker(n: number, exponent: number, random: Random): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let index = 0; index < n; index += 1) {
    total += 1 / Math.pow(index + 1, exponent);
    cumulative[index] = total;
  }
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}
