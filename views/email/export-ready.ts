import type { MailProps, ComposedEmail } from './messages.js';
import { memberText, renderEmail } from './layout.js';

/** "Your data is ready": the link to download a member's export, and until when it works. */
export function exportReadyMessage(props: MailProps & { url: string; expiresAt: number }): ComposedEmail {
  const { i18n, siteName } = props;
  return {
    subject: i18n.t('privacy.exportMailSubject', { site: siteName }),
    ...renderEmail({
      ...props,
      greeting: i18n.t('email.greeting', { username: props.username }),
      paragraphs: [i18n.t('privacy.exportMailBody', { site: siteName }), memberText(i18n.t('privacy.exportMailExpires', { when: i18n.dateTime(props.expiresAt) }))],
      action: { label: i18n.t('privacy.exportMailAction'), url: props.url },
      closing: [i18n.t('privacy.exportMailClosing')],
    }),
  };
}
