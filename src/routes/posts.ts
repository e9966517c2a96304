import { Hono, type Context } from 'hono';
import { editPost, getPostForEdit } from '../forum/edits.js';
import { deletePost, listRevisions, locatePost, type PostLocation } from '../forum/posts.js';
import { msg } from '../i18n/message.js';
import { ValidationError } from '../lib/errors.js';
import { flagPost, getFlagTarget, type FlagTarget } from '../moderation/flags.js';
import { hidePostWithReason, unhidePostByModerator } from '../moderation/post-tools.js';
import { flagPage } from '../../views/pages/flag.js';
import { editPostPage } from '../../views/pages/post-edit.js';
import { revisionsPage } from '../../views/pages/revisions.js';
import type { AppEnv } from './env.js';
import { formErrors, type FormStatus, idParam, loginRedirect, postPath, readForm, type FormErrors } from './forms.js';
import { threadPath } from '../lib/slug.js';
import { limitFlagging } from './limits.js';
import { refusedWithText } from './refused-form.js';
import { renderError, renderPage, fieldTexts } from './render.js';
import { isUploadStep, uploadFormFile, withImage } from './composer-upload.js';

type EditValues = { title: string | null; body: string; reason: string };
type EditTarget = { id: number; threadId: number; slug: string; staffEdit: boolean; rejected: boolean; editWaiting: boolean };

function renderEdit(c: Context<AppEnv>, post: EditTarget, values: EditValues, errors: FormErrors, status: 200 | FormStatus) {
  const view = editPostPage({ i18n: c.get('i18n'), postId: post.id, threadPath: threadPath(post.threadId, post.slug), ...values, staffEdit: post.staffEdit, rejected: post.rejected, editWaiting: post.editWaiting, errors });
  return renderPage(c, view, { title: c.get('i18n').t('edit.pageTitle') }, status);
}

function renderFlag(c: Context<AppEnv>, target: FlagTarget, values: { reason: string; note: string }, errors: FormErrors, status: 200 | 422) {
  const view = flagPage({ i18n: c.get('i18n'), postId: target.postId, threadTitle: target.title, postPath: postPath(target.location), values, errors });
  return renderPage(c, view, { title: c.get('i18n').t('flag.title') }, status);
}

/** "Upload image" without JavaScript: the edit form again with the image's markdown added; nothing is saved. */
async function uploadToEdit(c: Context<AppEnv>, postId: number, values: EditValues, staffEdit: boolean) {
  const location: PostLocation = locatePost(c.get('services'), c.get('viewer'), postId);
  const target = { id: postId, threadId: location.threadId, slug: location.slug, staffEdit, rejected: false, editWaiting: false };
  try {
    const upload = await uploadFormFile(c, 'post');
    return renderEdit(c, target, { ...values, body: withImage(values.body, upload.markdown) }, {}, 200);
  } catch (error) {
    const i18n = c.get('i18n');
    const refused = refusedWithText(c, error, [{ name: 'body', label: i18n.t('edit.yourText'), value: values.body }], { href: `/p/${postId}`, label: i18n.t('edit.backToPost') });
    if (refused) return refused;
    const { status, errors } = formErrors(error, c);
    return renderEdit(c, target, values, errors, status);
  }
}

export const postRoutes = new Hono<AppEnv>()
  .get('/p/:id{[0-9]+}', (c) => {
    const location = locatePost(c.get('services'), c.get('viewer'), idParam(c.req.param('id')));
    return c.redirect(postPath(location), 302);
  })
  .get('/p/:id{[0-9]+}/edit', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    const post = getPostForEdit(c.get('services'), c.get('viewer'), idParam(c.req.param('id')));
    return renderEdit(c, post, { title: post.title, body: post.body, reason: '' }, {}, 200);
  })
  .post('/p/:id{[0-9]+}/edit', async (c) => {
    const postId = idParam(c.req.param('id'));
    const form = await readForm(c);
    const values = { title: form['title'] ?? null, body: form['body'] ?? '', reason: form['reason'] ?? '' };
    if (await isUploadStep(c, form)) return uploadToEdit(c, postId, values, 'reason' in form);
    try {
      const location = await editPost(c.get('services'), c.get('viewer'), { postId, body: values.body, reason: values.reason, ...(values.title !== null ? { title: values.title } : {}) });
      return c.redirect(postPath(location), 303);
    } catch (error) {
      const i18n = c.get('i18n');
      const kept = [...(values.title !== null ? [{ name: 'title', label: i18n.t('compose.yourTitle'), value: values.title }] : []), { name: 'body', label: i18n.t('edit.yourText'), value: values.body }];
      const refused = refusedWithText(c, error, kept, { href: `/p/${postId}`, label: i18n.t('edit.backToPost') });
      if (refused) return refused;
      const { status, errors } = formErrors(error, c);
      const location: PostLocation = locatePost(c.get('services'), c.get('viewer'), postId);
      const staffEdit = 'reason' in form;
      return renderEdit(c, { id: postId, threadId: location.threadId, slug: location.slug, staffEdit, rejected: false, editWaiting: false }, values, errors, status);
    }
  })
  .post('/p/:id{[0-9]+}/delete', (c) => {
    const location = deletePost(c.get('services'), c.get('viewer'), { postId: idParam(c.req.param('id')) });
    return c.redirect(postPath(location), 303);
  })
  .get('/p/:id{[0-9]+}/flag', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    const target = getFlagTarget(c.get('services'), c.get('viewer'), idParam(c.req.param('id')));
    return renderFlag(c, target, { reason: '', note: '' }, {}, 200);
  })
  .post('/p/:id{[0-9]+}/flag', async (c) => {
    const postId = idParam(c.req.param('id'));
    const form = await readForm(c);
    const refund = limitFlagging(c);
    try {
      flagPost(c.get('services'), c.get('viewer'), { postId, reason: form['reason'], note: form['note'] });
    } catch (error) {
      // A flag that was not made (invalid, refused) does not count against the limit.
      refund();
      if (error instanceof ValidationError) {
        const values = { reason: form['reason'] ?? '', note: form['note'] ?? '' };
        return renderFlag(c, getFlagTarget(c.get('services'), c.get('viewer'), postId), values, fieldTexts(c, error.fields), 422);
      }
      const note = form['note'] ?? '';
      const i18n = c.get('i18n');
      const refused = note.trim() ? refusedWithText(c, error, [{ name: 'note', label: i18n.t('flag.yourNote'), value: note }], { href: `/p/${postId}`, label: i18n.t('flag.backToPost') }) : null;
      if (refused) return refused;
      throw error;
    }
    return c.redirect(postPath(locatePost(c.get('services'), c.get('viewer'), postId)), 303);
  })
  .post('/p/:id{[0-9]+}/hide', async (c) => {
    const postId = idParam(c.req.param('id'));
    const form = await readForm(c);
    try {
      hidePostWithReason(c.get('services'), c.get('viewer'), { postId, reason: form['reason'] });
    } catch (error) {
      if (error instanceof ValidationError) return renderError(c, 422, msg('mod.hideRefused', { problem: Object.values(fieldTexts(c, error.fields)).join(' ') }));
      throw error;
    }
    return c.redirect(postPath(locatePost(c.get('services'), c.get('viewer'), postId)), 303);
  })
  .post('/p/:id{[0-9]+}/unhide', (c) => {
    const postId = idParam(c.req.param('id'));
    unhidePostByModerator(c.get('services'), c.get('viewer'), { postId });
    return c.redirect(postPath(locatePost(c.get('services'), c.get('viewer'), postId)), 303);
  })
  .get('/p/:id{[0-9]+}/revisions', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    const { post, revisions } = listRevisions(c.get('services'), c.get('viewer'), idParam(c.req.param('id')));
    return renderPage(c, revisionsPage({ i18n: c.get('i18n'), threadPath: postPath(post), post, revisions }), { title: c.get('i18n').t('revisions.heading') });
  });
