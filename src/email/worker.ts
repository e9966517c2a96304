import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { BATCH_SIZE, drainOutbox } from './sender.js';
import { defaultSender, mailSiteFor, type MailSite } from './site.js';
import { createMailTransport, type Address, type MailTransport } from './transport.js';

/** What the sender's address is made from. */
type SenderSite = Pick<MailSite, 'siteName' | 'baseUrl'>;

const POLL_MS = 5_000;

export type EmailWorkerOptions = {
  db: Db;
  config: Config;
  site: SenderSite;
  now?: () => number;
  log: { info: (message: string) => void; warn: (message: string) => void };
  /** Periodic jobs run between drains (digests); each is awaited before the next poll. */
  jobs?: { everyMs: number; run: (now: number) => Promise<unknown> }[];
  /** Between passes; tests shorten it. */
  pollMs?: number;
};

export type EmailWorker = { transport: MailTransport; stop(): Promise<void> };

export function mailSender(config: Config, site: SenderSite): Address {
  return config.mailFrom ?? defaultSender(site);
}

/**
 * The background sender: polls the outbox every few seconds and sends one batch at a time, so
 * sending never runs on a request and never overlaps itself. Errors are logged, never thrown.
 */
export function startEmailWorker(options: EmailWorkerOptions): EmailWorker {
  const { db, config, log } = options;
  const now = options.now ?? Date.now;
  const transport = createMailTransport({ smtpUrl: config.smtpUrl, outboxDir: config.mailOutboxDir });
  const lastRun = new Map<number, number>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  async function tick(): Promise<void> {
    for (const [index, job] of (options.jobs ?? []).entries()) {
      if (now() - (lastRun.get(index) ?? 0) < job.everyMs) continue;
      lastRun.set(index, now());
      await job.run(now()).catch((error: unknown) => log.warn(`Email job failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    let busy = true;
    while (busy && !stopped) {
      // The site's name follows an admin's change made in any process (src/routes/site-settings.ts).
      const from = mailSender(config, mailSiteFor(db) ?? options.site);
      const result = await drainOutbox(db, transport, { now, from });
      if (result.retried + result.failed > 0) log.warn(`Email: ${result.retried} message(s) will be retried, ${result.failed} gave up after repeated failures.`);
      busy = result.sent + result.retried + result.failed >= BATCH_SIZE;
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick()
        .catch((error: unknown) => log.warn(`Email sender: ${error instanceof Error ? error.message : String(error)}`))
        .finally(schedule);
    }, options.pollMs ?? POLL_MS);
    timer.unref();
  }

  log.info(transport.description);
  schedule();
  return {
    transport,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      transport.close();
    },
  };
}
