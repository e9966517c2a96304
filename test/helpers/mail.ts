import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Config } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { drainOutbox } from '../../src/email/sender.js';
import { mailSiteFor } from '../../src/email/site.js';
import { createMailTransport } from '../../src/email/transport.js';
import { mailSender } from '../../src/email/worker.js';

export type ReceivedMail = ParsedMail & { envelopeTo: string[] };

/** A real SMTP server on loopback (no TLS, no auth) that parses everything it accepts. */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) }));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    /** Mail received so far for one address, oldest first. */
    to(address: string): ReceivedMail[] {
      return received.filter((mail) => mail.envelopeTo.includes(address));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One pass of the background sender, as server.ts runs it, with the test's clock. */
export async function drainMail(ctx: { db: Db; config: Config; clock: { now: () => number } }) {
  const transport = createMailTransport({ smtpUrl: ctx.config.smtpUrl, outboxDir: ctx.config.mailOutboxDir });
  try {
    return await drainOutbox(ctx.db, transport, { now: ctx.clock.now, from: mailSender(ctx.config, mailSiteFor(ctx.db)!) });
  } finally {
    transport.close();
  }
}

/** Waits until `check` returns a value, failing after a deadline instead of sleeping a fixed time. */
export async function eventually<T>(check: () => T | undefined, deadlineMs = 5_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The first link in a message's text body that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const match = (mail.text ?? '').split(/\s+/).find((word) => word.startsWith(prefix));
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return match;
}

/** A header's raw value as sent (mailparser folds List-* headers into one object otherwise). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((entry) => entry.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
}
