import { makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import type { SignedIn } from '../../src/lib/context.js';
import { sessionCookieFrom, type TestContext } from './app.js';

// Two members with something of every kind a member leaves behind, each marked with their own
// words, so a test can tell whose data ended up where: posts, threads, votes of three kinds,
// feedback, flags, watches, notifications, profile fields, uploads, tokens, sessions and sign-ins.

export type Person = { user: SignedIn; password: string; email: string; displayName: string; bio: string; cookie: string; words: string };

/** `words` mark what the person wrote; they never contain the username, so a search for it finds only their identity. */
export async function makePerson(ctx: TestContext, username: string, words: string, address: string): Promise<Person> {
  const password = `${username} passphrase long enough`;
  const email = `${username}@privacy.example`;
  const user = await makeUser(ctx.services, { username, email, password });
  const displayName = `${username} Display Name`;
  const bio = `${username} biography text`;
  ctx.db.$client.prepare('update users set display_name = ?, bio = ? where id = ?').run(displayName, bio, user.id);
  const response = await ctx.http.post('/login', { login: username, password }, { headers: { 'user-agent': `${username}-browser/1.0`, 'x-forwarded-for': address } });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
  return { user, password, email, displayName, bio, cookie: sessionCookieFrom(response)!, words };
}

const insert = (ctx: TestContext, sql: string, ...values: unknown[]) => ctx.db.$client.prepare(sql).run(...values);

/** Leaves `person` traces of every kind, some on `other`'s content (and `other`, on theirs). */
export async function leaveTraces(ctx: TestContext, category: { slug: string }, person: Person, other: Person) {
  const now = ctx.clock.now();
  const id = person.user.id;
  const alone = await makeThread(ctx.services, person.user, { category: category.slug, title: `${person.words} thread alone`, body: `${person.words} opening alone` });
  const answered = await makeThread(ctx.services, person.user, { category: category.slug, title: `${person.words} thread answered`, body: `${person.words} opening answered` });
  const otherReply = await makeReply(ctx.services, other.user, { threadId: answered.threadId, body: `${other.words} reply to ${person.words}` });
  const reply = await makeReply(ctx.services, person.user, { threadId: answered.threadId, body: `${person.words} own reply` });
  for (const [path, form] of [[`/p/${otherReply.postId}/helpful`, {}], [`/p/${otherReply.postId}/flag`, { reason: 'other', note: `${person.words} flag note` }]] as const) {
    const response = await ctx.http.post(path, form, { cookie: person.cookie });
    if (response.status !== 303) throw new Error(`${path} answered ${response.status}`);
  }
  insert(ctx, 'insert into post_revisions (post_id, body, title, editor_id, created_at) values (?, ?, null, ?, ?)', reply.postId, `${person.words} earlier version`, id, now);
  const poll = insert(ctx, 'insert into polls (thread_id, question, created_by_id, created_at) values (?, ?, ?, ?)', answered.threadId, `${person.words} poll question`, id, now).lastInsertRowid;
  const option = insert(ctx, 'insert into poll_options (poll_id, position, label) values (?, 0, ?)', poll, `${person.words} option`).lastInsertRowid;
  insert(ctx, 'insert into poll_votes (poll_id, option_id, user_id, created_at) values (?, ?, ?, ?)', poll, option, id, now);
  insert(ctx, 'insert into idea_votes (thread_id, user_id, created_at) values (?, ?, ?)', answered.threadId, id, now);
  insert(ctx, 'insert into thread_feedback (thread_id, helpful, comment, user_id, created_at, updated_at) values (?, 1, ?, ?, ?, ?)', answered.threadId, `${person.words} feedback comment`, id, now, now);
  insert(ctx, "insert or replace into thread_watches (user_id, thread_id, level, updated_at) values (?, ?, 'watching', ?)", id, answered.threadId, now);
  insert(ctx, "insert or replace into category_watches (user_id, category_id, level, updated_at) select ?, id, 'muted', ? from categories where slug = ?", id, now, category.slug);
  insert(ctx, "insert into notifications (user_id, kind, actor_id, thread_id, post_id, data, created_at) values (?, 'reply', ?, ?, ?, ?, ?)", id, other.user.id, answered.threadId, otherReply.postId, JSON.stringify({ note: `${person.words} notification data` }), now);
  const field = insert(ctx, 'insert into profile_fields (label, created_at) values (?, ?)', 'Which kettle do you use?', now).lastInsertRowid;
  insert(ctx, 'insert into profile_field_values (user_id, field_id, value) values (?, ?, ?)', id, field, `${person.words} bike`);
  const avatar = insert(ctx, "insert into uploads (user_id, purpose, hash, ext, bytes, width, height, created_at) values (?, 'avatar', ?, 'webp', 10, 1, 1, ?)", id, `${person.words}avatarhash`, now).lastInsertRowid;
  ctx.db.$client.prepare('update users set avatar_upload_id = ? where id = ?').run(avatar, id);
  const image = insert(ctx, "insert into uploads (user_id, purpose, hash, ext, bytes, width, height, created_at) values (?, 'post', ?, 'png', 10, 1, 1, ?)", id, `${person.words}imagehash`, now).lastInsertRowid;
  insert(ctx, 'insert into post_uploads (post_id, upload_id) values (?, ?)', reply.postId, image);
  insert(ctx, "insert into user_tokens (id, secret_hash, user_id, purpose, email, created_at, expires_at) values (?, x'00', ?, 'reset_password', ?, ?, ?)", `${person.words}-token`, id, person.email, now, now + 3_600_000);
  insert(ctx, 'insert into user_identities (issuer, subject, user_id, email, created_at, last_used_at) values (?, ?, ?, ?, ?, ?)', 'https://login.example', `${person.words}-subject`, id, person.email, now, now);
  insert(ctx, 'insert into username_redirects (old_key, user_id, created_at) values (?, ?, ?)', `${person.words}-old`, id, now);
  insert(ctx, "insert into email_outbox (user_id, to_address, kind, subject, text_body, next_attempt_at, created_at) values (?, ?, 'notification', ?, ?, ?, ?)", id, person.email, `${person.words} subject`, `Hello ${person.user.username}`, now, now);
  insert(ctx, 'insert into rate_limit_buckets (key, tokens, updated_at) values (?, 1, ?)', `post:${id}`, now);
  return { alone, answered, reply, otherReply, poll: Number(poll) };
}
