import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { emailOutbox, notifications, users } from '../../src/db/schema.js';
import { DIGEST_PERIOD_MS, runDigests } from '../../src/email/digest.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext } from '../helpers/forum.js';
import { drainMail, eventually, rawHeader, startSmtpServer } from '../helpers/mail.js';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let ctx: Awaited<ReturnType<typeof createForumContext>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createForumContext({ smtpUrl: smtp.url, siteName: 'Kettle Co' });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

async function setPreference(user: SignedIn, preference: 'immediately' | 'daily' | 'weekly' | 'never') {
  expect((await ctx.http.post('/account/email', { preference }, { as: user })).status).toBe(303);
}
const notificationsOf = (user: SignedIn) => ctx.db.select().from(notifications).where(eq(notifications.userId, user.id)).all();
const outboxTo = (address: string) => ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).all();

describe('email for each notification ("immediately")', () => {
  it('queues one email in the reply’s transaction and marks the notification emailed', async () => {
    const author = await makeUser(ctx.services, { username: 'hana' });
    await setPreference(author, 'immediately');
    const thread = await makeThread(ctx.services, author, { category: 'kettles', title: 'Lid <squeaks> when hot', body: 'Any fix?' });
    await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'A drop of food-safe oil on the hinge.' });

    const [notification] = notificationsOf(author);
    expect(notification).toMatchObject({ kind: 'reply_to_post', emailedAt: ctx.clock.now() });
    expect(outboxTo('hana@example.com')).toHaveLength(1);
    await drainMail(ctx);
    const mail = await eventually(() => smtp.to('hana@example.com')[0]);
    expect(mail.subject).toBe('Kettle Co: bob replied to your thread “Lid <squeaks> when hot”');
    expect(mail.text).toContain(`${ctx.config.baseUrl}/p/${notification!.postId}`);
    expect(mail.html).toContain('Lid &lt;squeaks&gt; when hot');
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('mails nobody whose address is not verified, or who chose a digest', async () => {
    const unverified = await makeUser(ctx.services, { username: 'ivo', verified: false });
    await setPreference(unverified, 'immediately');
    const daily = await makeUser(ctx.services, { username: 'jon' });
    const thread = await makeThread(ctx.services, daily, { category: 'kettles', title: `Question from ${daily.username}`, body: 'Hello?' });
    await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Hello back.' });
    expect(notificationsOf(daily)).toMatchObject([{ kind: 'reply_to_post', emailedAt: null }]);
    expect(outboxTo('jon@example.com')).toEqual([]);
    // A member who has not confirmed cannot publish yet (unconfirmed-posts.test.ts), but can be mentioned.
    await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'What do you think, @ivo?' });
    expect(notificationsOf(unverified)).toMatchObject([{ kind: 'mention', emailedAt: null }]);
    expect(outboxTo('ivo@example.com')).toEqual([]);
  });

  it('covers notifications from staff actions too', async () => {
    const author = await makeUser(ctx.services, { username: 'kai' });
    await setPreference(author, 'immediately');
    const thread = await makeThread(ctx.services, author, { category: 'kettles', title: 'Spam-looking thread', body: 'Buy now' });
    const hidden = await ctx.http.post(`/p/${thread.postId}/hide`, { reason: 'Looks like an advert' }, { as: ctx.manager });
    expect(hidden.status).toBe(303);
    const rows = outboxTo('kai@example.com');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textBody).toContain('Looks like an advert');
  });
});

describe('daily and weekly digests', () => {
  it('sends one digest with unread notifications and popular threads from watched categories, then nothing until there is news', async () => {
    const reader = await makeUser(ctx.services, { username: 'lena' });
    expect((await ctx.http.post('/c/kettles/watch', { level: 'watching' }, { as: reader })).status).toBe(303);
    const own = await makeThread(ctx.services, reader, { category: 'kettles', title: 'My kettle beeps twice', body: 'Why?' });
    await makeReply(ctx.services, ctx.other, { threadId: own.threadId, body: 'It means the water is ready.' });
    const popular = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Best descaler & why', body: 'Citric acid?' });
    for (let i = 0; i < 3; i += 1) await makeReply(ctx.services, ctx.other, { threadId: popular.threadId, body: `Reply ${i}` });
    // A member who has not confirmed cannot publish yet (unconfirmed-posts.test.ts), but can be mentioned and watch.
    const unverified = await makeUser(ctx.services, { username: 'moe', verified: false });
    expect((await ctx.http.post('/c/kettles/watch', { level: 'watching' }, { as: unverified })).status).toBe(303);
    await makeReply(ctx.services, ctx.other, { threadId: own.threadId, body: 'Answer for @moe too.' });
    expect(notificationsOf(unverified).length).toBeGreaterThan(0);

    ctx.clock.advance(60_000);
    await runDigests(ctx.db, ctx.clock.now());
    const digests = ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'digest')).all();
    expect(digests.map((row) => row.toAddress)).toContain('lena@example.com');
    expect(digests.map((row) => row.toAddress)).not.toContain('moe@example.com');
    await drainMail(ctx);
    const mail = await eventually(() => smtp.to('lena@example.com').find((message) => message.subject?.startsWith('Your daily summary')));
    expect(mail.subject).toBe('Your daily summary from Kettle Co');
    expect(mail.text).toContain('bob replied to your thread “My kettle beeps twice”');
    expect(mail.text).toContain('Best descaler & why');
    expect(mail.html).toContain('Best descaler &amp; why');
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(notificationsOf(reader).every((row) => row.emailedAt === ctx.clock.now())).toBe(true);
    expect(ctx.db.select().from(users).where(eq(users.id, reader.id)).get()!.lastDigestAt).toBe(ctx.clock.now());

    // Not due again within the day; after a quiet day, nothing to say means no email.
    const countDigests = () => ctx.db.select().from(emailOutbox).where(and(eq(emailOutbox.kind, 'digest'), eq(emailOutbox.toAddress, 'lena@example.com'))).all().length;
    await runDigests(ctx.db, ctx.clock.now() + 60_000);
    expect(countDigests()).toBe(1);
    ctx.clock.advance(DIGEST_PERIOD_MS.daily + 60_000);
    await runDigests(ctx.db, ctx.clock.now());
    expect(countDigests()).toBe(1);
  });

  it('waits a week for weekly members and never mails those who chose never', async () => {
    const weekly = await makeUser(ctx.services, { username: 'nils' });
    const never = await makeUser(ctx.services, { username: 'olga' });
    await setPreference(weekly, 'weekly');
    await setPreference(never, 'never');
    ctx.db.update(users).set({ lastDigestAt: ctx.clock.now() }).where(eq(users.id, weekly.id)).run();
    ctx.clock.advance(60_000);
    for (const author of [weekly, never]) {
      const thread = await makeThread(ctx.services, author, { category: 'kettles', title: `Thread by ${author.username}`, body: 'Hi' });
      await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Hi there.' });
    }
    ctx.clock.advance(2 * DIGEST_PERIOD_MS.daily);
    await runDigests(ctx.db, ctx.clock.now());
    expect(outboxTo('nils@example.com')).toEqual([]);
    ctx.clock.advance(DIGEST_PERIOD_MS.weekly);
    await runDigests(ctx.db, ctx.clock.now());
    expect(outboxTo('nils@example.com').map((row) => row.subject)).toEqual(['Your weekly summary from Kettle Co']);
    expect(outboxTo('olga@example.com')).toEqual([]);
  });
});
