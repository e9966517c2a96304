import { createSession } from '../../src/auth/session.js';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { createApiKey } from '../../src/embed/api-keys.js';
import { createModerationContext } from '../helpers/moderation.js';

// One forum with a resource of every kind owned by bob (a member), for the route-table sweeps:
// alice (another member) and outsiders try to act on them.

export type SweepFixture = Awaited<ReturnType<typeof createSweepFixture>>;

export async function createSweepFixture() {
  const ctx = await createModerationContext();
  const thread = await makeThread(ctx.services, ctx.other, { category: 'kettles', title: 'Bob’s own thread', body: 'Bob’s opening post' });
  const reply = await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Bob’s reply' });
  // A question of bob's with a reply to accept as its answer.
  makeCategory(ctx.services, { name: 'Help', slug: 'help', kind: 'questions' });
  const question = await makeThread(ctx.services, ctx.other, { category: 'help', title: 'Bob’s question', body: 'How do I descale?' });
  const answer = await makeReply(ctx.services, ctx.carol, { threadId: question.threadId, body: 'Citric acid.' });
  const openingPostId = ctx.row<{ id: number }>('select id from posts where thread_id = ? and number = 1', thread.threadId).id;
  // A revision, a flag (a review item) and a notification of bob's.
  const edited = await ctx.http.post(`/p/${reply.postId}/edit`, { body: 'Bob’s reply, edited' }, { as: ctx.other });
  if (edited.status !== 303) throw new Error(`edit failed: ${edited.status}`);
  const itemId = await ctx.flag(ctx.carol, reply.postId, 'spam');
  await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'Alice answers bob, which notifies him' }, { as: ctx.member });
  const notification = ctx.row<{ id: number } | undefined>('select id from notifications where user_id = ? order by id limit 1', ctx.other.id);
  if (!notification) throw new Error('alice’s reply did not notify bob');
  const notificationId = notification.id;
  const bobSession = createSession(ctx.db, ctx.other.id, ctx.clock.now());
  const word = await ctx.http.post('/admin/watched-words', { word: 'kettlespam', action: 'block' }, { as: ctx.admin });
  if (word.status !== 303) throw new Error(`watched word failed: ${word.status}`);
  const wordId = ctx.row<{ id: number }>('select id from watched_words order by id desc limit 1').id;
  const apiKey = createApiKey(ctx.services, ctx.admin, { name: 'Help center' });
  const fresh = await makeUser(ctx.services, { username: 'erin' });
  const saved = await ctx.http.post('/mod/saved-replies', { title: 'Descaling', body: 'Use citric acid.' }, { as: ctx.manager });
  if (saved.status !== 303) throw new Error(`saved reply failed: ${saved.status}`);
  const savedReplyId = ctx.row<{ id: number }>('select id from saved_replies order by id desc limit 1').id;
  // A poll on bob's thread, for the poll routes (/polls/:pollId/…).
  const polled = await ctx.http.post(`/t/${thread.threadId}/polls/new`, { pollQuestion: 'Bob’s poll', pollOptions: 'Yes\nNo' }, { as: ctx.other });
  if (polled.status !== 303) throw new Error(`poll failed: ${polled.status}`);
  const pollId = ctx.row<{ id: number }>('select id from polls where thread_id = ?', thread.threadId).id;
  const field = await ctx.http.post('/admin/profile-fields', { label: 'Which kettle do you own?' }, { as: ctx.admin });
  if (field.status !== 303) throw new Error(`profile field failed: ${field.status}`);
  const profileFieldId = ctx.row<{ id: number }>('select id from profile_fields order by id desc limit 1').id;

  /** A concrete value for each route parameter, chosen by the route's prefix (no guessed ids: a new prefix must be added here). */
  // A built-in idea status, for Admin → Ideas' routes.
  const ideaStatusId = (ctx.db.$client.prepare("select id from idea_statuses where key = 'planned'").get() as { id: number }).id;
  function values(path: string): Record<string, string | number> {
    const id =
      path.includes('accept') ? answer.postId
      : path.startsWith('/t/') ? thread.threadId
      : path.startsWith('/p/') ? reply.postId
      : path.startsWith('/notifications/') ? notificationId
      : path.startsWith('/admin/watched-words/') ? wordId
      : path.startsWith('/admin/categories/') ? ctx.category.id
      : path.startsWith('/admin/ideas/') ? ideaStatusId
      : path.startsWith('/admin/embedding/keys/') ? apiKey.id
      : path.startsWith('/mod/saved-replies/') ? savedReplyId
      : path.startsWith('/admin/profile-fields/') ? profileFieldId
      : path.startsWith('/account/sessions/') ? bobSession.session.id
      : path.startsWith('/embed/') || path.startsWith('/api/') ? thread.threadId
      : undefined;
    return { ...(id === undefined ? {} : { id }), slug: path.startsWith('/t/') ? thread.slug : 'kettles', username: 'bob', itemId, pollId, key: 'help-article-1', name: 'app.js', file: `${'0'.repeat(64)}.png` };
  }

  const cookie = (user: { id: number }) => `${SESSION_COOKIE}=${createSession(ctx.db, user.id, ctx.clock.now()).token}`;
  return { ...ctx, thread, reply, question, answer, openingPostId, itemId, notificationId, bobSession, wordId, apiKey, fresh, savedReplyId, pollId, profileFieldId, values, cookie };
}

/** Fields that would make most forms do something, so a missing check would show as a change. */
export const PLAUSIBLE_FORM: Record<string, string> = {
  body: 'Changed by someone else',
  title: 'Changed by someone else',
  reason: 'spam',
  note: 'changed',
  category: 'grinders',
  username: 'mallory',
  email: 'mallory@example.com',
  password: 'mallory password 123',
  current: 'correct horse battery',
  next: 'mallory password 123',
  login: 'bob',
  word: 'pwned',
  action: 'block',
  role: 'admin',
  days: '7',
  origin: 'https://evil.example',
  name: 'Evil key',
  key: 'evil-key',
  level: 'muted',
  moderation: 'open',
  kind: 'questions',
  items: '1',
  token: 'x',
  displayName: 'Mallory',
  bio: 'Changed by someone else',
  label: 'Changed by someone else',
  newEmail: 'mallory@example.com',
  emailPassword: 'mallory password 123',
};
