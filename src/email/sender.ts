import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { emailOutbox } from '../db/schema.js';
import type { Address, MailTransport } from './transport.js';
import { perDatabase } from '../db/prepared.js';

/** After this many failed attempts a message is marked failed and left for an operator to read. */
export const MAX_ATTEMPTS = 8;
export const BATCH_SIZE = 20;
const MINUTE = 60_000;

/** 1, 2, 4, 8… minutes after each failure, at most 6 hours: a mail server outage is ridden out. */
export function retryDelay(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE);
}

export type DrainResult = { sent: number; retried: number; failed: number };

function prepare(db: Db) {
  return {
    due: db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, sql.placeholder('now'))))
      .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  };
}
const preparedFor = perDatabase(prepare);

/**
 * Sends one batch of due messages, one at a time, and records each outcome. Delivery is at least
 * once: a crash between the server's acceptance and the update below sends that message again.
 * Never throws for a transport error; those are kept on the row as last_error.
 */
export async function drainOutbox(db: Db, transport: MailTransport, options: { now: () => number; from: Address; batchSize?: number }): Promise<DrainResult> {
  const statements = preparedFor(db);
  const rows = statements.due.all({ now: options.now(), limit: options.batchSize ?? BATCH_SIZE });
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  for (const row of rows) {
    try {
      const headers = row.headers ? (JSON.parse(row.headers) as Record<string, string>) : undefined;
      await transport.send({ from: options.from, to: row.toAddress, subject: row.subject, text: row.textBody, ...(row.htmlBody ? { html: row.htmlBody } : {}), ...(headers ? { headers } : {}) });
      db.update(emailOutbox).set({ status: 'sent', attempts: row.attempts + 1, sentAt: options.now(), lastError: null }).where(eq(emailOutbox.id, row.id)).run();
      result.sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const failed = attempts >= MAX_ATTEMPTS;
      db.update(emailOutbox)
        .set({ status: failed ? 'failed' : 'pending', attempts, lastError, nextAttemptAt: options.now() + retryDelay(attempts) })
        .where(eq(emailOutbox.id, row.id))
        .run();
      if (failed) result.failed += 1;
      else result.retried += 1;
    }
  }
  return result;
}
