import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { emailOutbox } from '../db/schema.js';
import type { Tx } from '../forum/counters.js';

/** A composed message waiting in the outbox; the sender adds From, Date and Message-ID. */
export type OutgoingEmail = {
  userId: number | null;
  to: string;
  /** What the message is (verify_email, reset_password, notification, digest…), for logs and tests. */
  kind: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

/**
 * Queues a message inside the caller's transaction: it goes out only if the change it reports
 * commits, and a crash after the commit cannot lose it (the sender retries until it is sent).
 */
export function enqueueEmail(tx: Tx | Db, message: OutgoingEmail, at: number): number {
  const row = tx
    .insert(emailOutbox)
    .values({
      userId: message.userId,
      toAddress: message.to,
      kind: message.kind,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html ?? null,
      headers: message.headers ? JSON.stringify(message.headers) : null,
      status: 'pending',
      nextAttemptAt: at,
      createdAt: at,
    })
    .returning({ id: emailOutbox.id })
    .get();
  return row.id;
}

/** Whether a message of this kind was queued for the member since `since` (index email_outbox_user_kind_idx). */
export function recentlyMailed(tx: Tx | Db, userId: number, kind: string, since: number): boolean {
  const row = tx
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.kind, kind), gt(emailOutbox.createdAt, since)))
    .limit(1)
    .get();
  return row !== undefined;
}
