import { describe, expect, it } from 'vitest';
import { restartDelay } from '../../src/operations/cluster-primary.js';

describe('replacing a server process that died', () => {
  it('happens at once for one that had been running, and ever later for one that dies at start', () => {
    expect(restartDelay(0)).toBe(0);
    expect([1, 2, 3, 4, 5].map(restartDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(restartDelay(6)).toBe(30_000);
    expect(restartDelay(9)).toBe(30_000);
  });
});
