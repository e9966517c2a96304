import { Hono, type Context } from 'hono';
import { isAdmin } from '../forum/permissions.js';
import type { MessageKey } from '../i18n/catalog.js';
import { ValidationError } from '../lib/errors.js';
import { createSavedReply, deleteSavedReply, getSavedReply, listSavedReplies, updateSavedReply } from '../moderation/saved-replies.js';
import type { FieldErrors } from '../../views/components/form.js';
import { savedRepliesPage, savedReplyDeletePage, savedReplyEditPage, type SavedReplyValues } from '../../views/pages/mod-saved-replies.js';
import type { AppEnv } from './env.js';
import { idParam, readForm } from './forms.js';
import { fieldTexts, renderPage } from './render.js';
import { staffOnly } from './staff-guard.js';

// The team's saved replies (/mod/saved-replies): a paged list with the form to add one, an edit
// page, and deleting after a confirmation step. Any staff member may change them.

const LIST = '/mod/saved-replies';

const notices: Record<string, MessageKey> = {
  created: 'savedReplies.created',
  saved: 'savedReplies.saved',
  deleted: 'savedReplies.deleted',
};

function renderList(c: Context<AppEnv>, values: SavedReplyValues, errors: FieldErrors, status: 200 | 422 = 200) {
  const afterParam = c.req.query('after');
  const after = afterParam && /^[1-9][0-9]{0,14}$/.test(afterParam) ? Number(afterParam) : null;
  const page = listSavedReplies(c.get('services'), c.get('viewer'), { after });
  const i18n = c.get('i18n');
  const notice = notices[c.req.query('done') ?? ''];
  const view = savedRepliesPage({ i18n, ...page, isFirstPage: after === null, values, errors, isAdmin: isAdmin(c.get('viewer')) });
  return renderPage(c, view, { title: i18n.t('savedReplies.heading'), ...(notice && status === 200 ? { notice: i18n.t(notice) } : {}) }, status);
}

function renderEdit(c: Context<AppEnv>, id: number, values: SavedReplyValues, errors: FieldErrors, status: 200 | 422 = 200) {
  const i18n = c.get('i18n');
  return renderPage(c, savedReplyEditPage({ i18n, id, values, errors, isAdmin: isAdmin(c.get('viewer')) }), { title: i18n.t('savedReplies.editHeading') }, status);
}

function valuesOf(form: Record<string, string>): SavedReplyValues {
  return { title: form['title'] ?? '', body: form['body'] ?? '' };
}

export const savedReplyRoutes = new Hono<AppEnv>()
  .use(LIST, staffOnly())
  .use(`${LIST}/*`, staffOnly())
  .get(LIST, (c) => renderList(c, { title: '', body: '' }, {}))
  .post(LIST, async (c) => {
    const values = valuesOf(await readForm(c));
    try {
      createSavedReply(c.get('services'), c.get('viewer'), values);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderList(c, values, fieldTexts(c, error.fields), 422);
    }
    return c.redirect(`${LIST}?done=created`, 303);
  })
  .get(`${LIST}/:id{[0-9]+}/edit`, (c) => {
    const id = idParam(c.req.param('id'));
    const reply = getSavedReply(c.get('services'), c.get('viewer'), id);
    return renderEdit(c, id, { title: reply.title, body: reply.body }, {});
  })
  .post(`${LIST}/:id{[0-9]+}/edit`, async (c) => {
    const id = idParam(c.req.param('id'));
    const values = valuesOf(await readForm(c));
    try {
      updateSavedReply(c.get('services'), c.get('viewer'), { id, ...values });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderEdit(c, id, values, fieldTexts(c, error.fields), 422);
    }
    return c.redirect(`${LIST}?done=saved`, 303);
  })
  .post(`${LIST}/:id{[0-9]+}/delete`, async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await readForm(c);
    if (form['confirm'] !== 'yes') {
      // The first press asks; only the confirmation page's button deletes.
      const reply = getSavedReply(c.get('services'), c.get('viewer'), id);
      const i18n = c.get('i18n');
      return renderPage(c, savedReplyDeletePage({ i18n, id, title: reply.title, isAdmin: isAdmin(c.get('viewer')) }), { title: i18n.t('savedReplies.deleteHeading') });
    }
    deleteSavedReply(c.get('services'), c.get('viewer'), { id });
    return c.redirect(`${LIST}?done=deleted`, 303);
  });
