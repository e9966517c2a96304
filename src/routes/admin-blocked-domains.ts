import { Hono, type Context } from 'hono';
import type { MessageKey } from '../i18n/catalog.js';
import { ValidationError } from '../lib/errors.js';
import type { FieldErrors } from '../../views/components/form.js';
import { blockDomain, listBlockedDomains, unblockDomain } from '../moderation/blocked-domains.js';
import { blockedDomainsPage } from '../../views/pages/admin-blocked-domains.js';
import type { AppEnv } from './env.js';
import { readForm } from './forms.js';
import { fieldTexts, renderPage } from './render.js';
import { adminOnly } from './staff-guard.js';

// /admin/blocked-domains: the email domains new sign-ups are refused from (docs/decisions/0045).

const notices: Record<string, MessageKey> = { added: 'blockedDomains.added', removed: 'blockedDomains.removed' };

function render(c: Context<AppEnv>, value: string, errors: FieldErrors, status: 200 | 422 = 200) {
  const after = c.req.query('after')?.slice(0, 260) || null;
  const page = listBlockedDomains(c.get('services'), c.get('viewer'), { after });
  const i18n = c.get('i18n');
  const notice = notices[c.req.query('done') ?? ''];
  return renderPage(c, blockedDomainsPage({ i18n, ...page, isFirstPage: after === null, value, errors }), { title: i18n.t('blockedDomains.heading'), ...(notice ? { notice: i18n.t(notice) } : {}) }, status);
}

export const adminBlockedDomainRoutes = new Hono<AppEnv>()
  .use('/admin/blocked-domains', adminOnly())
  .use('/admin/blocked-domains/*', adminOnly())
  .get('/admin/blocked-domains', (c) => render(c, '', {}))
  .post('/admin/blocked-domains', async (c) => {
    const form = await readForm(c);
    const value = form['domain'] ?? '';
    try {
      blockDomain(c.get('services'), c.get('viewer'), { domain: value });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(c, value, fieldTexts(c, error.fields), 422);
    }
    return c.redirect('/admin/blocked-domains?done=added', 303);
  })
  .post('/admin/blocked-domains/remove', async (c) => {
    const form = await readForm(c);
    unblockDomain(c.get('services'), c.get('viewer'), { domain: form['domain'] ?? '' });
    return c.redirect('/admin/blocked-domains?done=removed', 303);
  });
