import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { addEmbedOrigin, listAllowedOrigins, removeEmbedOrigin } from '../embed/allowed-origins.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../embed/api-keys.js';
import { canManageEmbedding } from '../embed/permissions.js';
import { snippetExamples } from '../embed/read.js';
import type { MessageKey } from '../i18n/catalog.js';
import { msg } from '../i18n/message.js';
import { Forbidden, ValidationError } from '../lib/errors.js';
import { adminEmbeddingPage, type AdminEmbeddingProps } from '../../views/pages/admin-embedding.js';
import type { AppEnv } from './env.js';
import { loginRedirect, readForm } from './forms.js';
import { renderPage } from './render.js';

// Admin → Embedding: which sites may frame embeds, the API keys brands' servers use, and the
// snippets to paste. Plain forms; every change goes through a service that re-checks the role.

const PAGE = '/admin/embedding';

const notices: Record<string, MessageKey> = {
  'origin-added': 'admin.embedding.originAdded',
  'origin-removed': 'admin.embedding.originRemoved',
  'key-revoked': 'admin.embedding.keyRevoked',
};

/** Anonymous visitors log in first (and come back to this page); members and managers get a 403. */
const adminsOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('viewer') === null) return c.req.method === 'GET' ? loginRedirect(c) : c.redirect(`/login?next=${encodeURIComponent(PAGE)}`, 303);
  if (!canManageEmbedding(c.get('viewer'))) throw new Forbidden(msg('admin.embedding.adminsOnly'));
  await next();
  // Key names and, once, a key's secret: never keep these pages in any cache.
  c.header('Cache-Control', 'private, no-store');
};

type Overrides = Partial<Pick<AdminEmbeddingProps, 'originForm' | 'keyForm' | 'newKey'>> & { notice?: string | undefined };

function renderAdmin(c: Context<AppEnv>, overrides: Overrides = {}, status: ContentfulStatusCode = 200) {
  const services = c.get('services');
  const viewer = c.get('viewer');
  const config = c.get('config');
  const site = c.get('site');
  const i18n = c.get('i18n');
  const props: AdminEmbeddingProps = {
    i18n,
    baseUrl: site.baseUrl,
    origins: listAllowedOrigins(services, viewer, config.embedOrigins),
    keys: listApiKeys(services, viewer),
    examples: snippetExamples(services),
    originForm: overrides.originForm ?? { value: '' },
    keyForm: overrides.keyForm ?? { value: '' },
    ...(overrides.newKey ? { newKey: overrides.newKey } : {}),
  };
  return renderPage(c, adminEmbeddingPage(props), { title: i18n.t('admin.embedding.heading'), ...(overrides.notice ? { notice: overrides.notice } : {}) }, status);
}

function fieldError(c: Context<AppEnv>, error: unknown, name: string): string {
  if (error instanceof ValidationError) return c.get('i18n').message(error.fields[name] ?? error.text);
  throw error;
}

export const embedAdminRoutes = new Hono<AppEnv>()
  .use(`${PAGE}`, adminsOnly)
  .use(`${PAGE}/*`, adminsOnly)
  .get(PAGE, (c) => {
    const notice = notices[c.req.query('done') ?? ''];
    return renderAdmin(c, notice ? { notice: c.get('i18n').t(notice) } : {});
  })
  .post(`${PAGE}/origins`, async (c) => {
    const value = (await readForm(c))['origin'] ?? '';
    try {
      addEmbedOrigin(c.get('services'), c.get('viewer'), { origin: value, environment: c.get('config').embedOrigins });
      return c.redirect(`${PAGE}?done=origin-added`, 303);
    } catch (error) {
      return renderAdmin(c, { originForm: { value, error: fieldError(c, error, 'origin') } }, 422);
    }
  })
  .post(`${PAGE}/origins/delete`, async (c) => {
    const value = (await readForm(c))['origin'] ?? '';
    try {
      removeEmbedOrigin(c.get('services'), c.get('viewer'), { origin: value, environment: c.get('config').embedOrigins });
      return c.redirect(`${PAGE}?done=origin-removed`, 303);
    } catch (error) {
      return renderAdmin(c, { originForm: { value: '', error: fieldError(c, error, 'origin') } }, 422);
    }
  })
  .post(`${PAGE}/keys`, async (c) => {
    const value = (await readForm(c))['name'] ?? '';
    try {
      // Not a redirect: the secret exists only in this response and is never stored.
      const created = createApiKey(c.get('services'), c.get('viewer'), { name: value });
      return renderAdmin(c, { newKey: created }, 201);
    } catch (error) {
      return renderAdmin(c, { keyForm: { value, error: fieldError(c, error, 'name') } }, 422);
    }
  })
  .post(`${PAGE}/keys/:id/revoke`, (c) => {
    revokeApiKey(c.get('services'), c.get('viewer'), { id: c.req.param('id') });
    return c.redirect(`${PAGE}?done=key-revoked`, 303);
  });
