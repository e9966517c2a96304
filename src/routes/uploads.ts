import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { msg } from '../i18n/message.js';
import { AppError, NotFound, RateLimited, ValidationError } from '../lib/errors.js';
import { uploadAccess } from '../uploads/access.js';
import { removeAvatar, uploadAvatar } from '../uploads/avatars.js';
import { isUploadExtension, UPLOAD_FILE_NAME, uploadContentTypes } from '../uploads/urls.js';
import { uploadedPage } from '../../views/pages/uploaded.js';
import { renderAccount } from './account.js';
import { localPath } from './auth.js';
import { formFile, uploadFormFile } from './composer-upload.js';
import type { AppEnv } from './env.js';
import { formErrors, loginRedirect, readForm } from './forms.js';
import { fieldTexts, renderError, renderPage } from './render.js';
import { wantsJson } from './upload-limits.js';
import { rules } from '../lib/rate-limit.js';

const YEAR_SECONDS = 365 * 24 * 60 * 60;
// A public image's bytes never change, so browsers keep it for a year; but its post can be hidden
// or deleted, after which Hearth serves it to nobody but its uploader and staff. A shared cache
// in front (deploy/nginx.conf, a CDN) asks again after this long (a 304 while still public), so a
// hidden image is gone from it within minutes rather than a year.
const SHARED_CACHE_SECONDS = 5 * 60;
const PUBLIC_FILE = `public, max-age=${YEAR_SECONDS}, s-maxage=${SHARED_CACHE_SECONDS}, immutable`;
// A file is never a page: no script, no plugin, no form, even if a browser were to render it.
const FILE_CSP = "default-src 'none'; sandbox";

/** The composer script's answer to a refused upload: the message in the reader's language and the status. */
function jsonError(c: Context<AppEnv>, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
  const i18n = c.get('i18n');
  const message = error instanceof ValidationError ? Object.values(fieldTexts(c, error.fields)).join(' ') : i18n.message(error.text);
  return c.json({ error: { message } }, error.status as ContentfulStatusCode);
}

async function serveFile(c: Context<AppEnv>) {
  const match = UPLOAD_FILE_NAME.exec(c.req.param('file') ?? '');
  if (!match || !isUploadExtension(match[2]!)) throw new NotFound(msg('request.notFound'));
  const [, hash, ext] = match as unknown as [string, string, keyof typeof uploadContentTypes];
  const access = uploadAccess(c.get('services').db, c.get('viewer'), { hash, ext });
  if (access === 'none') throw new NotFound(msg('request.notFound'));
  // Same bytes, same name: the hash is the version, for every process and every restart.
  const etag = `"${hash}"`;
  c.header('Content-Type', uploadContentTypes[ext]);
  c.header('Content-Security-Policy', FILE_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', access === 'public' ? PUBLIC_FILE : 'private, no-store');
  c.header('ETag', etag);
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  const bytes = await c.get('uploads').store.get(hash, ext);
  if (bytes === null) throw new NotFound(msg('request.notFound'));
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
}

export const uploadRoutes = new Hono<AppEnv>()
  .get('/uploads/:file', serveFile)
  .post('/uploads', async (c) => {
    const json = wantsJson(c);
    if (!c.get('viewer') && !json) return loginRedirect(c);
    try {
      const upload = await uploadFormFile(c, 'post');
      if (json) return c.json({ url: upload.url, markdown: upload.markdown }, 201);
      const form = await readForm(c);
      const i18n = c.get('i18n');
      return renderPage(c, uploadedPage({ i18n, markdown: upload.markdown, back: localPath(form['next']) ?? '/' }), { title: i18n.t('upload.doneHeading') });
    } catch (error) {
      if (json) return jsonError(c, error);
      if (error instanceof ValidationError) return renderError(c, 422, Object.values(fieldTexts(c, error.fields)).join(' '));
      throw error;
    }
  })
  .post('/account/avatar', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return loginRedirect(c);
    const file = await formFile(c);
    try {
      if (!file) throw new ValidationError({ avatar: msg('upload.chooseFile') });
      c.get('limits').take(`upload:${viewer.id}`, rules.uploadPerMember);
      await uploadAvatar({ ...c.get('services'), ...c.get('uploads') }, viewer, { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name });
      return c.redirect('/account?done=avatar', 303);
    } catch (error) {
      const { status, errors } = formErrors(error, c);
      const shown = errors['file'] ?? errors['avatar'] ?? errors['form'];
      return renderAccount(c, { errors: { ...errors, avatar: shown }, status: status === 422 || status === 429 ? status : 422 });
    }
  })
  .post('/account/avatar/remove', (c) => {
    if (!c.get('viewer')) return loginRedirect(c);
    removeAvatar(c.get('services'), c.get('viewer'));
    return c.redirect('/account?done=avatar-removed', 303);
  });
