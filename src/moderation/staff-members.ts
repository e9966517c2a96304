import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import type { Role } from '../db/schema.js';
import type { SignedIn } from '../lib/context.js';

// The community team as the permission predicates see it (role plus category scope, as a session
// loads it in src/auth/session.ts), for the jobs that tell staff about work waiting for them.

type Row = { id: number; username: string; role: Role; createdAt: number; scope: string | null };

const statement = perDatabase((db: Db) =>
  db.$client.prepare<{ now: number }, Row>(
    `SELECT u.id, u.username, u.role, u.created_at AS createdAt,
       (SELECT json_group_array(s.category_id) FROM manager_scopes s WHERE s.user_id = u.id) AS scope
     FROM users u
     WHERE u.role IN ('manager', 'admin') AND (u.suspended_until IS NULL OR u.suspended_until <= @now)
     ORDER BY u.id`,
  ),
);

/** Every admin and manager who is not suspended, with the categories a scoped manager moderates. */
export function listStaffMembers(db: Db, now: number): SignedIn[] {
  return statement(db)
    .all({ now })
    .map((row) => {
      const scope = row.scope ? (JSON.parse(row.scope) as number[]) : [];
      const member: SignedIn = { id: row.id, username: row.username, role: row.role, createdAt: row.createdAt };
      if (scope.length > 0) member.scope = scope;
      return member;
    });
}
