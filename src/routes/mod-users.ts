import { Hono, type Context } from 'hono';
import { changeRole, setManagerScope } from '../auth/roles.js';
import { canEraseAccount, isAdmin } from '../forum/permissions.js';
import { allowedPostChoices, eraseMemberAccount } from '../privacy/delete-account.js';
import type { MessageKey } from '../i18n/catalog.js';
import { ValidationError } from '../lib/errors.js';
import type { FieldErrors } from '../../views/components/form.js';
import { modActions } from '../moderation/audit.js';
import { getMember, listMembers } from '../moderation/members.js';
import { cleanUpSpammer, undoSpamCleanup } from '../moderation/spam-cleanup.js';
import { spamCleanupPanel } from '../moderation/spam-cleanup-panel.js';
import type { SpamCleanupDraft } from '../../views/components/spam-cleanup.js';
import { liftSanction, sanctionMember, type SanctionKind } from '../moderation/sanctions.js';
import { modUserPage, type SanctionDraft } from '../../views/pages/mod-user.js';
import { modUsersPage } from '../../views/pages/mod-users.js';
import type { AppEnv } from './env.js';
import { readForm } from './forms.js';
import { renderPage, fieldTexts } from './render.js';
import { staffOnly } from './staff-guard.js';

// What a change did, said on the member page it returns to (`?done=`).
const doneNotices: Record<string, MessageKey> = {
  silence: 'sanction.doneSilence',
  suspend: 'sanction.doneSuspend',
  unsilence: 'sanction.doneUnsilence',
  unsuspend: 'sanction.doneUnsuspend',
  role: 'members.doneRole',
  scope: 'members.doneScope',
  'spam-cleanup': 'spamCleanup.doneNotice',
  'spam-cleanup-undone': 'spamCleanup.undoneNotice',
};

const memberPath = (username: string) => `/mod/users/${encodeURIComponent(username)}`;

type MemberExtra = { draft?: SanctionDraft; errors?: FieldErrors; notice?: string; spamCleanupErrors?: FieldErrors; spamCleanupDraft?: SpamCleanupDraft; eraseErrors?: FieldErrors; erasePosts?: string };

function renderMember(c: Context<AppEnv>, username: string, extra: MemberExtra = {}, status: 200 | 422 = 200) {
  const data = getMember(c.get('services'), c.get('viewer'), username);
  const spamCleanup = spamCleanupPanel(c.get('services'), c.get('viewer'), username);
  const { notice: _notice, eraseErrors, erasePosts, ...forms } = extra;
  // Erasure is offered to admins, for accounts they may erase (src/forum/permissions.ts).
  const erase = canEraseAccount(c.get('viewer'), data.member) ? { choices: allowedPostChoices(c.get('services').db), errors: eraseErrors ?? {}, ...(erasePosts ? { posts: erasePosts } : {}) } : undefined;
  const view = modUserPage({ i18n: c.get('i18n'), ...data, isAdmin: isAdmin(c.get('viewer')), actionLabels: modActions, spamCleanup, ...forms, ...(erase ? { erase } : {}) });
  return renderPage(c, view, { title: c.get('i18n').t('members.pageTitle', { username: data.member.username }), ...(extra.notice ? { notice: extra.notice } : {}) }, status);
}

/** Runs a change; invalid input shows the member page again (422) with what was typed. */
async function change(c: Context<AppEnv>, run: (form: Record<string, string>) => unknown, onInvalid: (form: Record<string, string>, error: ValidationError) => Parameters<typeof renderMember>[2], done: string) {
  const username = c.req.param('username') ?? '';
  const form = await readForm(c);
  try {
    run(form);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return renderMember(c, username, onInvalid(form, error), 422);
  }
  return c.redirect(`${memberPath(username)}?done=${done}`, 303);
}

export const modUserRoutes = new Hono<AppEnv>()
  .use('/mod/users/*', staffOnly())
  .get('/mod/users', (c) => {
    const query = (c.req.query('q') ?? '').trim().slice(0, 40);
    const after = c.req.query('after')?.slice(0, 80) || null;
    const page = listMembers(c.get('services'), c.get('viewer'), { query, after });
    const notice = c.req.query('done') === 'erased' ? { notice: c.get('i18n').t('privacy.erasedNotice') } : {};
    return renderPage(c, modUsersPage({ i18n: c.get('i18n'), ...page, isFirstPage: after === null, isAdmin: isAdmin(c.get('viewer')), query }), { title: c.get('i18n').t('modNav.members'), ...notice });
  })
  .get('/mod/users/:username', (c) => {
    const notice = doneNotices[c.req.query('done') ?? ''];
    return renderMember(c, c.req.param('username'), notice ? { notice: c.get('i18n').t(notice) } : {});
  })
  .post('/mod/users/:username/:kind{(?:silence|suspend)}', (c) => {
    const kind = c.req.param('kind') as SanctionKind;
    return change(
      c,
      (form) => sanctionMember(c.get('services'), c.get('viewer'), { username: c.req.param('username'), kind, days: form['duration'] === 'lifted' ? 'lifted' : form['days'], reason: form['reason'] }),
      (form, error) => ({ draft: { kind, days: form['days'] ?? '', duration: form['duration'] ?? 'days', reason: form['reason'] ?? '', errors: fieldTexts(c, error.fields) } }),
      kind,
    );
  })
  .post('/mod/users/:username/:kind{(?:unsilence|unsuspend)}', (c) => {
    const kind = c.req.param('kind');
    return change(
      c,
      (form) => liftSanction(c.get('services'), c.get('viewer'), { username: c.req.param('username'), kind: kind === 'unsilence' ? 'silence' : 'suspend', reason: form['reason'] }),
      (_form, error) => ({ errors: fieldTexts(c, error.fields) }),
      kind,
    );
  })
  .post('/mod/users/:username/spam-cleanup', (c) =>
    change(
      c,
      (form) =>
        cleanUpSpammer(c.get('services'), c.get('viewer'), {
          username: c.req.param('username'),
          confirm: form['confirm'],
          reason: form['reason'],
          blockDomain: form['blockDomain'],
          defaultReason: c.get('i18n').t('spamCleanup.defaultReason'),
        }),
      (form, error) => ({ spamCleanupErrors: fieldTexts(c, error.fields), spamCleanupDraft: { reason: form['reason'] ?? '', blockDomain: form['blockDomain'] === 'yes' } }),
      'spam-cleanup',
    ),
  )
  .post('/mod/users/:username/spam-cleanup/undo', (c) =>
    change(
      c,
      () => undoSpamCleanup(c.get('services'), c.get('viewer'), { username: c.req.param('username') }),
      (_form, error) => ({ errors: fieldTexts(c, error.fields) }),
      'spam-cleanup-undone',
    ),
  )
  // A member's request to delete their account, received by email; the account's page is gone after.
  .post('/mod/users/:username/erase', async (c) => {
    const username = c.req.param('username');
    const form = await readForm(c);
    try {
      eraseMemberAccount(c.get('services'), c.get('viewer'), { username, posts: form['posts'], confirm: form['confirm'], exportsDir: c.get('config').exportsDir });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderMember(c, username, { eraseErrors: fieldTexts(c, error.fields), erasePosts: form['posts'] ?? '' }, 422);
    }
    return c.redirect('/mod/users?done=erased', 303);
  })
  .post('/mod/users/:username/role', (c) =>
    change(
      c,
      (form) => changeRole(c.get('services'), c.get('viewer'), { username: c.req.param('username'), role: form['role'] ?? '' }),
      (_form, error) => ({ errors: fieldTexts(c, error.fields) }),
      'role',
    ),
  )
  .post('/mod/users/:username/scope', async (c) => {
    // One checkbox per category: read every value of the repeated field.
    const body = await c.req.parseBody({ all: true });
    const categoryIds = [body['categories'] ?? []].flat().filter((value): value is string => typeof value === 'string' && /^[1-9][0-9]{0,9}$/.test(value)).map(Number);
    return change(
      c,
      () => setManagerScope(c.get('services'), c.get('viewer'), { username: c.req.param('username'), categoryIds }),
      (_form, error) => ({ errors: fieldTexts(c, error.fields) }),
      'scope',
    );
  });
