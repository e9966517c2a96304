import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { digestMessage } from '../../views/email/messages.js';
import { notificationHtml, notificationPlain, isolateInSpan } from '../../views/components/notification-text.js';
import { mailMember } from './member-mail.js';
import { describeNotification, NOTIFICATION_ROW_SELECT, type NotificationRow } from './notification-text.js';
import { mailSiteFor } from './site.js';
import { perDatabase } from '../db/prepared.js';
import { threadPath } from '../lib/slug.js';

const DAY = 24 * 60 * 60_000;
export const DIGEST_PERIOD_MS = { daily: DAY, weekly: 7 * DAY } as const;
/** How often the server looks for members whose digest is due. */
export const DIGEST_CHECK_MS = 15 * 60_000;
const BATCH = 200;
const MAX_NOTIFICATIONS = 20;
const MAX_THREADS = 5;

type Member = { id: number; email: string; username: string; preference: 'daily' | 'weekly'; lastDigestAt: number | null };
type PopularThread = { id: number; title: string; slug: string; replies: number; helpful: number; category: string };
type Statements = {
  due: Statement<{ now: number; after: number; daily: number; weekly: number }, Member>;
  unread: Statement<{ userId: number; since: number }, NotificationRow>;
  popular: Statement<{ userId: number; since: number }, PopularThread>;
  markEmailed: Statement<[number, number]>;
  done: Statement<{ now: number; userId: number; last: number | null }>;
};

// Verified, not suspended, daily or weekly, and a period since the last digest (or never had one).
const DUE = `SELECT id, email, username, email_preference AS preference, last_digest_at AS lastDigestAt FROM users
  WHERE id > @after AND email_verified_at IS NOT NULL AND (suspended_until IS NULL OR suspended_until <= @now)
    AND ((email_preference = 'daily' AND coalesce(last_digest_at, 0) <= @now - @daily)
      OR (email_preference = 'weekly' AND coalesce(last_digest_at, 0) <= @now - @weekly))
  ORDER BY id LIMIT ${BATCH}`;
const UNREAD = `${NOTIFICATION_ROW_SELECT}
  WHERE n.user_id = @userId AND n.read_at IS NULL AND n.emailed_at IS NULL AND n.created_at > @since ORDER BY n.id DESC LIMIT ${MAX_NOTIFICATIONS}`;
// "Popular": the watched categories' public threads active in the period, most replies and helpful votes first.
const POPULAR = `SELECT t.id, t.title, t.slug, t.reply_count AS replies, t.helpful_count AS helpful, c.name AS category
  FROM category_watches AS w JOIN threads AS t ON t.category_id = w.category_id JOIN categories AS c ON c.id = t.category_id
  WHERE w.user_id = @userId AND w.level = 'watching' AND t.status = 'published' AND t.last_post_at > @since
  ORDER BY t.reply_count + 3 * t.helpful_count DESC, t.id DESC LIMIT ${MAX_THREADS}`;

const statements = perDatabase((db): Statements => {
  const client = db.$client;
  return {
    due: client.prepare(DUE),
    unread: client.prepare(UNREAD),
    popular: client.prepare(POPULAR),
    markEmailed: client.prepare('UPDATE notifications SET emailed_at = ? WHERE id = ?'),
    // Only if no other pass got there first: last_digest_at is still what this pass read.
    done: client.prepare('UPDATE users SET last_digest_at = @now WHERE id = @userId AND last_digest_at IS @last'),
  };
});

/**
 * One member's digest: what happened since their last one (a first digest looks back one period),
 * queued with its notifications marked emailed; nothing when there is nothing to say.
 */
function digestFor(db: Db, member: Member, now: number): boolean {
  const site = mailSiteFor(db)!;
  const sql = statements(db);
  const since = member.lastDigestAt ?? now - DIGEST_PERIOD_MS[member.preference];
  return db.transaction(
    () => {
      // A digest composed by another process meanwhile (two on one database) is not composed twice,
      // and what goes in is read inside the same write transaction.
      if (sql.done.run({ now, userId: member.id, last: member.lastDigestAt }).changes === 0) return false;
      const unread = sql.unread.all({ userId: member.id, since });
      const threads = sql.popular.all({ userId: member.id, since });
      if (unread.length === 0 && threads.length === 0) return false;
      mailMember(db, { userId: member.id, email: member.email, username: member.username }, 'digest', now, (props) =>
        digestMessage({
          ...props,
          period: member.preference,
          notifications: unread.map((row) => {
            const { sentence, url } = describeNotification(row, site);
            return { text: { text: notificationPlain(props.i18n, sentence), html: notificationHtml(props.i18n, sentence, isolateInSpan) }, url };
          }),
          threads: threads.map((thread) => ({ ...thread, url: `${site.baseUrl}${threadPath(thread.id, thread.slug)}` })),
        }),
      );
      for (const row of unread) sql.markEmailed.run(now, row.id);
      return true;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Sends every due daily and weekly digest as of `now`, a batch of members at a time, yielding to
 * requests between batches. Members with nothing new get no email (their period restarts).
 */
export async function runDigests(db: Db, now: number): Promise<{ checked: number; sent: number }> {
  if (!mailSiteFor(db)) return { checked: 0, sent: 0 };
  const result = { checked: 0, sent: 0 };
  let after = 0;
  for (;;) {
    const members = statements(db).due.all({ now, after, daily: DIGEST_PERIOD_MS.daily, weekly: DIGEST_PERIOD_MS.weekly });
    for (const member of members) {
      result.checked += 1;
      if (digestFor(db, member, now)) result.sent += 1;
    }
    if (members.length < BATCH) return result;
    after = members.at(-1)!.id;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
