import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { memberText, renderEmail, type EmailText, type RenderedEmail } from './layout.js';

/** Everything a member's message shares: who it is for, in which language, and where the community lives. */
export type MailProps = { i18n: I18n; siteName: string; baseUrl: string; username: string; unsubscribeUrl: string };

export type ComposedEmail = RenderedEmail & { subject: string };

const isolate = (value: string): Html => html`<span dir="auto">${value}</span>`;

function greeting(props: MailProps): EmailText {
  return { text: props.i18n.t('email.greeting', { username: props.username }), html: rich(props.i18n, 'email.greeting', { username: isolate(props.username) }) };
}

export function verifyEmailMessage(props: MailProps & { url: string }): ComposedEmail {
  const { i18n, siteName } = props;
  return {
    subject: i18n.t('email.verifySubject', { site: siteName }),
    ...renderEmail({
      ...props,
      greeting: greeting(props),
      paragraphs: [{ text: i18n.t('email.verifyWelcome', { site: siteName }), html: rich(i18n, 'email.verifyWelcome', { site: isolate(siteName) }) }],
      action: { label: i18n.t('email.verifyAction'), url: props.url },
      closing: [i18n.t('email.verifyClosing')],
    }),
  };
}

export function signupAttemptMessage(props: MailProps & { newUsername: string; loginUrl: string; resetUrl: string }): ComposedEmail {
  const { i18n, siteName } = props;
  const values = { site: siteName, newUsername: props.newUsername, username: props.username };
  return {
    subject: i18n.t('email.signupAttemptSubject', { site: siteName }),
    ...renderEmail({
      ...props,
      greeting: greeting(props),
      paragraphs: [
        { text: i18n.t('email.signupAttemptBody', values), html: rich(i18n, 'email.signupAttemptBody', { site: isolate(siteName), newUsername: isolate(props.newUsername), username: isolate(props.username) }) },
        i18n.t('email.signupAttemptLogin', { loginUrl: props.loginUrl }),
      ],
      action: { label: i18n.t('email.resetAction'), url: props.resetUrl },
      closing: [i18n.t('email.signupAttemptClosing')],
    }),
  };
}

export function passwordResetMessage(props: MailProps & { url: string }): ComposedEmail {
  const { i18n, siteName } = props;
  return {
    subject: i18n.t('email.resetSubject', { site: siteName }),
    ...renderEmail({
      ...props,
      greeting: greeting(props),
      paragraphs: [{ text: i18n.t('email.resetBody', { site: siteName }), html: rich(i18n, 'email.resetBody', { site: isolate(siteName) }) }],
      action: { label: i18n.t('email.resetChoose'), url: props.url },
      closing: [i18n.t('email.resetClosing')],
    }),
  };
}

/** `summary` is the notification as plain text (also the subject); `summaryHtml` the same with member text set off. */
export function notificationMessage(props: MailProps & { summary: string; summaryHtml?: Html; url: string }): ComposedEmail {
  const { i18n } = props;
  const short = props.summary.length > 90 ? `${props.summary.slice(0, 87)}…` : props.summary;
  return {
    subject: i18n.t('email.notificationSubject', { site: props.siteName, summary: short }),
    ...renderEmail({
      ...props,
      greeting: greeting(props),
      paragraphs: [props.summaryHtml ? { text: props.summary, html: props.summaryHtml } : props.summary],
      action: { label: i18n.t('email.openIt'), url: props.url },
      closing: [i18n.t('email.notificationClosing')],
    }),
  };
}

export type DigestProps = MailProps & {
  period: 'daily' | 'weekly';
  notifications: { text: EmailText; url: string }[];
  threads: { title: string; url: string; replies: number; helpful: number; category: string }[];
};

function threadMeta(i18n: I18n, thread: DigestProps['threads'][number]): EmailText {
  const counts = [i18n.t('digest.replies', { count: thread.replies }), ...(thread.helpful > 0 ? [i18n.t('digest.helpful', { count: thread.helpful })] : [])];
  return { text: [thread.category, ...counts].join(' · '), html: html`${isolate(thread.category)} · ${counts.join(' · ')}` };
}

export function digestMessage(props: DigestProps): ComposedEmail {
  const { i18n } = props;
  const sections = [];
  if (props.notifications.length > 0) sections.push({ heading: i18n.t('digest.unreadHeading'), items: props.notifications });
  if (props.threads.length > 0) {
    sections.push({
      heading: i18n.t('digest.popularHeading'),
      items: props.threads.map((thread) => ({ text: memberText(thread.title), url: thread.url, meta: threadMeta(i18n, thread) })),
    });
  }
  return {
    subject: i18n.t('digest.subject', { period: props.period, site: props.siteName }),
    ...renderEmail({
      ...props,
      greeting: greeting(props),
      paragraphs: [{ text: i18n.t('digest.intro', { period: props.period, site: props.siteName }), html: rich(i18n, 'digest.intro', { period: props.period, site: isolate(props.siteName) }) }],
      sections,
      closing: [i18n.t('digest.closing')],
    }),
  };
}
