import type { ProviderSource } from '../../src/auth/oidc-stored.js';
import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { html, type Html } from '../html.js';

export type ProviderStatus = { reachable: boolean; endSession: boolean } | null;

export type OidcSettingsProps = {
  i18n: I18n;
  source: ProviderSource;
  /** What is in effect (or what the admin typed, when refused); the secret is only ever "set" or not. */
  values: { issuer: string; clientId: string };
  secretSet: boolean;
  options: { only: boolean; roles: boolean };
  /** Discovery's answer; null when no provider is set. */
  status: ProviderStatus;
  urls: { redirect: string; logout: string };
  errors: FieldErrors;
};

function statusLine(i18n: I18n, props: OidcSettingsProps): Html {
  if (props.status === null) return html`<p>${i18n.t('oidcAdmin.notConfigured')}</p>`;
  const reach = props.status.reachable ? i18n.t('oidcAdmin.reachable', { offered: props.status.endSession ? 'yes' : 'no' }) : i18n.t('oidcAdmin.unreachable');
  return html`<p>${i18n.t(props.source === 'environment' ? 'oidcAdmin.fromEnvironment' : 'oidcAdmin.fromPage')}</p>
  <p role="status">${reach}</p>
  <p>${i18n.t('oidcAdmin.options', { only: props.options.only ? 'yes' : 'no', roles: props.options.roles ? 'yes' : 'no' })}</p>`;
}

function settingsList(i18n: I18n, props: OidcSettingsProps): Html {
  return html`<dl class="settings-list">
  <dt>${i18n.t('oidcAdmin.issuer')}</dt><dd dir="ltr">${props.values.issuer}</dd>
  <dt>${i18n.t('oidcAdmin.clientId')}</dt><dd dir="ltr">${props.values.clientId}</dd>
  <dt>${i18n.t('oidcAdmin.clientSecret')}</dt><dd>${i18n.t(props.secretSet ? 'oidcAdmin.secretSet' : 'oidcAdmin.secretNotSet')}</dd>
</dl>`;
}

function settingsForm(i18n: I18n, props: OidcSettingsProps): Html {
  const { errors, values } = props;
  return html`<form method="post" action="/admin/sign-in" class="post-form">
  ${errorSummary(i18n, errors)}
  ${field({ name: 'issuer', label: i18n.t('oidcAdmin.issuer'), value: values.issuer, error: errors['issuer'], required: true, maxlength: 500 })}
  ${field({ name: 'clientId', label: i18n.t('oidcAdmin.clientId'), value: values.clientId, error: errors['clientId'], required: true, maxlength: 200 })}
  ${field({ name: 'clientSecret', label: i18n.t('oidcAdmin.clientSecret'), type: 'password', autocomplete: 'off', hint: `${i18n.t(props.secretSet ? 'oidcAdmin.secretSet' : 'oidcAdmin.secretNotSet')} — ${i18n.t('oidcAdmin.secretHint')}` })}
  <button type="submit">${i18n.t('oidcAdmin.save')}</button>
</form>`;
}

/** Admin → Sign-in provider: what is in effect, whether the provider answers, and (unless the environment sets it) the form. */
export function oidcSettingsPage(props: OidcSettingsProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('oidcAdmin.heading')}</h1>
<p class="lead">${i18n.t('oidcAdmin.intro')}</p>
<dl class="settings-list">
  <dt>${i18n.t('oidcAdmin.redirectUri')}</dt><dd dir="ltr"><code>${props.urls.redirect}</code></dd>
  <dt>${i18n.t('oidcAdmin.logoutUri')}</dt><dd dir="ltr"><code>${props.urls.logout}</code></dd>
</dl>
${statusLine(i18n, props)}
${props.source === 'environment' ? settingsList(i18n, props) : settingsForm(i18n, props)}`;
}
