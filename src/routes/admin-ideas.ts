import { Hono, type Context } from 'hono';
import { addIdeaStatus, moveIdeaStatus, removeIdeaStatus, renameIdeaStatus, setIdeaStatusOpen } from '../ideas/status-admin.js';
import { listIdeaStatuses } from '../ideas/statuses.js';
import { setIdeaVoteLimit } from '../ideas/vote-limit.js';
import { Conflict, ValidationError } from '../lib/errors.js';
import { adminIdeasPage, type AdminIdeasProps } from '../../views/pages/admin-ideas.js';
import type { AppEnv } from './env.js';
import { idParam, readForm } from './forms.js';
import { fieldTexts, renderPage } from './render.js';
import { adminOnly } from './staff-guard.js';

// Admin → Ideas (/admin/ideas): the statuses ideas can have; and an ideas board's vote limit,
// set from Admin → Categories (POST /admin/categories/:id/vote-limit). Plain forms, 303 back.

const PAGE = '/admin/ideas';

function render(c: Context<AppEnv>, failed?: AdminIdeasProps['failed'], status: 200 | 409 | 422 = 200) {
  const i18n = c.get('i18n');
  const saved = status === 200 && c.req.query('done') === 'saved';
  const page = adminIdeasPage({ i18n, statuses: listIdeaStatuses(c.get('services').db), ...(failed ? { failed } : {}) });
  return renderPage(c, page, { title: i18n.t('admin.ideas.title'), ...(saved ? { notice: i18n.t('admin.ideas.saved') } : {}) }, status);
}

/** Runs a change and goes back to the list; a mistake or a refusal comes back beside its status. */
async function change(c: Context<AppEnv>, statusId: number | null, act: (form: Record<string, string>) => void) {
  const form = await readForm(c);
  try {
    act(form);
  } catch (error) {
    const name = form['name'] ?? '';
    if (error instanceof ValidationError) return render(c, { statusId, errors: fieldTexts(c, error.fields), name }, 422);
    if (error instanceof Conflict) return render(c, { statusId, errors: { form: c.get('i18n').message(error.text) }, name }, 409);
    throw error;
  }
  return c.redirect(`${PAGE}?done=saved`, 303);
}


export const adminIdeaRoutes = new Hono<AppEnv>()
  .use(PAGE, adminOnly())
  .use(`${PAGE}/*`, adminOnly())
  .use('/admin/categories/:id/vote-limit', adminOnly())
  .get(PAGE, (c) => render(c))
  .post(PAGE, (c) => change(c, null, (form) => addIdeaStatus(c.get('services'), c.get('viewer'), { name: form['name'], open: form['open'] })))
  .post(`${PAGE}/:id{[0-9]+}`, (c) => {
    const statusId = idParam(c.req.param('id'));
    return change(c, statusId, (form) => renameIdeaStatus(c.get('services'), c.get('viewer'), { statusId, name: form['name'] }));
  })
  .post(`${PAGE}/:id{[0-9]+}/move`, (c) => {
    const statusId = idParam(c.req.param('id'));
    return change(c, statusId, (form) => moveIdeaStatus(c.get('services'), c.get('viewer'), { statusId, direction: form['direction'] }));
  })
  .post(`${PAGE}/:id{[0-9]+}/open`, (c) => {
    const statusId = idParam(c.req.param('id'));
    return change(c, statusId, (form) => setIdeaStatusOpen(c.get('services'), c.get('viewer'), { statusId, open: form['open'] }));
  })
  .post(`${PAGE}/:id{[0-9]+}/remove`, (c) => {
    const statusId = idParam(c.req.param('id'));
    return change(c, statusId, () => removeIdeaStatus(c.get('services'), c.get('viewer'), { statusId }));
  })
  .post('/admin/categories/:id{[0-9]+}/vote-limit', async (c) => {
    const form = await readForm(c);
    setIdeaVoteLimit(c.get('services'), c.get('viewer'), { categoryId: idParam(c.req.param('id')), limit: form['voteLimit'] });
    return c.redirect(`/admin/categories?done=saved`, 303);
  });
