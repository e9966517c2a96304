import { renderEmail, type RenderedEmail } from './layout.js';

/** Everything a member's message shares: who it is for and where the community lives. */
export type MailProps = { siteName: string; baseUrl: string; username: string; unsubscribeUrl: string };

export type ComposedEmail = RenderedEmail & { subject: string };

export function verifyEmailMessage(props: MailProps & { url: string }): ComposedEmail {
  return {
    subject: `Confirm your email address for ${props.siteName}`,
    ...renderEmail({
      ...props,
      greeting: `Hi ${props.username},`,
      paragraphs: [`Welcome to ${props.siteName}! Please confirm that this is your email address, so we can send you notifications and help you if you ever forget your password.`],
      action: { label: 'Confirm my email address', url: props.url },
      closing: ['The link works once and for 48 hours. If you did not create an account, you can ignore this message.'],
    }),
  };
}

export function signupAttemptMessage(props: MailProps & { newUsername: string; loginUrl: string; resetUrl: string }): ComposedEmail {
  return {
    subject: `Someone signed up on ${props.siteName} with your address`,
    ...renderEmail({
      ...props,
      greeting: `Hi ${props.username},`,
      paragraphs: [
        `Someone just signed up on ${props.siteName} as “${props.newUsername}” with this email address. You already have an account (username: ${props.username}), so the address stays yours: the new account cannot use it, is never sent email, and cannot reset a password with it.`,
        `If it was you, sign in at ${props.loginUrl} — or, if you forgot your password, choose a new one:`,
      ],
      action: { label: 'Reset my password', url: props.resetUrl },
      closing: ['If it was not you, you do not need to do anything: your account has not changed.'],
    }),
  };
}

export function passwordResetMessage(props: MailProps & { url: string }): ComposedEmail {
  return {
    subject: `Reset your ${props.siteName} password`,
    ...renderEmail({
      ...props,
      greeting: `Hi ${props.username},`,
      paragraphs: [`Someone (hopefully you) asked to reset the password of your ${props.siteName} account. Choose a new password here:`],
      action: { label: 'Choose a new password', url: props.url },
      closing: ['The link works once and for one hour. If you did not ask for this, ignore this message: your password stays as it is.'],
    }),
  };
}

export function notificationMessage(props: MailProps & { summary: string; url: string }): ComposedEmail {
  const short = props.summary.length > 90 ? `${props.summary.slice(0, 87)}…` : props.summary;
  return {
    subject: `${props.siteName}: ${short}`,
    ...renderEmail({
      ...props,
      greeting: `Hi ${props.username},`,
      paragraphs: [props.summary],
      action: { label: 'Open it', url: props.url },
      closing: ['You get an email for each notification because your email setting is “immediately”.'],
    }),
  };
}

export type DigestProps = MailProps & {
  period: 'daily' | 'weekly';
  notifications: { text: string; url: string }[];
  threads: { title: string; url: string; replies: number; helpful: number; category: string }[];
};

export function digestMessage(props: DigestProps): ComposedEmail {
  const sections = [];
  if (props.notifications.length > 0) sections.push({ heading: 'Your unread notifications', items: props.notifications });
  if (props.threads.length > 0) {
    sections.push({
      heading: 'Popular in the categories you watch',
      items: props.threads.map((thread) => ({ text: thread.title, url: thread.url, meta: `${thread.category} · ${thread.replies} ${thread.replies === 1 ? 'reply' : 'replies'}${thread.helpful > 0 ? ` · ${thread.helpful} helpful` : ''}` })),
    });
  }
  return {
    subject: `Your ${props.period} summary from ${props.siteName}`,
    ...renderEmail({
      ...props,
      greeting: `Hi ${props.username},`,
      paragraphs: [`Here is what happened on ${props.siteName} since your last ${props.period === 'daily' ? 'daily' : 'weekly'} summary.`],
      sections,
      closing: ['You can change how often we write on your account page.'],
    }),
  };
}
