import { readFileSync, statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { getSetting } from '../db/settings.js';
import { emailOutbox } from '../db/schema.js';
import { buildId } from '../lib/build-id.js';
import type { ErrorCounter } from '../lib/error-counter.js';
import { projectPath } from '../lib/paths.js';
import { LAST_BACKUP_KEY } from './backup.js';

// The site's health as the admin home shows it: what is running, how big the database and its
// write-ahead log are, when a backup last completed, what email waits, and how many requests
// failed lately. Each figure is one cheap read: the page is for people, not for monitoring.

export type SiteHealth = {
  version: string;
  buildId: string;
  databaseBytes: number | null;
  walBytes: number;
  lastBackupAt: number | null;
  outbox: { pending: number; failed: number };
  errorsLastHour: number;
  countingSince: number;
};

let version: string | undefined;

function appVersion(): string {
  version ??= (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  return version;
}

function fileBytes(path: string): number | null {
  return statSync(path, { throwIfNoEntry: false })?.size ?? null;
}

export function siteHealth(db: Db, databasePath: string, errors: ErrorCounter): SiteHealth {
  const outbox = db
    .select({ pending: sql<number>`count(*) filter (where ${emailOutbox.status} = 'pending')`, failed: sql<number>`count(*) filter (where ${emailOutbox.status} = 'failed')` })
    .from(emailOutbox)
    .get() ?? { pending: 0, failed: 0 };
  const backup = Number(getSetting(db, LAST_BACKUP_KEY));
  return {
    version: appVersion(),
    buildId: buildId(),
    databaseBytes: databasePath === ':memory:' ? null : fileBytes(databasePath),
    walBytes: databasePath === ':memory:' ? 0 : (fileBytes(`${databasePath}-wal`) ?? 0),
    lastBackupAt: Number.isFinite(backup) && backup > 0 ? backup : null,
    outbox: { pending: Number(outbox.pending), failed: Number(outbox.failed) },
    errorsLastHour: errors.lastHour(),
    countingSince: errors.since,
  };
}
