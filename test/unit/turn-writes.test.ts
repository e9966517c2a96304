import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { writeAtTurnEnd, writeWaitingNow } from '../../src/lib/turn-writes.js';

/** Enough of a response for the batch: whether it was destroyed. */
function response() {
  const fake = { destroyed: false, destroy: () => void (fake.destroyed = true) };
  return fake as unknown as ServerResponse & { destroyed: boolean };
}

const turnEnd = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('responses written at the end of the turn', () => {
  it('writes nothing while the turn lasts, then every response in the order it was queued', async () => {
    const written: number[] = [];
    for (const n of [1, 2, 3]) writeAtTurnEnd(response(), () => written.push(n));
    expect(written).toEqual([]);
    await turnEnd();
    expect(written).toEqual([1, 2, 3]);
    writeAtTurnEnd(response(), () => written.push(4));
    await turnEnd();
    expect(written).toEqual([1, 2, 3, 4]);
  });

  it('destroys a response whose write throws, and still writes the others', async () => {
    const written: string[] = [];
    const failing = response();
    const fine = response();
    writeAtTurnEnd(failing, () => {
      throw new Error('socket gone');
    });
    writeAtTurnEnd(fine, () => written.push('fine'));
    await turnEnd();
    expect(failing.destroyed).toBe(true);
    expect(fine.destroyed).toBe(false);
    expect(written).toEqual(['fine']);
  });

  it('lets a batch go before the turn ends once its first response has waited over a millisecond', async () => {
    const written: string[] = [];
    writeAtTurnEnd(response(), () => written.push('first'));
    const until = performance.now() + 3;
    while (performance.now() < until) {
      // A long turn: a slow request in the middle of the batch.
    }
    writeAtTurnEnd(response(), () => written.push('second'));
    expect(written).toEqual(['first']);
    await turnEnd();
    expect(written).toEqual(['first', 'second']);
  });

  it('writes what waits at once when asked, before work that may take a while', async () => {
    const written: string[] = [];
    writeAtTurnEnd(response(), () => written.push('answered'));
    writeWaitingNow();
    expect(written).toEqual(['answered']);
    writeWaitingNow();
    await turnEnd();
    expect(written).toEqual(['answered']);
  });
});
