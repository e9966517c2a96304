import type { ServerResponse } from 'node:http';

/*
 * The fast paths' responses (cached anonymous pages, members' thread pages) are written together
 * once a turn of the event loop has read every request it will, rather than each as soon as it is
 * ready (ADR 0059). When the reader sits on the same machine (nginx in front, or a load
 * generator), the kernel delivers each write on the writer's core and wakes the reader's thread
 * from there: written one by one, nearly every response woke a reader that had gone back to sleep,
 * a cross-core wake-up that cost the server's core more than the write itself. Written together,
 * one wake-up serves the batch. A batch goes out early once its first response has waited
 * WAIT_MS (looked at as the next is queued), and whenever a request is about to go to the app
 * (`writeWaitingNow`), so no answer already made waits behind the app's work in the same turn.
 */

const WAIT_MS = 1;

type Write = { response: ServerResponse; write: () => void };

let waiting: Write[] = [];
let firstQueuedAt = 0;
let scheduled = false;

/** Writes the waiting responses now: before work that may take a while, such as the app's. */
export function writeWaitingNow(): void {
  if (waiting.length > 0) release();
}

function release(): void {
  const writes = waiting;
  waiting = [];
  for (const { response, write } of writes) {
    try {
      write();
    } catch {
      // Not left hanging, and not keeping the batch's other responses back.
      response.destroy();
    }
  }
}

function releaseAtTurnEnd(): void {
  scheduled = false;
  release();
}

/** Runs `write` (which writes `response`) once this turn of the event loop has read every request it will. */
export function writeAtTurnEnd(response: ServerResponse, write: () => void): void {
  const now = performance.now();
  if (waiting.length === 0) firstQueuedAt = now;
  else if (now - firstQueuedAt > WAIT_MS) {
    release();
    firstQueuedAt = now;
  }
  waiting.push({ response, write });
  if (!scheduled) {
    scheduled = true;
    setImmediate(releaseAtTurnEnd);
  }
}
