import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, desc, eq } from 'drizzle-orm';
import { dataExports, type DataExportStatus } from '../db/schema.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { NotFound, RateLimited, Unauthenticated } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { hashSecret } from '../lib/secret-hash.js';

// A member asks for their data (/account/export); a background job builds the ZIP
// (src/privacy/export-job.ts) and mails a link with a secret of which only the hash is stored,
// like a session's. The link works for that member only, signed in, until it expires.

const HOUR = 60 * 60_000;
/** One export a day is plenty for a person and keeps the job's work bounded. */
export const EXPORT_INTERVAL_MS = 24 * HOUR;
/** How long the mailed link, and the file, last. */
export const EXPORT_LIFETIME_MS = 7 * 24 * HOUR;
/** Past exports listed on the page. */
const LISTED = 10;

export type ExportView = { id: string; status: DataExportStatus | 'expired'; createdAt: number; readyAt: number | null; expiresAt: number | null; bytes: number | null };

export function randomToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

function signedIn(viewer: Viewer): SignedIn {
  if (viewer === null) throw new Unauthenticated(msg('account.signInFirst'));
  return viewer;
}

/** When the member may ask again, or null when they may now. */
export function nextExportAt(ctx: ServiceContext, viewer: Viewer): number | null {
  const user = signedIn(viewer);
  const last = ctx.db.select({ createdAt: dataExports.createdAt }).from(dataExports).where(eq(dataExports.userId, user.id)).orderBy(desc(dataExports.createdAt)).limit(1).get();
  const next = last ? last.createdAt + EXPORT_INTERVAL_MS : null;
  return next !== null && next > ctx.now() ? next : null;
}

/** Queues an export for the job; the link's secret is made when the file is ready. */
export function requestExport(ctx: ServiceContext, viewer: Viewer): string {
  const user = signedIn(viewer);
  return ctx.db.transaction(
    (tx) => {
      const next = nextExportAt({ ...ctx, db: tx as unknown as ServiceContext['db'] }, user);
      if (next !== null) throw new RateLimited(msg('privacy.exportWaitShort'), Math.ceil((next - ctx.now()) / 1000));
      const id = randomToken();
      // A hash no link will ever match, until the job sets the real one.
      tx.insert(dataExports).values({ id, secretHash: hashSecret(randomToken()), userId: user.id, status: 'pending', createdAt: ctx.now() }).run();
      return id;
    },
    { behavior: 'immediate' },
  );
}

export function listExports(ctx: ServiceContext, viewer: Viewer): ExportView[] {
  const user = signedIn(viewer);
  const now = ctx.now();
  return ctx.db
    .select({ id: dataExports.id, status: dataExports.status, createdAt: dataExports.createdAt, readyAt: dataExports.readyAt, expiresAt: dataExports.expiresAt, bytes: dataExports.bytes })
    .from(dataExports)
    .where(eq(dataExports.userId, user.id))
    .orderBy(desc(dataExports.createdAt))
    .limit(LISTED)
    .all()
    .map((row) => ({ ...row, status: row.status === 'ready' && row.expiresAt !== null && row.expiresAt <= now ? 'expired' : row.status }));
}

/**
 * The file of a ready export, for its own member with the mailed link's `id.secret`; anything
 * else is "not found", the same for a wrong secret, another member's export or an expired one.
 */
export function exportForDownload(ctx: ServiceContext, viewer: Viewer, token: string): { fileName: string } {
  const user = signedIn(viewer);
  const [id = '', secret = '', extra] = token.split('.');
  const row = extra === undefined && id.length <= 64 && secret.length > 0 && secret.length <= 64
    ? ctx.db.select().from(dataExports).where(and(eq(dataExports.id, id), eq(dataExports.userId, user.id))).get()
    : undefined;
  const matches = row !== undefined && constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash));
  if (!row || !matches || row.status !== 'ready' || row.fileName === null || row.expiresAt === null || row.expiresAt <= ctx.now()) {
    throw new NotFound(msg('privacy.exportGone'));
  }
  return { fileName: row.fileName };
}
