import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { emailOutbox } from '../../src/db/schema.js';
import { enqueueEmail } from '../../src/email/outbox.js';
import { CLAIM_MS, claimDueMessages, drainOutbox } from '../../src/email/sender.js';
import type { MailMessage, MailTransport } from '../../src/email/transport.js';

// Two connections to one file stand for two server processes draining one outbox.
let folder: string;
let first: Db;
let second: Db;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'hearth-outbox-claims-'));
  first = openDatabase(join(folder, 'test.db'));
  migrateDatabase(first);
  second = openDatabase(join(folder, 'test.db'));
});
afterAll(() => {
  closeDatabase(first);
  closeDatabase(second);
  rmSync(folder, { recursive: true, force: true });
});

const start = Date.UTC(2026, 0, 15, 12);

function queue(count: number, at = start): number[] {
  first.delete(emailOutbox).run();
  return Array.from({ length: count }, (_, index) => enqueueEmail(first, { userId: null, to: `member${index}@example.com`, kind: 'notification', subject: `Message ${index}`, text: 'Hello' }, at));
}

function recordingTransport(): MailTransport & { sent: string[] } {
  const sent: string[] = [];
  return { description: 'test', sent, send: async (message: MailMessage) => void sent.push(message.subject), close: () => {} };
}

const statuses = () => first.select({ id: emailOutbox.id, status: emailOutbox.status, claimedBy: emailOutbox.claimedBy }).from(emailOutbox).all();

describe('claiming outbox messages', () => {
  it('gives each due message to one process only', () => {
    const ids = queue(5);
    const mine = claimDueMessages(first, 'a', start, 3).map((row) => row.id);
    const theirs = claimDueMessages(second, 'b', start, 10).map((row) => row.id);
    expect(mine).toEqual(ids.slice(0, 3));
    expect(theirs).toEqual(ids.slice(3));
    expect(claimDueMessages(second, 'b', start + CLAIM_MS - 1, 10)).toEqual([]);
  });

  it('retries a crashed sender’s messages once its claim expires, and the late sender then writes nothing', async () => {
    const [id] = queue(1);
    expect(claimDueMessages(first, 'crashed', start, 10).map((row) => row.id)).toEqual([id]);
    const transport = recordingTransport();
    expect(await drainOutbox(second, transport, { now: () => start + CLAIM_MS - 1, from: 'f@example.com', holder: 'b' })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await drainOutbox(second, transport, { now: () => start + CLAIM_MS, from: 'f@example.com', holder: 'b' })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(transport.sent).toEqual(['Message 0']);
    expect(statuses()).toEqual([{ id, status: 'sent', claimedBy: 'b' }]);
  });

  it('sends nothing twice when two processes drain at once', async () => {
    const ids = queue(30);
    const transport = recordingTransport();
    const drain = (db: Db, holder: string) => drainOutbox(db, transport, { now: () => start, from: 'f@example.com', holder, batchSize: 20 });
    const results = await Promise.all([drain(first, 'a'), drain(second, 'b'), drain(first, 'a'), drain(second, 'b')]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(30);
    expect(transport.sent.toSorted()).toEqual(ids.map((_, index) => `Message ${index}`).toSorted());
    expect(statuses().every((row) => row.status === 'sent')).toBe(true);
  });

  it('leaves a message whose claim lapsed and was taken by another to that process', async () => {
    const [id] = queue(1);
    // "a" claims, stalls past the claim, and "b" claims the message meanwhile.
    const stalled = claimDueMessages(first, 'a', start, 10);
    expect(stalled.map((row) => row.id)).toEqual([id]);
    expect(claimDueMessages(second, 'b', start + CLAIM_MS, 10).map((row) => row.id)).toEqual([id]);
    const transport = recordingTransport();
    expect(await drainOutbox(first, transport, { now: () => start + CLAIM_MS + 1, from: 'f@example.com', holder: 'a' })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(transport.sent).toEqual([]);
    expect(statuses()).toEqual([{ id, status: 'pending', claimedBy: 'b' }]);
  });
});
