import { Hono, type Context } from 'hono';
import type { Db } from '../db/client.js';
import { readTogether } from '../db/read-together.js';
import { listCategoryChoices } from '../forum/categories.js';
import { silenceOf } from '../forum/compose.js';
import { createReply } from '../forum/posts.js';
import { findReplyTarget } from '../forum/reply-target.js';
import { threadPageVersion } from '../forum/page-versions.js';
import { getThreadPage, type ThreadPage } from '../forum/thread-page.js';
import { createThread, moveThread, renameThread, setThreadFlag } from '../forum/threads.js';
import { NotFound, ValidationError } from '../lib/errors.js';
import { previewPost } from '../forum/preview.js';
import { insertSavedReply } from '../moderation/saved-replies.js';
import { findSimilarThreads, SIMILAR_TITLE_MAX } from '../search/similar.js';
import { limitLookups } from './similar.js';
import { msg } from '../i18n/message.js';
import { newThreadPage } from '../../views/pages/thread-form.js';
import type { PollForm } from '../polls/draft.js';
import { withClosingMark } from '../polls/deadlines.js';
import { pollFormOf } from './polls.js';
import { composerPoll, pollToAdd } from './composer-poll.js';
import type { ReplyDraft } from '../../views/pages/thread.js';
import { threadBytes } from './thread-bytes.js';
import { pageScope } from './page-scope.js';
import type { AppEnv } from './env.js';
import { fieldErrorsText, formErrors, type FormStatus, idParam, loginRedirect, postPath, readForm, type FormErrors } from './forms.js';
import { sameSlug, threadPath } from '../lib/slug.js';
import { postOnce } from './post-once.js';
import { refusedWithText } from './refused-form.js';
import { newSubmissionToken } from './forms.js';
import { isUploadStep, uploadFormFile, withImage } from './composer-upload.js';
import { renderError, renderPage, sendHtml, servePublic } from './render.js';

function pageParam(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^[1-9][0-9]{0,6}$/.test(value)) throw new NotFound(msg('thread.noSuchPage'));
  return Number(value);
}

function renderThread(c: Context<AppEnv>, data: ThreadPage, reply?: ReplyDraft, status: 200 | FormStatus = 200) {
  return sendHtml(c, threadBytes(pageScope(c), data, reply), status);
}

/** The page a new reply would land on, where a failed reply is shown again. */
function lastPage(c: Context<AppEnv>, threadId: number): ThreadPage {
  const first = getThreadPage(c.get('services'), c.get('viewer'), { threadId, page: 1 });
  return first.totalPages === 1 ? first : getThreadPage(c.get('services'), c.get('viewer'), { threadId, page: first.totalPages });
}

type NewThreadValues = { category: string; title: string; body: string; submission: string; poll?: PollForm };

function renderNewThread(c: Context<AppEnv>, values: NewThreadValues, errors: FormErrors, status: 200 | FormStatus) {
  const categories = listCategoryChoices(c.get('services'), { open: true });
  const silence = silenceOf(c.get('services'), c.get('viewer'));
  const poll = composerPoll(c, values.poll, errors);
  return renderPage(c, newThreadPage({ i18n: c.get('i18n'), categories, values, errors, ...(silence ? { silence } : {}), ...(poll ? { poll } : {}) }), { title: c.get('i18n').t('compose.heading') }, status);
}

/** The no-JavaScript preview: the form again (200) with the rendered body and similar threads; nothing is stored. */
async function previewNewThread(c: Context<AppEnv>, values: NewThreadValues) {
  // A silenced member gets the notice, with their text to copy, rather than a form to go on with.
  if (silenceOf(c.get('services'), c.get('viewer'))) return renderNewThread(c, values, {}, 200);
  try {
    limitLookups(c, 'preview');
    const preview = await previewPost(c.get('services'), c.get('viewer'), { body: values.body });
    const title = values.title.trim().slice(0, SIMILAR_TITLE_MAX);
    const similar = title ? findSimilarThreads(c.get('services'), { title, category: values.category }) : [];
    const i18n = c.get('i18n');
    const poll = composerPoll(c, values.poll, {});
    return renderPage(c, newThreadPage({ i18n, categories: listCategoryChoices(c.get('services'), { open: true }), values, errors: {}, preview, similar, ...(poll ? { poll } : {}) }), { title: i18n.t('compose.previewPageTitle') });
  } catch (error) {
    const { status, errors } = formErrors(error, c);
    return renderNewThread(c, values, errors, status);
  }
}

/** A new thread refused: a page keeping the typed text, or the form again with its errors. */
function newThreadRefused(c: Context<AppEnv>, error: unknown, values: { category: string; title: string; body: string; submission: string }) {
  const i18n = c.get('i18n');
  const refused = refusedWithText(c, error, [
    { name: 'title', label: i18n.t('compose.yourTitle'), value: values.title },
    { name: 'body', label: i18n.t('compose.yourMessage'), value: values.body },
  ]);
  if (refused) return refused;
  const { status, errors } = formErrors(error, c);
  return renderNewThread(c, values, errors, status);
}

/** "Upload image" without JavaScript: the form again (200) with the image's markdown added; nothing is posted. */
async function uploadToNewThread(c: Context<AppEnv>, values: { category: string; title: string; body: string; submission: string }) {
  try {
    const upload = await uploadFormFile(c, 'post');
    return renderNewThread(c, { ...values, body: withImage(values.body, upload.markdown) }, {}, 200);
  } catch (error) {
    return newThreadRefused(c, error, values);
  }
}

/** The same for a reply: the thread again with the reply box holding the text and the image. */
async function uploadToReply(c: Context<AppEnv>, threadId: number, form: Record<string, string>) {
  const body = form['body'] ?? '';
  const replyTo = findReplyTarget(c.get('services'), { threadId, replyTo: form['replyTo'] });
  const draft: ReplyDraft = { body, submission: form['submission'] ?? newSubmissionToken(), ...(replyTo ? { replyTo } : {}) };
  try {
    const upload = await uploadFormFile(c, 'post');
    return renderThread(c, lastPage(c, threadId), { ...draft, body: withImage(body, upload.markdown) });
  } catch (error) {
    const i18n = c.get('i18n');
    const refused = refusedWithText(c, error, [{ name: 'body', label: i18n.t('reply.yourReply'), value: body }], { href: `/t/${threadId}`, label: i18n.t('edit.backToThread') });
    if (refused) return refused;
    const { status, errors } = formErrors(error, c);
    return renderThread(c, lastPage(c, threadId), { ...draft, ...(errors['file'] ? { fileError: errors['file'] } : {}), ...(errors['form'] ? { formError: errors['form'] } : {}) }, status);
  }
}

/**
 * Staff's saved-reply picker without JavaScript: the thread again (200) with the reply box's text
 * and the chosen saved reply after it. Nothing is posted; the same submission token goes on.
 */
function insertStep(c: Context<AppEnv>, threadId: number, form: Record<string, string>) {
  const body = form['body'] ?? '';
  const replyTo = findReplyTarget(c.get('services'), { threadId, replyTo: form['replyTo'] });
  const draft: ReplyDraft = { body, submission: form['submission'] ?? newSubmissionToken(), ...(replyTo ? { replyTo } : {}) };
  try {
    const filled = insertSavedReply(c.get('services'), c.get('viewer'), { text: body, savedReply: form['savedReply'] });
    return renderThread(c, lastPage(c, threadId), { ...draft, body: filled });
  } catch (error) {
    const i18n = c.get('i18n');
    const refused = refusedWithText(c, error, [{ name: 'body', label: i18n.t('reply.yourReply'), value: body }], { href: `/t/${threadId}`, label: i18n.t('edit.backToThread') });
    if (refused) return refused;
    const { status, errors } = formErrors(error, c);
    return renderThread(c, lastPage(c, threadId), { ...draft, ...(errors['savedReply'] ? { savedReplyError: errors['savedReply'] } : {}), ...(errors['form'] ? { formError: errors['form'] } : {}) }, status);
  }
}

/**
 * The page's current version while its URL stays canonical, kept with the cached page. Made out
 * here: a closure made in the route handler would share the handler's scope with the render
 * callback and so hold the request's context (request, response, page) for as long as the page
 * stays cached — at 2,000 cached pages, enough garbage-collector work to slow every other request.
 */
function versionCheck(db: Db, threadId: number, slug: string, clock: () => number): () => string | undefined {
  return () => {
    const now = threadPageVersion(db, threadId);
    return now?.slug === slug ? withClosingMark(db, threadId, now.version, clock()) : undefined;
  };
}

/** A page view for insights (src/insights/thread-views.ts); HEAD requests read no page. */
function countView(c: Context<AppEnv>, threadId: number): void {
  if (c.req.method === 'GET') c.get('threadViews').count(threadId, c.get('services').now());
}

export const threadRoutes = new Hono<AppEnv>()
  .get('/t/:id{[0-9]+}/:slug?', (c) => {
    const threadId = idParam(c.req.param('id'));
    const page = pageParam(c.req.query('page'));
    // Read once: each c.var builds a new object of every variable.
    const services = c.get('services');
    const viewer = c.get('viewer');
    return readTogether(services.db, () => {
      if (viewer === null) {
        const current = threadPageVersion(services.db, threadId);
        if (current && sameSlug(c.req.param('slug'), current.slug) && c.req.query('page') !== '1') {
          const revalidate = versionCheck(services.db, threadId, current.slug, services.now);
          countView(c, threadId);
          // A poll closing by date changes the page with no write: the version carries the closings passed.
          return servePublic(c, withClosingMark(services.db, threadId, current.version, services.now()), () => threadBytes(pageScope(c), getThreadPage(services, null, { threadId, page })).parts(), revalidate);
        }
      }
      const view = getThreadPage(services, viewer, { threadId, page });
      if (!sameSlug(c.req.param('slug'), view.thread.slug) || c.req.query('page') === '1') {
        return c.redirect(threadPath(view.thread.id, view.thread.slug, page), 301);
      }
      countView(c, threadId);
      return renderThread(c, view);
    });
  })
  .get('/new', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    return renderNewThread(c, { category: c.req.query('category') ?? '', title: '', body: '', submission: newSubmissionToken() }, {}, 200);
  })
  .post('/t', async (c) => {
    const form = await readForm(c);
    const poll = pollFormOf(form);
    const values = { category: form['category'] ?? '', title: form['title'] ?? '', body: form['body'] ?? '', submission: form['submission'] ?? newSubmissionToken(), poll };
    if (form['intent'] === 'preview') return previewNewThread(c, values);
    if (await isUploadStep(c, form)) return uploadToNewThread(c, values);
    try {
      const addPoll = pollToAdd(c, values.category, poll);
      const path = await postOnce(c, form['submission'], (earlier) => threadPath(earlier.threadId, earlier.slug), async () => {
        const created = await createThread(c.get('services'), c.get('viewer'), { ...values, submission: form['submission'] });
        addPoll?.(created.threadId);
        return threadPath(created.threadId, created.slug);
      });
      return c.redirect(path, 303);
    } catch (error) {
      return newThreadRefused(c, error, values);
    }
  })
  .post('/t/:id{[0-9]+}/replies', async (c) => {
    const threadId = idParam(c.req.param('id'));
    const form = await readForm(c);
    if (form['intent'] === 'insert') return insertStep(c, threadId, form);
    if (await isUploadStep(c, form)) return uploadToReply(c, threadId, form);
    const body = form['body'] ?? '';
    try {
      const path = await postOnce(c, form['submission'], postPath, async () => {
        const location = await createReply(c.get('services'), c.get('viewer'), { threadId, body, submission: form['submission'], replyTo: form['replyTo'] });
        return postPath(location);
      });
      return c.redirect(path, 303);
    } catch (error) {
      const i18n = c.get('i18n');
      const refused = refusedWithText(c, error, [{ name: 'body', label: i18n.t('reply.yourReply'), value: body }], { href: `/t/${threadId}`, label: i18n.t('edit.backToThread') });
      if (refused) return refused;
      const { status, errors } = formErrors(error, c);
      const replyTo = findReplyTarget(c.get('services'), { threadId, replyTo: form['replyTo'] });
      return renderThread(c, lastPage(c, threadId), { body, submission: form['submission'] ?? newSubmissionToken(), ...(replyTo ? { replyTo } : {}), ...(errors['body'] ? { error: errors['body'] } : {}), ...(errors['form'] ? { formError: errors['form'] } : {}) }, status);
    }
  })
  .post('/t/:id{[0-9]+}/:flag{(?:lock|pin)}', async (c) => {
    const threadId = idParam(c.req.param('id'));
    const form = await readForm(c);
    const flag = c.req.param('flag') === 'lock' ? 'locked' : 'pinned';
    const thread = setThreadFlag(c.get('services'), c.get('viewer'), { threadId, flag, value: form['value'] === '1' });
    return c.redirect(threadPath(thread.id, thread.slug), 303);
  })
  .post('/t/:id{[0-9]+}/:tool{(?:rename|move)}', async (c) => {
    const threadId = idParam(c.req.param('id'));
    const form = await readForm(c);
    try {
      const thread =
        c.req.param('tool') === 'rename'
          ? renameThread(c.get('services'), c.get('viewer'), { threadId, title: form['title'] })
          : moveThread(c.get('services'), c.get('viewer'), { threadId, category: form['category'] });
      return c.redirect(threadPath(thread.id, thread.slug), 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderError(c, 422, fieldErrorsText(c.get('i18n'), error));
      throw error;
    }
  });
