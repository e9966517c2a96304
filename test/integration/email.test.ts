import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailLinksWarning } from '../../src/config.js';
import { makeThread, makeUser } from '../../src/demo/factories.js';
import { closeDatabase, openDatabase } from '../../src/db/client.js';
import { emailOutbox, users } from '../../src/db/schema.js';
import { setSetting } from '../../src/db/settings.js';
import { mailMember } from '../../src/email/member-mail.js';
import { MAX_ATTEMPTS } from '../../src/email/sender.js';
import { startEmailWorker } from '../../src/email/worker.js';
import { notificationMessage } from '../../views/email/messages.js';
import { createTestContext, type TestContext } from '../helpers/app.js';
import { createForumContext } from '../helpers/forum.js';
import { drainMail, eventually, rawHeader, startSmtpServer } from '../helpers/mail.js';

/** Queues one notification-style message to a member, as services do inside their transactions. */
function queueTo(ctx: TestContext, user: { id: number; username: string }, summary: string): void {
  ctx.db.transaction((tx) => {
    mailMember(tx, { userId: user.id, email: `${user.username}@example.com`, username: user.username }, 'notification', ctx.clock.now(), (props) =>
      notificationMessage({ ...props, summary, url: `${props.baseUrl}/notifications` }),
    );
  });
}

function outboxRows(ctx: TestContext) {
  return ctx.db.select().from(emailOutbox).all();
}

describe('the outbox over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = await createTestContext({ smtpUrl: smtp.url, siteName: 'Kettle Co' });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('sends a queued message with both bodies, the sender and the one-click unsubscribe pair', async () => {
    const member = await makeUser(ctx.services, { username: 'marta' });
    queueTo(ctx, member, 'Your post in “Descaling <tips>” was approved & is now public.');
    expect(await drainMail(ctx)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mail = await eventually(() => smtp.to('marta@example.com')[0]);
    expect(mail.from?.text).toBe('"Kettle Co" <no-reply@localhost>');
    expect(mail.subject).toBe('Kettle Co: Your post in “Descaling <tips>” was approved & is now public.');
    expect(mail.text).toContain('Descaling <tips>');
    expect(mail.html).toContain('Descaling &lt;tips&gt;');
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const link = /^<(http:\/\/localhost:3000\/unsubscribe\?token=[^>]+)>$/.exec(rawHeader(mail, 'List-Unsubscribe') ?? '')?.[1];
    expect(link).toBeDefined();
    expect(mail.text).toContain(link);
    const [row] = outboxRows(ctx);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: ctx.clock.now() });
    expect(await drainMail(ctx)).toEqual({ sent: 0, retried: 0, failed: 0 });
  });
});

describe('the background sender', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = await createTestContext({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('sends what is queued, runs its periodic jobs, and stops cleanly', async () => {
    const member = await makeUser(ctx.services, { username: 'vera' });
    const jobRuns: number[] = [];
    const logged: string[] = [];
    const worker = startEmailWorker({
      db: ctx.db,
      config: ctx.config,
      site: { siteName: 'Community', baseUrl: ctx.config.baseUrl },
      now: ctx.clock.now,
      log: { info: (line) => logged.push(line), warn: (line) => logged.push(line) },
      jobs: [{ everyMs: 60_000, run: async (now) => void jobRuns.push(now) }],
      pollMs: 5,
    });
    expect(logged[0]).toMatch(/^Email is sent over SMTP to 127\.0\.0\.1:\d+\.$/);
    queueTo(ctx, member, 'Your post was approved.');
    await eventually(() => smtp.to('vera@example.com')[0]);
    await worker.stop();
    expect(outboxRows(ctx)).toMatchObject([{ status: 'sent' }]);
    expect(jobRuns).toEqual([ctx.clock.now()]);
  });

  it("signs messages with the site's name as it is now, changed by another process", async () => {
    const member = await makeUser(ctx.services, { username: 'wren' });
    const worker = startEmailWorker({
      db: ctx.db,
      config: ctx.config,
      site: { siteName: 'Community', baseUrl: ctx.config.baseUrl },
      now: ctx.clock.now,
      log: { info: () => undefined, warn: () => undefined },
      pollMs: 5,
    });
    // Another process's connection saves a new name; this one reads it on its next request.
    const other = openDatabase(ctx.config.databasePath);
    setSetting(other, 'site_name', 'Kettle Owners');
    closeDatabase(other);
    expect((await ctx.http.get('/')).status).toBe(200);
    queueTo(ctx, member, 'Your post was approved.');
    const mail = await eventually(() => smtp.to('wren@example.com')[0]);
    await worker.stop();
    expect(mail.from?.value[0]?.name).toBe('Kettle Owners');
  });
});

describe('the outbox without SMTP_URL', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ smtpUrl: '' });
  });
  afterAll(() => ctx.close());

  it('writes each message as an .eml file beside the database', async () => {
    const member = await makeUser(ctx.services, { username: 'eli' });
    queueTo(ctx, member, 'A community manager hid your post.');
    expect(await drainMail(ctx)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(ctx.config.mailOutboxDir).toBe(join(ctx.config.databasePath, '..', 'outbox'));
    const files = readdirSync(ctx.config.mailOutboxDir).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(readFileSync(join(ctx.config.mailOutboxDir, files[0]!)));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('eli@example.com');
    expect(mail.subject).toBe('Community: A community manager hid your post.');
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('says at start where the .eml files go, as information, not a warning', async () => {
    const info: string[] = [];
    const warnings: string[] = [];
    const worker = startEmailWorker({
      db: ctx.db,
      config: ctx.config,
      site: { siteName: 'Community', baseUrl: ctx.config.baseUrl },
      now: ctx.clock.now,
      log: { info: (line) => info.push(line), warn: (line) => warnings.push(line) },
    });
    await worker.stop();
    expect(info).toEqual([`SMTP_URL is not set: email is written as .eml files to ${ctx.config.mailOutboxDir}.`]);
    expect(warnings).toEqual([]);
  });
});

describe('the outbox while the mail server is down', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    const gone = await startSmtpServer();
    await gone.close();
    ctx = await createTestContext({ smtpUrl: gone.url });
  });
  afterAll(() => ctx.close());

  it('keeps the message pending with the error, retries later, and gives up after repeated failures', async () => {
    const member = await makeUser(ctx.services, { username: 'noor' });
    queueTo(ctx, member, 'Your post was approved.');
    expect(await drainMail(ctx)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [row] = outboxRows(ctx);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row!.nextAttemptAt).toBeGreaterThan(ctx.clock.now());
    // Not due again yet: a second pass right away does not hammer the server.
    expect(await drainMail(ctx)).toEqual({ sent: 0, retried: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      ctx.clock.advance(7 * 60 * 60_000);
      await drainMail(ctx);
    }
    const final = ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id)).get();
    expect(final).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    // The process carries on serving.
    expect((await ctx.http.get('/healthz')).status).toBe(200);
    expect(ctx.errors).toEqual([]);
  });
});

describe('one-click unsubscribe with an https BASE_URL', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let ctx: Awaited<ReturnType<typeof createForumContext>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = await createForumContext({ smtpUrl: smtp.url, baseUrl: 'https://community.example.com' });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('puts an https List-Unsubscribe URL and the One-Click pair in the queued and the sent message', async () => {
    expect(mailLinksWarning(ctx.config)).toBeNull();
    const author = await makeUser(ctx.services, { username: 'hedda' });
    expect((await ctx.http.post('/account/email', { preference: 'immediately' }, { as: author })).status).toBe(303);
    const { threadId } = await makeThread(ctx.services, author, { category: 'kettles', title: 'Base rocks on the counter', body: 'Is that normal?' });
    expect((await ctx.http.post(`/t/${threadId}/replies`, { body: 'Check the little feet underneath.' }, { as: ctx.other })).status).toBe(303);

    const [queued] = ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'hedda@example.com')).all();
    const headers = JSON.parse(queued!.headers ?? '{}') as Record<string, string>;
    expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/community\.example\.com\/unsubscribe\?token=[^>]+>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    await drainMail(ctx);
    const mail = await eventually(() => smtp.to('hedda@example.com')[0]);
    expect(rawHeader(mail, 'List-Unsubscribe')).toBe(headers['List-Unsubscribe']);
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // The mail client's one-click POST to that https URL unsubscribes.
    const link = /^<([^>]+)>$/.exec(headers['List-Unsubscribe']!)![1]!;
    const response = await ctx.app.request(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(response.status).toBe(303);
    expect(ctx.db.select({ value: users.emailPreference }).from(users).where(eq(users.id, author.id)).get()?.value).toBe('never');
  });
});
