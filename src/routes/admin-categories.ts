import { Hono, type Context } from 'hono';
import type { MessageKey } from '../i18n/catalog.js';
import { createCategory } from '../forum/categories.js';
import { ValidationError } from '../lib/errors.js';
import { moveCategory, setCategoryArchived } from '../moderation/category-order.js';
import { listCategorySettings, updateCategorySettings } from '../moderation/settings.js';
import { categorySettingsPage, type CategorySettingsProps } from '../../views/pages/admin-categories.js';
import type { AppEnv } from './env.js';
import { idParam, readForm } from './forms.js';
import { fieldTexts, renderPage } from './render.js';
import { adminOnly } from './staff-guard.js';
import { setPollCreators } from '../polls/category-setting.js';

// Admin → Categories: create, rename, describe, set kind, moderation and target reply time,
// reorder and archive. Every form is a plain POST that answers 303 back to the list.

const PAGE = '/admin/categories';

const notices: Record<string, MessageKey> = {
  saved: 'admin.categories.saved',
  created: 'admin.categories.created',
  moved: 'admin.categories.moved',
  archived: 'admin.categories.archivedDone',
  unarchived: 'admin.categories.unarchivedDone',
};

type PageState = Pick<CategorySettingsProps, 'failed' | 'creating'>;

function render(c: Context<AppEnv>, state: PageState = {}, status: 200 | 422 = 200) {
  const categories = listCategorySettings(c.get('services'), c.get('viewer'));
  const i18n = c.get('i18n');
  const key = status === 200 ? notices[c.req.query('done') ?? ''] : undefined;
  return renderPage(c, categorySettingsPage({ i18n, categories, ...state }), { title: i18n.t('admin.categories.heading'), ...(key ? { notice: i18n.t(key) } : {}) }, status);
}

const done = (c: Context<AppEnv>, what: string) => c.redirect(`${PAGE}?done=${what}`, 303);

export const adminCategoryRoutes = new Hono<AppEnv>()
  .use(PAGE, adminOnly())
  .use(`${PAGE}/*`, adminOnly())
  .get(PAGE, (c) => render(c))
  .post(PAGE, async (c) => {
    const form = await readForm(c);
    const field = (name: string) => form[name] ?? '';
    const values = {
      name: field('name'),
      slug: field('slug'),
      description: field('description'),
      kind: field('kind'),
      moderation: field('moderation'),
      targetValue: field('targetValue'),
      targetUnit: field('targetUnit'),
    };
    try {
      const { targetValue, targetUnit, ...rest } = values;
      createCategory(c.get('services'), c.get('viewer'), { ...rest, target: { value: targetValue, unit: targetUnit } });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(c, { creating: { errors: fieldTexts(c, error.fields), values } }, 422);
    }
    return done(c, 'created');
  })
  .post(`${PAGE}/:id{[0-9]+}`, async (c) => {
    const categoryId = idParam(c.req.param('id'));
    const form = await readForm(c);
    const input = { name: form['name'], description: form['description'], kind: form['kind'], moderation: form['moderation'], targetValue: form['targetValue'], targetUnit: form['targetUnit'] };
    try {
      updateCategorySettings(c.get('services'), c.get('viewer'), { categoryId, ...input });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const stored = listCategorySettings(c.get('services'), c.get('viewer')).find((category) => category.id === categoryId);
      const values = {
        name: input.name ?? stored?.name ?? '',
        description: input.description ?? stored?.description ?? '',
        kind: input.kind ?? '',
        moderation: input.moderation ?? '',
        targetValue: input.targetValue ?? '',
        targetUnit: input.targetUnit ?? '',
      };
      return render(c, { failed: { categoryId, errors: fieldTexts(c, error.fields), values } }, 422);
    }
    return done(c, 'saved');
  })
  .post(`${PAGE}/:id{[0-9]+}/polls`, async (c) => {
    setPollCreators(c.get('services'), c.get('viewer'), { categoryId: idParam(c.req.param('id')), pollCreators: (await readForm(c))['pollCreators'] });
    return done(c, 'saved');
  })
  .post(`${PAGE}/:id{[0-9]+}/move`, async (c) => {
    const direction = (await readForm(c))['direction'];
    moveCategory(c.get('services'), c.get('viewer'), { categoryId: idParam(c.req.param('id')), direction });
    return done(c, 'moved');
  })
  .post(`${PAGE}/:id{[0-9]+}/archive`, (c) => {
    setCategoryArchived(c.get('services'), c.get('viewer'), { categoryId: idParam(c.req.param('id')), archived: true });
    return done(c, 'archived');
  })
  .post(`${PAGE}/:id{[0-9]+}/unarchive`, (c) => {
    setCategoryArchived(c.get('services'), c.get('viewer'), { categoryId: idParam(c.req.param('id')), archived: false });
    return done(c, 'unarchived');
  });
