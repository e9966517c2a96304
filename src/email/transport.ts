import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export type Address = string | { name: string; address: string };

/** One message as the transport gets it: the outbox row plus the sender. */
export type MailMessage = { from: Address; to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

export type MailTransport = {
  /** One line for the start log: where email goes. */
  readonly description: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
};

/** Over SMTP when SMTP_URL is set; otherwise composed the same way and written as .eml files. */
export function createMailTransport(options: { smtpUrl: string; outboxDir: string }): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl) : fileTransport(options.outboxDir);
}

function smtpTransport(url: string): MailTransport {
  // Bounded waits: a mail server that hangs delays the outbox, never the process.
  const transporter = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  const where = new URL(url);
  return {
    description: `Email is sent over SMTP to ${where.hostname}:${where.port || (where.protocol === 'smtps:' ? 465 : 587)}.`,
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

function fileTransport(folder: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let count = 0;
  return {
    description: `SMTP_URL is not set: email is written as .eml files to ${folder}.`,
    async send(message) {
      const info = await composer.sendMail(message);
      await mkdir(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++count}.eml`;
      await writeFile(join(folder, name), info.message as Buffer);
    },
    close: () => composer.close(),
  };
}
