import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { createSite } from './app.js';
import { ConfigError, loadConfig, mailLinksWarning, type Config } from './config.js';
import { closeDatabase, openDatabase, readPragmas, type Db } from './db/client.js';
import { seedDemo } from './demo/seed.js';
import { getSetting } from './db/settings.js';
import { startEmailWorker } from './email/worker.js';
import { createAccessLogWriter } from './lib/access-log-writer.js';
import { cachedPagesServer } from './lib/cached-pages.js';
import { createLogger, type Logger } from './lib/log.js';
import { PageCache } from './lib/page-cache.js';
import { ThreadViewCounter, VIEW_FLUSH_MS } from './insights/thread-views.js';
import type { MarkdownRenderer } from './markdown/renderer.js';
import { createMarkdownRenderer } from './markdown/worker-pool.js';
import { digestJob, privacyJobs, staffAlertJobs, startBackgroundJobs } from './operations/background-jobs.js';
import { runClusterPrimary } from './operations/cluster-primary.js';
import { releaseAllLeases } from './operations/leases.js';
import { prepareDatabase } from './operations/start-lock.js';
import { localUploadStore } from './uploads/store.js';

// One server process, or with WORKERS > 1 a primary that prepares the database once and then
// forks that many server processes on one port (src/operations/cluster-primary.ts).

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Opens the database, migrates and seeds it (one process at a time), and says so once. */
async function openPrepared(config: Config, log: Logger): Promise<{ db: Db; markdown: MarkdownRenderer }> {
  const db = openDatabase(config.databasePath, { synchronous: config.sqliteSynchronous });
  const markdown = createMarkdownRenderer();
  // Workers of a primary (WORKERS > 1) find this done; the primary has said all there is to say.
  const seeded = await prepareDatabase(db, config.demoSeed ? () => seedDemo({ db, markdown, now: Date.now }) : null);
  if (cluster.isWorker) return { db, markdown };
  const pragmas = readPragmas(db);
  log.info(`Database ${config.databasePath}: journal_mode=${pragmas.journal_mode} synchronous=${pragmas.synchronous} foreign_keys=${pragmas.foreign_keys} busy_timeout=${pragmas.busy_timeout}`);
  if (seeded) {
    log.info(`Seeded the demo community "${seeded.siteName}". Demo accounts:`);
    for (const account of seeded.accounts) log.info(`  ${account.role.padEnd(8)} ${account.username} / ${account.password}`);
  }
  if (!config.rateLimit) log.warn('RATE_LIMIT=off: abuse limits are disabled. Use this only for trusted load tests.');
  const mailWarning = mailLinksWarning(config);
  if (mailWarning) log.warn(mailWarning);
  return { db, markdown };
}

async function serveRequests(config: Config, log: Logger): Promise<void> {
  const { db, markdown } = await openPrepared(config, log);
  const siteName = getSetting(db, 'site_name');
  const accessLogWriter = config.logLevel === 'debug' || config.logLevel === 'info' ? createAccessLogWriter({ onError: (error) => log.error('The access log could not be written; requests are no longer logged.', error) }) : undefined;
  const accessLog = accessLogWriter ? (line: string) => accessLogWriter.write(line) : undefined;
  process.on('exit', () => accessLogWriter?.flushSync());
  const pageCache = new PageCache();
  const threadViews = new ThreadViewCounter();
  const { app, signedInThreads } = createSite({ db, config, markdown, pageCache, threadViews, ...(siteName ? { siteName } : {}), log: (message, error) => log.error(message, error), ...(accessLog ? { accessLog } : {}) });
  const createServer = cachedPagesServer({ pageCache, config, threadViews, signedInThreads, ...(accessLog ? { accessLog } : {}) });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, createServer }, () => {
    if (cluster.isPrimary) log.info(`Hearth is serving ${config.baseUrl} (listening on ${config.host}:${config.port})`);
  });
  const jobs = startBackgroundJobs({ db, markdown, log, uploads: localUploadStore(config.uploadsPath) });
  const viewsTimer = setInterval(() => flushViews(threadViews, db, log), VIEW_FLUSH_MS);
  viewsTimer.unref();
  // Email goes out from every process, off the request path; digests are checked between sends.
  // Its only information line (where email goes) is said by the first server process, not by each.
  const emailLog = cluster.isWorker && cluster.worker?.id !== 1 ? { ...log, info: () => undefined } : log;
  const email = startEmailWorker({ db, config, site: { siteName: config.siteName ?? siteName ?? 'Community', baseUrl: config.baseUrl }, log: emailLog, jobs: [digestJob(db), ...staffAlertJobs({ db, markdown }), ...privacyJobs(db, { ...config, uploadsDir: config.uploadsPath })] });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing open requests, then closing the database.`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Idle keep-alive sockets would otherwise hold close() open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    jobs.stop();
    clearInterval(viewsTimer);
    server.close(async () => {
      flushViews(threadViews, db, log);
      await markdown.close();
      await email.stop();
      // Another process takes the jobs over now rather than when the leases expire.
      releaseAllLeases(db);
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
      closeDatabase(db);
      await accessLogWriter?.drain();
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Adds the counted thread page views; a failure keeps them for the next try. */
function flushViews(threadViews: ThreadViewCounter, db: Db, log: Logger): void {
  try {
    threadViews.flush(db);
  } catch (error) {
    log.error('Thread page views could not be saved yet; they are kept for the next try.', error);
  }
}

/** The primary migrates and seeds before forking, so the workers find the database ready. */
async function superviseWorkers(config: Config, log: Logger): Promise<void> {
  const { db, markdown } = await openPrepared(config, log);
  await markdown.close();
  closeDatabase(db);
  runClusterPrimary({
    workers: config.workers,
    log,
    listening: (count) => log.info(`Hearth is serving ${config.baseUrl} with ${count} server processes (listening on ${config.host}:${config.port})`),
  });
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  if (cluster.isPrimary && config.workers > 1) await superviseWorkers(config, log);
  else await serveRequests(config, log);
}

main().catch((error: unknown) => {
  console.error('Hearth could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
