import type { SignInMethod } from '../../src/db/schema.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { PostChoice } from '../../src/privacy/erase-posts.js';
import type { SignInEventView } from '../../src/privacy/sign-in-events.js';
import { errorSummary, field } from '../components/form.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';

// The account page's privacy sections: recent sign-ins, "Your data" (the export) and the danger
// zone (delete the account). The delete form is also a page of its own, shown again with errors.

export type DeletionProps = {
  /** False for members who sign in only through the brand's provider: they re-authenticate instead. */
  localPassword: boolean;
  /** The choices the community offers for the posts (both by default). */
  choices: PostChoice[];
  errors: Record<string, string | undefined>;
  /** The choice sent, kept when the form comes back. */
  posts?: string;
  /** Members who may not delete their own account (admins, the brand's account) are told why instead. */
  refusal?: string;
};

export type AccountPrivacyProps = { signIns: SignInEventView[]; deletion: DeletionProps };

const METHODS: Record<SignInMethod, MessageKey> = { password: 'privacy.methodPassword', oidc: 'privacy.methodOidc', embed: 'privacy.methodEmbed' };

function signInRow(i18n: I18n, event: SignInEventView): Html {
  const address = event.address ?? i18n.t('privacy.addressRemoved');
  return html`<li><strong>${i18n.t(METHODS[event.method])}</strong> · ${time(i18n, event.createdAt)} · <span dir="ltr">${address}</span>
  <span class="muted" title="${event.userAgent ?? ''}">${event.userAgent ?? ''}</span></li>`;
}

export function signInHistorySection(i18n: I18n, events: SignInEventView[]): Html {
  return html`<section aria-labelledby="sign-ins-heading">
  <h2 id="sign-ins-heading">${i18n.t('privacy.signInsHeading')}</h2>
  ${events.length === 0 ? html`<p class="muted">${i18n.t('privacy.signInsNone')}</p>` : html`<ul class="sign-in-list">${events.map((event) => signInRow(i18n, event))}</ul>`}
  <p class="hint">${i18n.t('privacy.signInsHint')}</p>
</section>`;
}

function choiceInput(i18n: I18n, choice: PostChoice, props: DeletionProps): Html {
  const label = i18n.t(choice === 'anonymize' ? 'privacy.postsAnonymize' : 'privacy.postsDelete');
  if (props.choices.length === 1) return html`<input type="hidden" name="posts" value="${choice}"><p>${label}</p>`;
  return html`<label><input type="radio" name="posts" value="${choice}" required${props.posts === choice ? html` checked` : ''}> ${label}</label><br>`;
}

export function deleteAccountForm(i18n: I18n, props: DeletionProps): Html {
  if (props.refusal) return html`<p>${props.refusal}</p>`;
  return html`<form method="post" action="/account/delete" class="post-form">
    ${errorSummary(i18n, props.errors)}
    <fieldset${props.errors['posts'] ? html` aria-describedby="posts-error"` : ''}>
      <legend>${i18n.t('privacy.postsLegend')}</legend>
      ${props.errors['posts'] ? html`<p class="field-error" id="posts-error">${props.errors['posts']}</p>` : ''}
      ${props.choices.map((choice) => choiceInput(i18n, choice, props))}
    </fieldset>
    ${props.localPassword
      ? field({ name: 'password', label: i18n.t('privacy.passwordLabel'), type: 'password', autocomplete: 'current-password', error: props.errors['password'], required: true })
      : html`<p class="hint">${i18n.t('privacy.reauthenticateHint')}</p>${props.errors['password'] ? html`<p class="field-error">${props.errors['password']}</p>` : ''}`}
    <button type="submit" class="danger">${i18n.t('privacy.deleteSubmit')}</button>
  </form>`;
}

/** "Your data" and the danger zone, the account page's last sections. */
export function dataAndDeletionSections(i18n: I18n, deletion: DeletionProps): Html {
  return html`<section aria-labelledby="data-heading">
  <h2 id="data-heading">${i18n.t('privacy.dataHeading')}</h2>
  <p>${i18n.t('privacy.dataIntro')}</p>
  <p><a href="/account/export">${i18n.t('privacy.dataLink')}</a></p>
</section>
<section aria-labelledby="danger-heading" class="danger-zone">
  <h2 id="danger-heading">${i18n.t('privacy.deleteHeading')}</h2>
  <p>${i18n.t('privacy.deleteIntro')}</p>
  ${deleteAccountForm(i18n, deletion)}
</section>`;
}

/** The delete form on its own, when it came back with errors. */
export function deleteAccountPage(i18n: I18n, props: DeletionProps): Html {
  return html`<h1>${i18n.t('privacy.deleteHeading')}</h1>
<p>${i18n.t('privacy.deleteIntro')}</p>
${deleteAccountForm(i18n, props)}
<p><a href="/account">${i18n.t('privacy.backToAccount')}</a></p>`;
}

export function accountDeletedPage(i18n: I18n): Html {
  return html`<h1>${i18n.t('privacy.deletedHeading')}</h1>
<p role="status">${i18n.t('privacy.deletedBody')}</p>
<p><a href="/">${i18n.t('privacy.deletedHome')}</a></p>`;
}
