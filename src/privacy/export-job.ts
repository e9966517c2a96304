import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Db } from '../db/client.js';
import { dataExports, users } from '../db/schema.js';
import { mailMember } from '../email/member-mail.js';
import { mailSiteFor } from '../email/site.js';
import { hashSecret } from '../lib/secret-hash.js';
import { exportReadyMessage } from '../../views/email/export-ready.js';
import { exportDocuments, exportedUploads } from './export-data.js';
import { exportReadme } from './export-readme.js';
import { EXPORT_LIFETIME_MS, randomToken } from './exports.js';

// The background half of data exports, run under a lease (src/operations/background-jobs.ts): it
// builds the waiting exports a few at a time, mails each member their link, and deletes the files
// of expired ones. A ZIP is written under a temporary name and renamed, so no half-written file is
// ever offered.

export type ExportJobOptions = { exportsDir: string; uploadsDir: string; now: number };

/** Exports built per run; the rest wait for the next (a member's export takes a moment). */
const PER_RUN = 5;

export function runDataExports(db: Db, options: ExportJobOptions): { built: number; failed: number; expired: number } {
  const waiting = db.select({ id: dataExports.id, userId: dataExports.userId, createdAt: dataExports.createdAt }).from(dataExports).where(eq(dataExports.status, 'pending')).orderBy(asc(dataExports.createdAt)).limit(PER_RUN).all();
  let built = 0;
  let failed = 0;
  for (const request of waiting) {
    try {
      buildExport(db, request, options);
      built++;
    } catch {
      db.update(dataExports).set({ status: 'failed' }).where(eq(dataExports.id, request.id)).run();
      failed++;
    }
  }
  return { built, failed, expired: removeExpired(db, options) };
}

function buildExport(db: Db, request: { id: string; userId: number; createdAt: number }, options: ExportJobOptions): void {
  const site = mailSiteFor(db);
  const baseUrl = site?.baseUrl ?? '';
  const files: Zippable = { 'README.txt': strToU8(exportReadme({ siteName: site?.siteName ?? 'Community', baseUrl, createdAt: options.now })) };
  for (const [name, document] of Object.entries(exportDocuments(db, request.userId, baseUrl))) files[name] = strToU8(`${JSON.stringify(document, null, 2)}\n`);
  for (const upload of exportedUploads(db, request.userId)) {
    const file = `${upload.hash}.${upload.ext}`;
    const path = join(options.uploadsDir, file);
    if (existsSync(path)) files[`uploads/${file}`] = readFileSync(path);
  }
  const zip = zipSync(files, { level: 6, mtime: new Date(options.now) });
  mkdirSync(options.exportsDir, { recursive: true });
  const fileName = `${request.id}.zip`;
  writeFileSync(join(options.exportsDir, `${fileName}.partial`), zip);
  renameSync(join(options.exportsDir, `${fileName}.partial`), join(options.exportsDir, fileName));
  const secret = randomToken();
  const expiresAt = options.now + EXPORT_LIFETIME_MS;
  db.transaction(
    (tx) => {
      tx.update(dataExports).set({ status: 'ready', fileName, bytes: zip.byteLength, readyAt: options.now, expiresAt, secretHash: hashSecret(secret) }).where(eq(dataExports.id, request.id)).run();
      const member = tx.select({ username: users.username, email: users.email, addressTaken: users.addressTaken }).from(users).where(eq(users.id, request.userId)).get();
      if (!member || member.addressTaken || member.email === '') return;
      mailMember(tx, { userId: request.userId, email: member.email, username: member.username }, 'data_export', options.now, (props) =>
        exportReadyMessage({ ...props, url: `${props.baseUrl}/account/export/${request.id}.${secret}`, expiresAt }),
      );
    },
    { behavior: 'immediate' },
  );
}

/** Expired exports lose their file; the row stays, so the page can say it expired. */
function removeExpired(db: Db, options: ExportJobOptions): number {
  const expired = db.select({ id: dataExports.id, fileName: dataExports.fileName }).from(dataExports).where(and(isNotNull(dataExports.fileName), lte(dataExports.expiresAt, options.now))).all();
  for (const row of expired) {
    rmSync(join(options.exportsDir, row.fileName!), { force: true });
    db.update(dataExports).set({ fileName: null }).where(eq(dataExports.id, row.id)).run();
  }
  return expired.length;
}
