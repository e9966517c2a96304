import { createSession, validateSessionToken } from '../../src/auth/session.js';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { createApiKey } from '../../src/embed/api-keys.js';
import { runDataExports } from '../../src/privacy/export-job.js';
import type { SignedIn } from '../../src/lib/context.js';
import { receiveUpload } from '../../src/uploads/receive.js';
import { localUploadStore } from '../../src/uploads/store.js';
import { pngImage } from '../helpers/uploads.js';
import type { SweepFixture } from './sweep-fixture.js';

// For each route the IDOR sweep expects to refuse: who may use it, a fresh target made for that
// case alone, and how to tell that the target exists and the owner reaches it — a GET shows the
// owner something only that resource holds, a POST has a visible effect once the owner sends it.

/** URL parameters naming the target, plus anything the checks need to recognise it. */
export type Target = Record<string, string | number>;

type CaseBase = {
  /** Who may use the route on this target: the member who owns it, or the staff whose tool it is. */
  owner: (ctx: SweepFixture) => SignedIn;
  setup: (ctx: SweepFixture) => Promise<Target>;
  /** Fields sent by the owner and by the member who is refused, over the sweep's usual form. */
  form?: Record<string, string> | ((ctx: SweepFixture, target: Target) => Record<string, string>);
};
/** A GET: the owner's page shows this text, which nobody else's does. */
export type ReadCase = CaseBase & { shows: (target: Target) => string };
/** A POST: whether the action has been done to the target. */
export type ActionCase = CaseBase & { acted: (ctx: SweepFixture, target: Target) => boolean };
export type RefusedCase = ReadCase | ActionCase;

const bob = (ctx: SweepFixture) => ctx.other;
const manager = (ctx: SweepFixture) => ctx.manager;
const admin = (ctx: SweepFixture) => ctx.admin;

let serial = 0;
/** A distinct word for each target, so one case's text never stands in for another's. */
const fresh = (prefix: string) => `${prefix}${++serial}`;

/** A profile field made directly (an admin's form would need a request per case), last in order. */
function profileField(ctx: SweepFixture, label: string): number {
  const position = 10_000 + serial;
  return ctx.db.$client.prepare('insert into profile_fields (label, position, created_at) values (?, ?, ?) returning id').pluck().get(label, position, ctx.clock.now()) as number;
}

function one<T>(ctx: SweepFixture, query: string, ...params: unknown[]): T {
  const row = ctx.row<T | undefined>(query, ...params);
  if (row === undefined) throw new Error(`the case's target is missing: ${query}`);
  return row;
}

async function bobsReply(ctx: SweepFixture): Promise<Target> {
  const text = fresh('Bob’s reply number ');
  const reply = await makeReply(ctx.services, ctx.other, { threadId: ctx.thread.threadId, body: text });
  return { id: reply.postId, text };
}

async function bobsThread(ctx: SweepFixture): Promise<Target> {
  const title = fresh('Bob’s thread number ');
  const created = await makeThread(ctx.services, ctx.other, { category: 'kettles', title, body: 'Opening post' });
  return { id: created.threadId, title };
}

async function answeredQuestion(ctx: SweepFixture, accepted: boolean): Promise<Target> {
  const question = await makeThread(ctx.services, ctx.other, { category: 'help', title: fresh('Bob’s question number '), body: 'How do I descale?' });
  const answer = await makeReply(ctx.services, ctx.carol, { threadId: question.threadId, body: 'Citric acid.' });
  if (accepted) await expectRedirect(ctx.http.post(`/p/${answer.postId}/accept`, {}, { as: ctx.other }));
  return { id: answer.postId, threadId: question.threadId };
}

async function member(ctx: SweepFixture, role: 'member' | 'manager' = 'member'): Promise<Target> {
  const user = await makeUser(ctx.services, { username: fresh('target'), role });
  return { username: user.username, userId: user.id };
}

async function sanctioned(ctx: SweepFixture, kind: 'silence' | 'suspend'): Promise<Target> {
  const target = await member(ctx);
  await expectRedirect(ctx.http.post(`/mod/users/${target.username}/${kind}`, { days: '7', reason: 'Cooling off' }, { as: ctx.manager }));
  return target;
}

async function openItem(ctx: SweepFixture, kind: 'approval' | 'flag'): Promise<Target> {
  if (kind === 'approval') return { itemId: (await ctx.pendingThread(ctx.carol, fresh('Carol’s waiting thread number '))).itemId };
  const reply = await bobsReply(ctx);
  return { itemId: await ctx.flag(ctx.carol, Number(reply.id), 'spam') };
}

async function expectRedirect(response: Response | Promise<Response>): Promise<void> {
  const status = (await response).status;
  if (status !== 303) throw new Error(`setting up a case failed: ${status}`);
}

const post = (ctx: SweepFixture, id: unknown) => one<{ body: string; deleted_at: number | null; hidden_at: number | null }>(ctx, 'select body, deleted_at, hidden_at from posts where id = ?', id);
const thread = (ctx: SweepFixture, id: unknown) =>
  one<{ title: string; locked: number; pinned: number; category_id: number; solved_post_id: number | null }>(ctx, 'select title, locked, pinned, category_id, solved_post_id from threads where id = ?', id);
const user = (ctx: SweepFixture, id: unknown) => one<{ role: string; silenced_until: number | null; suspended_until: number | null }>(ctx, 'select role, silenced_until, suspended_until from users where id = ?', id);
const itemDecided = (ctx: SweepFixture, target: Target) => one<{ status: string }>(ctx, 'select status from review_items where id = ?', target.itemId).status !== 'open';

const cleanup = (ctx: SweepFixture, userId: unknown) => ctx.row<{ reverted_at: number | null } | undefined>('select reverted_at from spam_cleanups where user_id = ? order by id desc limit 1', userId);
const claimed = (ctx: SweepFixture, threadId: unknown) => ctx.row<{ n: number }>('select count(*) as n from thread_claims where thread_id = ?', threadId).n > 0;

async function savedReply(ctx: SweepFixture): Promise<Target> {
  const title = fresh('Team answer number ');
  await expectRedirect(ctx.http.post('/mod/saved-replies', { title, body: 'Descale with citric acid.' }, { as: ctx.manager }));
  return { id: one<{ id: number }>(ctx, 'select id from saved_replies where title = ?', title).id, title };
}

async function bobsPoll(ctx: SweepFixture): Promise<Target> {
  const target = await bobsThread(ctx);
  const question = fresh('Bob’s poll number ');
  await expectRedirect(ctx.http.post(`/t/${target.id}/polls/new`, { pollQuestion: question, pollOptions: 'Yes\nNo' }, { as: ctx.other }));
  return { ...target, question, pollId: one<{ id: number }>(ctx, 'select id from polls where thread_id = ?', target.id).id };
}

const pollsOf = (ctx: SweepFixture, threadId: unknown) => ctx.row<{ n: number }>('select count(*) as n from polls where thread_id = ?', threadId).n;

/** Keyed by route, then by the alternative of its `:name{(?:a|b)}` parameter ('' when it has none). */
/** An image bob uploaded and has not posted yet: his alone (and staff's) until a public post shows it. */
async function bobsUpload(ctx: SweepFixture): Promise<Target> {
  const services = { ...ctx.services, store: localUploadStore(ctx.config.uploadsPath), maxBytes: ctx.config.uploadMaxBytes };
  const upload = await receiveUpload(services, ctx.other, { bytes: await pngImage(10 + ++serial, 10), name: 'bob.png', purpose: 'post' });
  return { file: `${upload.hash}.${upload.ext}` };
}

export const REFUSED_CASES: Record<string, Record<string, RefusedCase>> = {
  // A PNG's bytes read as text hold its IHDR chunk's name; an error page does not.
  'GET /uploads/:file': { '': { owner: bob, setup: bobsUpload, shows: () => 'IHDR' } },
  'GET /p/:id{[0-9]+}/edit': { '': { owner: bob, setup: bobsReply, shows: (target) => String(target.text) } },
  'POST /p/:id{[0-9]+}/edit': { '': { owner: bob, setup: bobsReply, form: { body: 'Edited by its author' }, acted: (ctx, target) => post(ctx, target.id).body === 'Edited by its author' } },
  'POST /p/:id{[0-9]+}/delete': { '': { owner: bob, setup: bobsReply, acted: (ctx, target) => post(ctx, target.id).deleted_at !== null } },
  'GET /p/:id{[0-9]+}/revisions': {
    '': {
      owner: bob,
      setup: async (ctx) => {
        const target = await bobsReply(ctx);
        await expectRedirect(ctx.http.post(`/p/${target.id}/edit`, { body: 'A later version' }, { as: ctx.other }));
        return target;
      },
      shows: (target) => String(target.text),
    },
  },
  'POST /p/:id{[0-9]+}/:action{(?:accept|unaccept)}': {
    accept: { owner: bob, setup: (ctx) => answeredQuestion(ctx, false), acted: (ctx, target) => thread(ctx, target.threadId).solved_post_id === target.id },
    unaccept: { owner: bob, setup: (ctx) => answeredQuestion(ctx, true), acted: (ctx, target) => thread(ctx, target.threadId).solved_post_id === null },
  },
  'POST /account/sessions/:id/end': {
    '': {
      owner: bob,
      setup: async (ctx) => {
        const { session, token } = createSession(ctx.db, ctx.other.id, ctx.clock.now());
        return { id: session.id, token };
      },
      acted: (ctx, target) => validateSessionToken(ctx.db, String(target.token), ctx.clock.now()) === null,
    },
  },
  'POST /notifications/:id/open': {
    '': {
      owner: bob,
      setup: async (ctx) => {
        const created = await bobsThread(ctx);
        await expectRedirect(ctx.http.post(`/t/${created.id}/replies`, { body: 'Alice answers bob, which notifies him' }, { as: ctx.member }));
        return { id: one<{ id: number }>(ctx, 'select id from notifications where user_id = ? and thread_id = ?', ctx.other.id, created.id).id };
      },
      acted: (ctx, target) => one<{ read_at: number | null }>(ctx, 'select read_at from notifications where id = ?', target.id).read_at !== null,
    },
  },
  'POST /p/:id{[0-9]+}/hide': { '': { owner: manager, setup: bobsReply, form: { reason: 'Off topic' }, acted: (ctx, target) => post(ctx, target.id).hidden_at !== null } },
  'POST /p/:id{[0-9]+}/unhide': {
    '': {
      owner: manager,
      setup: async (ctx) => {
        const target = await bobsReply(ctx);
        await expectRedirect(ctx.http.post(`/p/${target.id}/hide`, { reason: 'Off topic' }, { as: ctx.manager }));
        return target;
      },
      acted: (ctx, target) => post(ctx, target.id).hidden_at === null,
    },
  },
  'POST /t/:id{[0-9]+}/:flag{(?:lock|pin)}': {
    lock: { owner: manager, setup: bobsThread, form: { value: '1' }, acted: (ctx, target) => thread(ctx, target.id).locked === 1 },
    pin: { owner: manager, setup: bobsThread, form: { value: '1' }, acted: (ctx, target) => thread(ctx, target.id).pinned === 1 },
  },
  'POST /t/:id{[0-9]+}/:tool{(?:rename|move)}': {
    rename: { owner: manager, setup: bobsThread, form: { title: 'Renamed by the team' }, acted: (ctx, target) => thread(ctx, target.id).title === 'Renamed by the team' },
    move: { owner: manager, setup: bobsThread, form: { category: 'grinders' }, acted: (ctx, target) => thread(ctx, target.id).category_id === ctx.strict.id },
  },
  'GET /t/:id{[0-9]+}/embed-key': { '': { owner: manager, setup: bobsThread, shows: (target) => String(target.title) } },
  'POST /t/:id{[0-9]+}/embed-key': {
    '': {
      owner: manager,
      setup: async (ctx) => ({ ...(await bobsThread(ctx)), key: fresh('help-article-') }),
      form: (_ctx, target) => ({ key: String(target.key) }),
      acted: (ctx, target) => ctx.row<{ key: string } | undefined>('select key from thread_keys where thread_id = ?', target.id) !== undefined,
    },
  },
  'POST /t/:id{[0-9]+}/claim': { '': { owner: manager, setup: bobsThread, acted: (ctx, target) => claimed(ctx, target.id) } },
  'POST /t/:id{[0-9]+}/release': {
    '': {
      owner: manager,
      setup: async (ctx) => {
        const target = await bobsThread(ctx);
        await expectRedirect(ctx.http.post(`/t/${target.id}/claim`, {}, { as: ctx.manager }));
        return target;
      },
      acted: (ctx, target) => !claimed(ctx, target.id),
    },
  },
  'GET /mod/saved-replies/:id{[0-9]+}/edit': { '': { owner: manager, setup: savedReply, shows: (target) => String(target.title) } },
  'POST /mod/saved-replies/:id{[0-9]+}/edit': {
    '': { owner: manager, setup: savedReply, form: { title: 'Changed by the team', body: 'Changed body' }, acted: (ctx, target) => one<{ title: string }>(ctx, 'select title from saved_replies where id = ?', target.id).title === 'Changed by the team' },
  },
  'POST /mod/saved-replies/:id{[0-9]+}/delete': {
    '': { owner: manager, setup: savedReply, form: { confirm: 'yes' }, acted: (ctx, target) => ctx.row<{ id: number } | undefined>('select id from saved_replies where id = ?', target.id) === undefined },
  },
  'POST /mod/queue/:itemId{[0-9]+}/:action{(?:approve|reject|dismiss|hide)}': {
    approve: { owner: manager, setup: (ctx) => openItem(ctx, 'approval'), acted: itemDecided },
    reject: { owner: manager, setup: (ctx) => openItem(ctx, 'approval'), form: { reason: 'Please add your model number' }, acted: itemDecided },
    dismiss: { owner: manager, setup: (ctx) => openItem(ctx, 'flag'), acted: itemDecided },
    hide: { owner: manager, setup: (ctx) => openItem(ctx, 'flag'), form: { reason: 'Off topic' }, acted: itemDecided },
  },
  'GET /mod/users/:username': { '': { owner: manager, setup: (ctx) => member(ctx), shows: (target) => String(target.username) } },
  'POST /mod/users/:username/:kind{(?:silence|suspend)}': {
    silence: { owner: manager, setup: (ctx) => member(ctx), form: { days: '7', reason: 'Cooling off' }, acted: (ctx, target) => user(ctx, target.userId).silenced_until !== null },
    suspend: { owner: manager, setup: (ctx) => member(ctx), form: { days: '7', reason: 'Cooling off' }, acted: (ctx, target) => user(ctx, target.userId).suspended_until !== null },
  },
  'POST /mod/users/:username/:kind{(?:unsilence|unsuspend)}': {
    unsilence: { owner: manager, setup: (ctx) => sanctioned(ctx, 'silence'), acted: (ctx, target) => user(ctx, target.userId).silenced_until === null },
    unsuspend: { owner: manager, setup: (ctx) => sanctioned(ctx, 'suspend'), acted: (ctx, target) => user(ctx, target.userId).suspended_until === null },
  },
  'POST /mod/users/:username/spam-cleanup': {
    '': { owner: manager, setup: (ctx) => member(ctx), form: { confirm: 'yes' }, acted: (ctx, target) => cleanup(ctx, target.userId) !== undefined },
  },
  'POST /mod/users/:username/spam-cleanup/undo': {
    '': {
      owner: admin,
      setup: async (ctx) => {
        const target = await member(ctx);
        await expectRedirect(ctx.http.post(`/mod/users/${target.username}/spam-cleanup`, { confirm: 'yes' }, { as: ctx.manager }));
        return target;
      },
      acted: (ctx, target) => cleanup(ctx, target.userId)?.reverted_at != null,
    },
  },
  'POST /mod/users/:username/erase': {
    '': { owner: admin, setup: (ctx) => member(ctx), form: { posts: 'anonymize', confirm: 'yes' }, acted: (ctx, target) => ctx.row<{ deleted_at: number | null }>('select deleted_at from users where id = ?', target.userId).deleted_at !== null },
  },
  'GET /account/export/:token': {
    '': {
      owner: bob,
      setup: async (ctx) => {
        await expectRedirect(ctx.http.post('/account/export', {}, { as: ctx.other }));
        runDataExports(ctx.db, { exportsDir: ctx.config.exportsDir, uploadsDir: ctx.config.exportsDir, now: ctx.clock.now() });
        const mail = one<{ text: string }>(ctx, "select text_body as text from email_outbox where user_id = ? and kind = 'data_export'", ctx.other.id);
        return { token: mail.text.match(/\/account\/export\/([a-z2-7]+\.[a-z2-7]+)/)![1]! };
      },
      // The file names in a ZIP are stored as they are: the owner's download holds this one.
      shows: () => 'README.txt',
    },
  },
  'POST /mod/users/:username/role': { '': { owner: admin, setup: (ctx) => member(ctx), form: { role: 'manager' }, acted: (ctx, target) => user(ctx, target.userId).role === 'manager' } },
  'POST /mod/users/:username/scope': {
    '': {
      owner: admin,
      setup: (ctx) => member(ctx, 'manager'),
      form: (ctx) => ({ categories: String(ctx.category.id) }),
      acted: (ctx, target) => ctx.row<{ n: number }>('select count(*) as n from manager_scopes where user_id = ?', target.userId).n > 0,
    },
  },
  'POST /admin/embedding/keys/:id/revoke': {
    '': {
      owner: admin,
      setup: async (ctx) => ({ id: createApiKey(ctx.services, ctx.admin, { name: fresh('Help center ') }).id }),
      acted: (ctx, target) => one<{ revoked_at: number | null }>(ctx, 'select revoked_at from api_keys where id = ?', target.id).revoked_at !== null,
    },
  },
  'POST /admin/watched-words/:id{[0-9]+}/remove': {
    '': {
      owner: admin,
      setup: async (ctx) => {
        const word = fresh('kettlespam');
        await expectRedirect(ctx.http.post('/admin/watched-words', { word, action: 'block' }, { as: ctx.admin }));
        return { id: one<{ id: number }>(ctx, 'select id from watched_words where word = ?', word).id };
      },
      acted: (ctx, target) => ctx.row<{ id: number } | undefined>('select id from watched_words where id = ?', target.id) === undefined,
    },
  },
  'POST /admin/categories/:id{[0-9]+}': {
    '': {
      owner: admin,
      setup: async (ctx) => ({ id: makeCategory(ctx.services, { name: fresh('Board '), kind: 'discussion' }).id }),
      form: { kind: 'questions', moderation: 'open' },
      acted: (ctx, target) => one<{ kind: string }>(ctx, 'select kind from categories where id = ?', target.id).kind === 'questions',
    },
  },
  'POST /admin/categories/:id{[0-9]+}/move': {
    '': {
      owner: admin,
      // Made last, so moving it up always changes its place.
      setup: async (ctx) => {
        const id = makeCategory(ctx.services, { name: fresh('Board '), position: 10_000 + serial }).id;
        return { id, position: one<{ position: number }>(ctx, 'select position from categories where id = ?', id).position };
      },
      form: { direction: 'up' },
      acted: (ctx, target) => one<{ position: number }>(ctx, 'select position from categories where id = ?', target.id).position !== target.position,
    },
  },
  'POST /admin/categories/:id{[0-9]+}/archive': {
    '': {
      owner: admin,
      setup: async (ctx) => ({ id: makeCategory(ctx.services, { name: fresh('Board ') }).id }),
      acted: (ctx, target) => one<{ archived_at: number | null }>(ctx, 'select archived_at from categories where id = ?', target.id).archived_at !== null,
    },
  },
  'GET /t/:id{[0-9]+}/polls/new': { '': { owner: bob, setup: bobsThread, shows: (target) => String(target.title) } },
  'POST /t/:id{[0-9]+}/polls/new': {
    '': { owner: bob, setup: bobsThread, form: { pollQuestion: 'Which lid?', pollOptions: 'Flip\nScrew' }, acted: (ctx, target) => pollsOf(ctx, target.id) === 1 },
  },
  'POST /polls/:pollId{[0-9]+}/close': {
    '': { owner: bob, setup: bobsPoll, form: { value: '1' }, acted: (ctx, target) => one<{ closed_at: number | null }>(ctx, 'select closed_at from polls where id = ?', target.pollId).closed_at !== null },
  },
  'GET /t/:id{[0-9]+}/polls.csv': { '': { owner: manager, setup: bobsPoll, shows: (target) => String(target.question) } },
  'POST /admin/categories/:id{[0-9]+}/polls': {
    '': {
      owner: admin,
      setup: async (ctx) => ({ id: makeCategory(ctx.services, { name: fresh('Board ') }).id }),
      form: { pollCreators: 'staff' },
      acted: (ctx, target) => one<{ poll_creators: string }>(ctx, 'select poll_creators from categories where id = ?', target.id).poll_creators === 'staff',
    },
  },
  'POST /admin/categories/:id{[0-9]+}/unarchive': {
    '': {
      owner: admin,
      setup: async (ctx) => {
        const id = makeCategory(ctx.services, { name: fresh('Board ') }).id;
        await expectRedirect(ctx.http.post(`/admin/categories/${id}/archive`, {}, { as: ctx.admin }));
        return { id };
      },
      acted: (ctx, target) => one<{ archived_at: number | null }>(ctx, 'select archived_at from categories where id = ?', target.id).archived_at === null,
    },
  },
  'POST /admin/profile-fields/:id{[0-9]+}': {
    '': {
      owner: admin,
      setup: async (ctx) => ({ id: profileField(ctx, fresh('Question ')) }),
      form: { label: 'Renamed by the owner' },
      acted: (ctx, target) => one<{ label: string }>(ctx, 'select label from profile_fields where id = ?', target.id).label === 'Renamed by the owner',
    },
  },
  'POST /admin/profile-fields/:id{[0-9]+}/move': {
    '': {
      owner: admin,
      // Made last, so moving it up always changes its place.
      setup: async (ctx) => {
        const id = profileField(ctx, fresh('Question '));
        return { id, position: one<{ position: number }>(ctx, 'select position from profile_fields where id = ?', id).position };
      },
      form: { direction: 'up' },
      acted: (ctx, target) => one<{ position: number }>(ctx, 'select position from profile_fields where id = ?', target.id).position !== target.position,
    },
  },
  'GET /admin/profile-fields/:id{[0-9]+}/remove': {
    '': {
      owner: admin,
      setup: async (ctx) => {
        const label = fresh('Question ');
        return { id: profileField(ctx, label), label };
      },
      shows: (target) => String(target.label),
    },
  },
  'POST /admin/profile-fields/:id{[0-9]+}/remove': {
    '': {
      owner: admin,
      setup: async (ctx) => ({ id: profileField(ctx, fresh('Question ')) }),
      acted: (ctx, target) => ctx.row<{ id: number } | undefined>('select id from profile_fields where id = ?', target.id) === undefined,
    },
  },
  // The ideas board: staff's status and merge tools on bob's idea, and the admins' statuses and vote limit.
  'POST /t/:id{[0-9]+}/status': {
    '': { owner: manager, setup: bobsIdea, form: { status: 'planned', note: 'Planned by the team' }, acted: (ctx, target) => ideaStatusKey(ctx, target.id) === 'planned' },
  },
  'POST /t/:id{[0-9]+}/merge': {
    '': {
      owner: manager,
      setup: async (ctx) => ({ ...(await bobsIdea(ctx)), into: (await bobsIdea(ctx))['id']! }),
      form: (_ctx, target) => ({ into: String(target.into) }),
      acted: (ctx, target) => one<{ merged: number | null }>(ctx, 'select merged_into_id as merged from threads where id = ?', target.id).merged !== null,
    },
  },
  'POST /admin/categories/:id{[0-9]+}/vote-limit': {
    '': {
      owner: admin,
      setup: async (ctx) => ({ id: makeCategory(ctx.services, { name: fresh('Ideas board '), kind: 'ideas' }).id }),
      form: { voteLimit: '7' },
      acted: (ctx, target) => one<{ limit: number | null }>(ctx, 'select idea_vote_limit as "limit" from categories where id = ?', target.id).limit === 7,
    },
  },
  'POST /admin/ideas/:id{[0-9]+}': {
    '': { owner: admin, setup: newIdeaStatus, form: { name: 'Renamed status' }, acted: (ctx, target) => ideaStatusRow(ctx, target.id).name === 'Renamed status' },
  },
  'POST /admin/ideas/:id{[0-9]+}/move': {
    '': { owner: admin, setup: newIdeaStatus, form: { direction: 'up' }, acted: (ctx, target) => ideaStatusRow(ctx, target.id).position !== target.position },
  },
  'POST /admin/ideas/:id{[0-9]+}/open': {
    '': { owner: admin, setup: newIdeaStatus, form: { open: '0' }, acted: (ctx, target) => ideaStatusRow(ctx, target.id).open === 0 },
  },
  'POST /admin/ideas/:id{[0-9]+}/remove': {
    '': { owner: admin, setup: newIdeaStatus, acted: (ctx, target) => ctx.row<{ id: number } | undefined>('select id from idea_statuses where id = ?', target.id) === undefined },
  },
};

/** Bob's idea on the sweep's ideas board (made on first use). */
async function bobsIdea(ctx: SweepFixture): Promise<Target> {
  if (ctx.row<{ id: number } | undefined>("select id from categories where slug = 'sweep-ideas'") === undefined) {
    makeCategory(ctx.services, { name: 'Sweep ideas', slug: 'sweep-ideas', kind: 'ideas' });
  }
  const title = fresh('Bob’s idea number ');
  const created = await makeThread(ctx.services, ctx.other, { category: 'sweep-ideas', title, body: 'Please build this.' });
  return { id: created.threadId, title };
}

const ideaStatusKey = (ctx: SweepFixture, threadId: unknown) =>
  one<{ key: string | null }>(ctx, 'select s.key from threads t left join idea_statuses s on s.id = t.idea_status_id where t.id = ?', threadId).key;

const ideaStatusRow = (ctx: SweepFixture, id: unknown) => one<{ name: string | null; position: number; open: number }>(ctx, 'select name, position, open from idea_statuses where id = ?', id);

/** A status an admin added, open, at the end of the list. */
async function newIdeaStatus(ctx: SweepFixture): Promise<Target> {
  const name = fresh('Sweep status ');
  await expectRedirect(ctx.http.post('/admin/ideas', { name, open: '1' }, { as: ctx.admin }));
  const row = one<{ id: number; position: number }>(ctx, 'select id, position from idea_statuses where name = ?', name);
  return { id: row.id, position: row.position };
}
