import { Hono, type Context } from 'hono';
import type { MessageKey } from '../i18n/catalog.js';
import { ValidationError } from '../lib/errors.js';
import { addProfileField, listProfileFields, moveProfileField, profileFieldForRemoval, removeProfileField, renameProfileField } from '../profiles/profile-fields.js';
import { profileFieldsPage, removeProfileFieldPage, type ProfileFieldsProps } from '../../views/pages/admin-profile-fields.js';
import type { AppEnv } from './env.js';
import { idParam, readForm } from './forms.js';
import { fieldTexts, renderPage } from './render.js';
import { adminOnly } from './staff-guard.js';

// Admin → Profile fields: add, rename, reorder and remove the questions members answer on their
// profiles. Plain forms answering 303 back to the list; removing asks first on a page of its own.

const PAGE = '/admin/profile-fields';

const notices: Record<string, MessageKey> = {
  added: 'admin.profileFields.added',
  renamed: 'admin.profileFields.renamed',
  moved: 'admin.profileFields.moved',
  removed: 'admin.profileFields.removed',
};

function render(c: Context<AppEnv>, failed?: ProfileFieldsProps['failed']) {
  const i18n = c.get('i18n');
  const fields = listProfileFields(c.get('services'), c.get('viewer'));
  const key = failed ? undefined : notices[c.req.query('done') ?? ''];
  return renderPage(c, profileFieldsPage({ i18n, fields, ...(failed ? { failed } : {}) }), { title: i18n.t('admin.profileFields.heading'), ...(key ? { notice: i18n.t(key) } : {}) }, failed ? 422 : 200);
}

const done = (c: Context<AppEnv>, what: string) => c.redirect(`${PAGE}?done=${what}`, 303);

export const adminProfileFieldRoutes = new Hono<AppEnv>()
  .use(PAGE, adminOnly())
  .use(`${PAGE}/*`, adminOnly())
  .get(PAGE, (c) => render(c))
  .post(PAGE, async (c) => {
    const label = (await readForm(c))['label'] ?? '';
    try {
      addProfileField(c.get('services'), c.get('viewer'), { label });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(c, { fieldId: null, errors: fieldTexts(c, error.fields), label });
    }
    return done(c, 'added');
  })
  .post(`${PAGE}/:id{[0-9]+}`, async (c) => {
    const fieldId = idParam(c.req.param('id'));
    const label = (await readForm(c))['label'] ?? '';
    try {
      renameProfileField(c.get('services'), c.get('viewer'), { fieldId, label });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(c, { fieldId, errors: fieldTexts(c, error.fields), label });
    }
    return done(c, 'renamed');
  })
  .post(`${PAGE}/:id{[0-9]+}/move`, async (c) => {
    moveProfileField(c.get('services'), c.get('viewer'), { fieldId: idParam(c.req.param('id')), direction: (await readForm(c))['direction'] });
    return done(c, 'moved');
  })
  .get(`${PAGE}/:id{[0-9]+}/remove`, (c) => {
    const i18n = c.get('i18n');
    const field = profileFieldForRemoval(c.get('services'), c.get('viewer'), idParam(c.req.param('id')));
    return renderPage(c, removeProfileFieldPage({ i18n, field }), { title: i18n.t('admin.profileFields.heading') });
  })
  .post(`${PAGE}/:id{[0-9]+}/remove`, (c) => {
    removeProfileField(c.get('services'), c.get('viewer'), { fieldId: idParam(c.req.param('id')) });
    return done(c, 'removed');
  });
