import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { ConfigError, loadConfig, mailLinksWarning, type Config } from './config.js';
import { CHECKPOINT_INTERVAL_MS, checkpointWal } from './db/checkpoint.js';
import { closeDatabase, openDatabase, readPragmas } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { seedDemo } from './demo/seed.js';
import { getSetting } from './db/settings.js';
import { DIGEST_CHECK_MS, runDigests } from './email/digest.js';
import { startEmailWorker } from './email/worker.js';
import { createAccessLogWriter } from './lib/access-log-writer.js';
import { cachedPagesServer } from './lib/cached-pages.js';
import { createLogger } from './lib/log.js';
import { PageCache } from './lib/page-cache.js';
import { createMarkdownRenderer } from './markdown/worker-pool.js';
import { rebakePosts } from './operations/rebake.js';

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

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const db = openDatabase(config.databasePath, { synchronous: config.sqliteSynchronous });
  const pragmas = readPragmas(db);
  log.info(`Database ${config.databasePath}: journal_mode=${pragmas.journal_mode} synchronous=${pragmas.synchronous} foreign_keys=${pragmas.foreign_keys} busy_timeout=${pragmas.busy_timeout}`);
  migrateDatabase(db);
  const markdown = createMarkdownRenderer();
  const services = { db, markdown, now: Date.now };

  if (config.demoSeed) {
    const seeded = await seedDemo(services);
    if (seeded) {
      log.info(`Seeded the demo community "${seeded.siteName}". Demo accounts:`);
      for (const account of seeded.accounts) log.info(`  ${account.role.padEnd(8)} ${account.username} / ${account.password}`);
    }
  }
  if (!config.rateLimit) log.warn('RATE_LIMIT=off: abuse limits are disabled. Use this only for trusted load tests.');
  const mailWarning = mailLinksWarning(config);
  if (mailWarning) log.warn(mailWarning);

  const siteName = getSetting(db, 'site_name');
  const accessLogWriter = config.logLevel === 'debug' || config.logLevel === 'info' ? createAccessLogWriter({ onError: (error) => log.error('The access log could not be written; requests are no longer logged.', error) }) : undefined;
  const accessLog = accessLogWriter ? (line: string) => accessLogWriter.write(line) : undefined;
  process.on('exit', () => accessLogWriter?.flushSync());
  const pageCache = new PageCache();
  const app = createApp({ db, config, markdown, pageCache, ...(siteName ? { siteName } : {}), log: (message, error) => log.error(message, error), ...(accessLog ? { accessLog } : {}) });
  const createServer = cachedPagesServer({ pageCache, config, ...(accessLog ? { accessLog } : {}) });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, createServer }, () => {
    log.info(`Hearth is serving ${config.baseUrl} (listening on ${config.host}:${config.port})`);
  });
  // Posts rendered by an older renderer (e.g. before plain text was stored) are re-rendered in the
  // background, a batch at a time; pages show them as stored meanwhile.
  rebakePosts(db, markdown)
    .then(({ rendered, titles }) => {
      if (titles > 0) log.info(`Analyzed ${titles} thread titles for search.`);
      if (rendered > 0) log.info(`Re-rendered ${rendered} posts written by an older renderer.`);
    })
    .catch((error: unknown) => log.error('Re-rendering older posts stopped; run `npm run cli -- rebake` to finish.', error));

  // Readers can hold the WAL open indefinitely under load; a regular checkpoint keeps it bounded.
  const checkpoint = setInterval(() => checkpointWal(db, log.warn), CHECKPOINT_INTERVAL_MS);
  checkpoint.unref();

  // Email goes out from this process, off the request path; digests are checked between sends.
  const email = startEmailWorker({
    db,
    config,
    site: { siteName: config.siteName ?? siteName ?? 'Community', baseUrl: config.baseUrl },
    log,
    jobs: [{ everyMs: DIGEST_CHECK_MS, run: (now) => runDigests(db, now) }],
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing open requests, then closing the database.`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Idle keep-alive sockets would otherwise hold close() open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    clearInterval(checkpoint);
    server.close(async () => {
      await markdown.close();
      await email.stop();
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
      closeDatabase(db);
      await accessLogWriter?.drain();
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Hearth could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
