import { Hono, type Context } from 'hono';
import { ValidationError } from '../lib/errors.js';
import { postChoiceSetting, setPostChoiceSetting, type PostChoiceSetting } from '../privacy/privacy-settings.js';
import type { FieldErrors } from '../../views/components/form.js';
import { adminPrivacyPage } from '../../views/pages/admin-privacy.js';
import type { AppEnv } from './env.js';
import { readForm } from './forms.js';
import { fieldTexts, renderPage } from './render.js';
import { adminOnly } from './staff-guard.js';

// Admin → Privacy: the choices members have for their posts when they delete their account, and
// what the server keeps of addresses (IP_RETENTION_DAYS, LOG_IP; set by the operator).

const PAGE = '/admin/privacy';

function render(c: Context<AppEnv>, value: PostChoiceSetting | string, errors: FieldErrors = {}, status: 200 | 422 = 200) {
  const i18n = c.get('i18n');
  const config = c.get('config');
  const notice = c.req.query('done') === 'saved' && status === 200 ? i18n.t('privacy.settingsSaved') : undefined;
  const page = adminPrivacyPage({ i18n, value, errors, retentionDays: config.ipRetentionDays, logIp: config.logIp });
  return renderPage(c, page, { title: i18n.t('privacy.settingsHeading'), ...(notice ? { notice } : {}) }, status);
}

export const adminPrivacyRoutes = new Hono<AppEnv>()
  .use(PAGE, adminOnly())
  .get(PAGE, (c) => render(c, postChoiceSetting(c.get('services'))))
  .post(PAGE, async (c) => {
    const form = await readForm(c);
    try {
      setPostChoiceSetting(c.get('services'), c.get('viewer'), form['posts']);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(c, form['posts'] ?? '', fieldTexts(c, error.fields), 422);
    }
    return c.redirect(`${PAGE}?done=saved`, 303);
  });
