import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { renderEmail, type EmailText } from './layout.js';
import type { ComposedEmail, MailProps } from './messages.js';

// Mail about a change to the account itself: the link that confirms a new address (sent to that
// address), and the notice to the old address once it has been replaced.

const isolate = (value: string): Html => html`<span dir="auto">${value}</span>`;
const ltr = (value: string): Html => html`<span dir="ltr">${value}</span>`;

function greeting(props: MailProps): EmailText {
  return { text: props.i18n.t('email.greeting', { username: props.username }), html: rich(props.i18n, 'email.greeting', { username: isolate(props.username) }) };
}

export function confirmEmailChangeMessage(props: MailProps & { url: string; newEmail: string }): ComposedEmail {
  const { i18n, siteName } = props;
  return {
    subject: i18n.t('email.changeSubject', { site: siteName }),
    ...renderEmail({
      ...props,
      greeting: greeting(props),
      paragraphs: [{ text: i18n.t('email.changeBody', { site: siteName, email: props.newEmail }), html: rich(i18n, 'email.changeBody', { site: isolate(siteName), email: ltr(props.newEmail) }) }],
      action: { label: i18n.t('email.changeAction'), url: props.url },
      closing: [i18n.t('email.changeClosing')],
    }),
  };
}

export function emailChangedMessage(props: MailProps & { newEmail: string }): ComposedEmail {
  const { i18n, siteName } = props;
  return {
    subject: i18n.t('email.changedSubject', { site: siteName }),
    ...renderEmail({
      ...props,
      greeting: greeting(props),
      paragraphs: [
        { text: i18n.t('email.changedBody', { site: siteName, email: props.newEmail }), html: rich(i18n, 'email.changedBody', { site: isolate(siteName), email: ltr(props.newEmail) }) },
        i18n.t('email.changedNotYou', { site: siteName, url: props.baseUrl }),
      ],
    }),
  };
}
