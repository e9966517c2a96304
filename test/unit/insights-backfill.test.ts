import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterEach, expect, it } from 'vitest';
import { projectPath } from '../../src/lib/paths.js';

// Migration 0018 fills the insights' facts in for a community that existed before them.

const DAY = 86_400_000;
const HOUR = 3_600_000;
let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('backfills first replies, solutions and daily rollups from existing posts and votes', () => {
  folder = mkdtempSync(join(tmpdir(), 'hearth-backfill-'));
  const db = new Database(join(folder, 'old.db'));
  const migrations = readMigrationFiles({ migrationsFolder: projectPath('migrations') });
  const firstNew = migrations.findIndex((migration) => migration.sql.some((statement) => statement.includes('`daily_activity`')));
  expect(firstNew).toBeGreaterThan(0);
  for (const migration of migrations.slice(0, firstNew)) for (const statement of migration.sql) db.exec(statement);

  const t0 = Date.UTC(2026, 9, 1, 10);
  db.exec(`INSERT INTO users (id, username, username_key, email, email_key, password_hash, role, created_at) VALUES
    (1, 'asker', 'asker', 'a@x', 'a@x', '-', 'member', 0), (2, 'helper', 'helper', 'h@x', 'h@x', '-', 'member', 0), (3, 'maya', 'maya', 'm@x', 'm@x', '-', 'manager', 0)`);
  db.exec(`INSERT INTO categories (id, slug, name, kind, created_at) VALUES (1, 'help', 'Help', 'questions', 0)`);
  const thread = db.prepare(`INSERT INTO threads (id, category_id, author_id, title, slug, last_post_at, created_at, last_post_number) VALUES (?, 1, ?, 't', 't', ?, ?, ?)`);
  const post = db.prepare(`INSERT INTO posts (id, thread_id, number, author_id, body, body_html, render_version, created_at, status) VALUES (?, ?, ?, ?, 'b', 'b', 1, ?, ?)`);
  thread.run(1, 1, t0, t0, 4);
  post.run(1, 1, 1, 1, t0, 'published');
  post.run(2, 1, 2, 1, t0 + HOUR, 'published'); // the asker's own bump
  post.run(3, 1, 3, 2, t0 + 2 * HOUR, 'published');
  post.run(4, 1, 4, 3, t0 + DAY, 'published');
  post.run(5, 1, null, 2, t0 + HOUR / 2, 'pending'); // held, never published
  db.exec(`UPDATE threads SET solved_post_id = 3 WHERE id = 1`);
  thread.run(2, 3, t0, t0, 1);
  post.run(6, 2, 1, 3, t0, 'published');
  db.prepare(`INSERT INTO post_votes (post_id, user_id, created_at) VALUES (3, 1, ?)`).run(t0 + 2 * DAY);

  for (const migration of migrations.slice(firstNew)) for (const statement of migration.sql) db.exec(statement);

  const facts = db.prepare('SELECT id, opened_by_staff AS staff, first_reply_at AS firstReply, first_staff_reply_at AS firstStaff, solved_at AS solvedAt, solved_by_staff AS solvedByStaff FROM threads ORDER BY id').all();
  expect(facts).toEqual([
    { id: 1, staff: 0, firstReply: t0 + 2 * HOUR, firstStaff: t0 + DAY, solvedAt: t0 + 2 * HOUR, solvedByStaff: 0 },
    { id: 2, staff: 1, firstReply: null, firstStaff: null, solvedAt: null, solvedByStaff: 0 },
  ]);
  const day = Math.floor(t0 / DAY);
  expect(db.prepare('SELECT category_id AS category, day, threads, replies FROM daily_activity ORDER BY day').all()).toEqual([
    { category: 1, day, threads: 2, replies: 2 },
    { category: 1, day: day + 1, threads: 0, replies: 1 },
  ]);
  expect(db.prepare('SELECT day, user_id AS user, posts, answers, helpful FROM member_days WHERE user_id = 2 ORDER BY day').all()).toEqual([
    { day, user: 2, posts: 1, answers: 1, helpful: 0 },
    { day: day + 2, user: 2, posts: 0, answers: 0, helpful: 1 },
  ]);
  db.close();
});
