import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { processHolder } from '../operations/leases.js';
import type { Address, MailTransport } from './transport.js';
import { perDatabase } from '../db/prepared.js';

/** After this many failed attempts a message is marked failed and left for an operator to read. */
export const MAX_ATTEMPTS = 8;
export const BATCH_SIZE = 20;
const MINUTE = 60_000;
/**
 * How long a claimed message is this process's to send. Renewed just before each send, so it
 * needs to cover one send only, which the transport bounds to well under a minute; after it, a
 * crashed sender's messages fall due again for any process.
 */
export const CLAIM_MS = 5 * MINUTE;

/** 1, 2, 4, 8… minutes after each failure, at most 6 hours: a mail server outage is ridden out. */
export function retryDelay(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE);
}

export type DrainResult = { sent: number; retried: number; failed: number };

export type ClaimedMessage = { id: number; toAddress: string; subject: string; textBody: string; htmlBody: string | null; headers: string | null; attempts: number };
type Claim = { holder: string; now: number; until: number };
type Statements = {
  claim: Statement<Claim & { limit: number }, ClaimedMessage>;
  renew: Statement<Claim & { id: number }>;
  sent: Statement<{ id: number; holder: string; attempts: number; now: number }>;
  failed: Statement<{ id: number; holder: string; attempts: number; status: string; lastError: string; nextAttemptAt: number }>;
};

const COLUMNS = 'id, to_address AS toAddress, subject, text_body AS textBody, html_body AS htmlBody, headers, attempts';
// next_attempt_at doubles as the claim's expiry (see the schema), so a claimed row is not due for
// anyone else until then. One UPDATE … RETURNING: SQLite runs writes one at a time, so a row is
// claimed by exactly one process.
const CLAIM = `UPDATE email_outbox SET claimed_by = @holder, next_attempt_at = @until
  WHERE id IN (SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT @limit)
  RETURNING ${COLUMNS}`;
// Every later write applies only while the claim is still ours (not expired and taken by another).
const OURS = `id = @id AND claimed_by = @holder AND status = 'pending'`;
const RENEW = `UPDATE email_outbox SET next_attempt_at = @until WHERE ${OURS} AND next_attempt_at > @now`;
const SENT = `UPDATE email_outbox SET status = 'sent', attempts = @attempts, sent_at = @now, last_error = NULL WHERE ${OURS}`;
const FAILED = `UPDATE email_outbox SET status = @status, attempts = @attempts, last_error = @lastError, next_attempt_at = @nextAttemptAt, claimed_by = NULL WHERE ${OURS}`;

const statements = perDatabase((db): Statements => {
  const client = db.$client;
  return { claim: client.prepare(CLAIM), renew: client.prepare(RENEW), sent: client.prepare(SENT), failed: client.prepare(FAILED) };
});

/** Claims up to `limit` due messages for `holder`, oldest id first. */
export function claimDueMessages(db: Db, holder: string, now: number, limit: number): ClaimedMessage[] {
  return statements(db).claim.all({ holder, now, until: now + CLAIM_MS, limit }).sort((a, b) => a.id - b.id);
}

/**
 * Sends one batch of due messages, one at a time, and records each outcome. Several processes may
 * drain at once: each claims its rows first. Delivery is at least once: a crash between the mail
 * server's acceptance and the update below sends that message again once the claim expires.
 * Never throws for a transport error; those are kept on the row as last_error.
 */
export async function drainOutbox(
  db: Db,
  transport: MailTransport,
  options: { now: () => number; from: Address; batchSize?: number; holder?: string },
): Promise<DrainResult> {
  const sql = statements(db);
  const holder = options.holder ?? processHolder;
  const rows = claimDueMessages(db, holder, options.now(), options.batchSize ?? BATCH_SIZE);
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  for (const row of rows) {
    // A claim that lapsed (this process stalled) may be another's by now: leave the row to it.
    const now = options.now();
    if (sql.renew.run({ id: row.id, holder, now, until: now + CLAIM_MS }).changes === 0) continue;
    try {
      const headers = row.headers ? (JSON.parse(row.headers) as Record<string, string>) : undefined;
      await transport.send({ from: options.from, to: row.toAddress, subject: row.subject, text: row.textBody, ...(row.htmlBody ? { html: row.htmlBody } : {}), ...(headers ? { headers } : {}) });
      sql.sent.run({ id: row.id, holder, attempts: row.attempts + 1, now: options.now() });
      result.sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const failed = attempts >= MAX_ATTEMPTS;
      sql.failed.run({ id: row.id, holder, attempts, status: failed ? 'failed' : 'pending', lastError, nextAttemptAt: options.now() + retryDelay(attempts) });
      if (failed) result.failed += 1;
      else result.retried += 1;
    }
  }
  return result;
}
