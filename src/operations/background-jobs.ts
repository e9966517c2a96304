import type { Db } from '../db/client.js';
import { CHECKPOINT_INTERVAL_MS, checkpointWal } from '../db/checkpoint.js';
import { DIGEST_CHECK_MS, runDigests } from '../email/digest.js';
import type { ServiceContext } from '../lib/context.js';
import type { Logger } from '../lib/log.js';
import type { MarkdownRenderer } from '../markdown/renderer.js';
import { REVIEW_ALERT_CHECK_MS, runReviewAlerts } from '../moderation/review-alerts.js';
import { runUnansweredSummaries, UNANSWERED_SUMMARY_CHECK_MS } from '../moderation/unanswered-summary.js';
import { runDataExports } from '../privacy/export-job.js';
import { purgeOldAddresses } from '../privacy/retention.js';
import { acquireUnlessBusy, leasedJob, releaseLease } from './leases.js';
import { rebakePosts } from './rebake.js';
import { collectOrphanUploads } from '../uploads/orphans.js';
import type { UploadStore } from '../uploads/store.js';

// The jobs a server process runs beside its requests. With several processes on one database
// each job runs under a lease (src/operations/leases.ts), in one process at a time: two
// checkpoints or two re-renders would be harmless but wasted, and two digest passes must not
// race. Sending email is not here: every process drains the outbox, claiming rows first
// (src/email/sender.ts), and the digest job runs between its passes (src/email/worker.ts).

/** A lease outlives a few periods of its job, so the holder keeps it; a crashed holder's lapses. */
const CHECKPOINT_LEASE_MS = 3 * CHECKPOINT_INTERVAL_MS;
const DIGEST_LEASE_MS = 3 * DIGEST_CHECK_MS;
const REVIEW_ALERT_LEASE_MS = 3 * REVIEW_ALERT_CHECK_MS;
const UNANSWERED_SUMMARY_LEASE_MS = 3 * UNANSWERED_SUMMARY_CHECK_MS;
/** Orphaned uploads are looked for every hour; the lease outlives a few of those. */
const ORPHAN_UPLOADS_MS = 60 * 60_000;
const ORPHAN_UPLOADS_LEASE_MS = 3 * ORPHAN_UPLOADS_MS;
/** Renewed after every batch of posts, which takes seconds. */
const REBAKE_LEASE_MS = 2 * 60_000;

/** The digest pass, as a job of the email worker. */
export function digestJob(db: Db) {
  const digests = leasedJob(db, { name: 'digests', durationMs: DIGEST_LEASE_MS }, (now: number) => runDigests(db, now));
  return { everyMs: DIGEST_CHECK_MS, run: async (now: number) => digests(now) };
}

/**
 * The staff alerts, as jobs of the email worker (they queue email): items waiting too long in the
 * review queue, every minute, and the daily summary of questions past their target.
 */
export function staffAlertJobs(services: Omit<ServiceContext, 'now'>) {
  const { db } = services;
  const reviewAlerts = leasedJob(db, { name: 'review-alerts', durationMs: REVIEW_ALERT_LEASE_MS }, (now: number) => runReviewAlerts(db, now));
  const summaries = leasedJob(db, { name: 'unanswered-summary', durationMs: UNANSWERED_SUMMARY_LEASE_MS }, (now: number) => runUnansweredSummaries(services, now));
  return [
    { everyMs: REVIEW_ALERT_CHECK_MS, run: async (now: number) => reviewAlerts(now) },
    { everyMs: UNANSWERED_SUMMARY_CHECK_MS, run: async (now: number) => summaries(now) },
  ];
}

const EXPORT_CHECK_MS = 15_000;
const RETENTION_CHECK_MS = 60 * 60_000;

/**
 * Members' privacy, as jobs of the email worker (exports mail their link): waiting data exports
 * are built and expired ones deleted, and client addresses older than the retention period purged.
 */
export function privacyJobs(db: Db, options: { exportsDir: string; uploadsDir: string; ipRetentionDays: number }) {
  const exports = leasedJob(db, { name: 'data-exports', durationMs: 3 * EXPORT_CHECK_MS }, (now: number) => runDataExports(db, { exportsDir: options.exportsDir, uploadsDir: options.uploadsDir, now }));
  const retention = leasedJob(db, { name: 'address-retention', durationMs: 3 * RETENTION_CHECK_MS }, (now: number) => purgeOldAddresses(db, { retentionDays: options.ipRetentionDays, now }));
  return [
    { everyMs: EXPORT_CHECK_MS, run: async (now: number) => exports(now) },
    { everyMs: RETENTION_CHECK_MS, run: async (now: number) => retention(now) },
  ];
}

/**
 * Uploads no post shows after a day (src/uploads/orphans.ts), in one process at a time; tests call
 * the returned function with their own clock.
 */
export function orphanUploadsJob(db: Db, store: UploadStore, log: Logger): (now: number) => Promise<number> {
  const job = leasedJob(db, { name: 'orphan-uploads', durationMs: ORPHAN_UPLOADS_LEASE_MS }, (now: number) => collectOrphanUploads(db, store, now));
  return async (now) => {
    try {
      return (await job(now)) ?? 0;
    } catch (error) {
      log.error('Collecting orphaned uploads failed; the next hour tries again.', error);
      return 0;
    }
  };
}

/** Starts the re-rendering of older posts, the WAL checkpoints and the orphaned uploads' collection; `stop` ends the timers. */
export function startBackgroundJobs(options: { db: Db; markdown: MarkdownRenderer; log: Logger; uploads: UploadStore }): { stop(): void } {
  const { db, log } = options;
  rebakeOlderPosts(db, options.markdown, log);
  // Readers can hold the WAL open indefinitely under load; a regular checkpoint keeps it bounded.
  const checkpoint = leasedJob(db, { name: 'wal-checkpoint', durationMs: CHECKPOINT_LEASE_MS }, () => checkpointWal(db, log.warn));
  const timer = setInterval(checkpoint, CHECKPOINT_INTERVAL_MS);
  timer.unref();
  const orphans = orphanUploadsJob(db, options.uploads, log);
  const orphanTimer = setInterval(() => void orphans(Date.now()), ORPHAN_UPLOADS_MS);
  orphanTimer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      clearInterval(orphanTimer);
    },
  };
}

/**
 * Posts rendered by an older renderer (e.g. before plain text was stored) are re-rendered in the
 * background, a batch at a time; pages show them as stored meanwhile. Another process already at
 * it is left to finish.
 */
function rebakeOlderPosts(db: Db, markdown: MarkdownRenderer, log: Logger): void {
  const lease = { name: 'rebake', durationMs: REBAKE_LEASE_MS };
  if (!acquireUnlessBusy(db, lease)) return;
  rebakePosts(db, markdown, { onProgress: () => acquireUnlessBusy(db, lease) })
    .then(({ rendered, titles }) => {
      if (titles > 0) log.info(`Analyzed ${titles} thread titles for search.`);
      if (rendered > 0) log.info(`Re-rendered ${rendered} posts written by an older renderer.`);
    })
    .catch((error: unknown) => log.error('Re-rendering older posts stopped; run `npm run cli -- rebake` to finish.', error))
    // A stop while re-rendering has closed the database and given the lease back already.
    .finally(() => db.$client.open && releaseLease(db, lease.name));
}
