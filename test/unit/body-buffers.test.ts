import { describe, expect, it } from 'vitest';
import { giveBackBodyBuffer, takeBodyBuffer } from '../../src/lib/body-buffers.js';

describe('body buffers', () => {
  it('hands a buffer given back out again for a page of its size class, and never one still out', () => {
    const first = takeBodyBuffer(50_000);
    const second = takeBodyBuffer(50_000);
    expect(first.length).toBeGreaterThanOrEqual(50_000);
    expect(second).not.toBe(first);
    giveBackBodyBuffer(first);
    const again = takeBodyBuffer(49_500);
    expect(again).toBe(first);
    expect(takeBodyBuffer(50_000)).not.toBe(second);
  });

  it('gives a larger page a larger buffer', () => {
    const small = takeBodyBuffer(10_000);
    giveBackBodyBuffer(small);
    const large = takeBodyBuffer(200_000);
    expect(large).not.toBe(small);
    expect(large.length).toBeGreaterThanOrEqual(200_000);
  });
});
