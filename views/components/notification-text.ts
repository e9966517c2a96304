import { endsSentence } from '../../src/lib/quote.js';
import { isErasedUsername } from '../../src/privacy/erased-username.js';
import type { NotificationSentence } from '../../src/notifications/text.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { ideaStatusName } from './idea-status.js';

// A notification in the reader's words: as markup for the notifications page and HTML email, where
// what members wrote is set off from the sentence (<bdi> on the page; email clients know
// `dir="auto"` better), and as plain text for subjects and the text part of email.

/** How markup sets off member text so it keeps its own direction inside the sentence. */
export type Isolate = (text: string) => Html;

export const isolateInBdi: Isolate = (text) => html`<bdi>${text}</bdi>`;
export const isolateInSpan: Isolate = (text) => html`<span dir="auto">${text}</span>`;

/** A reason in quotes, ending the sentence with a period unless it ends its own (src/lib/quote.ts). */
export function quotedReasonKey(reason: string): 'auth.quotedReason' | 'auth.quotedReasonEnded' {
  return endsSentence.test(reason) ? 'auth.quotedReasonEnded' : 'auth.quotedReason';
}

// `notification.reason` ("Reason: …") is a sentence placed right after the one before it, so each
// language's message carries its own separator: a leading space in English, none in Chinese.

/** An erased account's placeholder name is never shown: it is "a former member", like a removed one. */
function shownActor(sentence: NotificationSentence): string | null {
  return sentence.actor === null || isErasedUsername(sentence.actor) ? null : sentence.actor;
}

export function notificationHtml(i18n: I18n, sentence: NotificationSentence, isolate: Isolate = isolateInBdi): Html {
  const reason = sentence.reason?.trim();
  return rich(i18n, sentence.key, {
    title: sentence.title === null ? i18n.t('notification.untitled') : isolate(sentence.title),
    actor: shownActor(sentence) === null ? i18n.t('notification.formerMember') : isolate(sentence.actor!),
    reason: reason ? rich(i18n, 'notification.reason', { reason: rich(i18n, quotedReasonKey(reason), { reason: isolate(reason) }) }) : '',
    until: sentence.until === undefined ? undefined : i18n.dateTime(sentence.until),
    count: sentence.count,
    number: sentence.replyTo,
    minutes: sentence.minutes,
    status: sentence.ideaStatus ? ideaStatusName(i18n, sentence.ideaStatus) : undefined,
    note: sentence.note === undefined ? undefined : isolate(sentence.note),
  });
}

export function notificationPlain(i18n: I18n, sentence: NotificationSentence): string {
  const reason = sentence.reason?.trim();
  return i18n.t(sentence.key, {
    title: sentence.title ?? i18n.t('notification.untitled'),
    actor: shownActor(sentence) ?? i18n.t('notification.formerMember'),
    reason: reason ? i18n.t('notification.reason', { reason: i18n.t(quotedReasonKey(reason), { reason }) }) : '',
    until: sentence.until === undefined ? undefined : i18n.dateTime(sentence.until),
    count: sentence.count,
    number: sentence.replyTo,
    minutes: sentence.minutes,
    status: sentence.ideaStatus ? ideaStatusName(i18n, sentence.ideaStatus) : undefined,
    note: sentence.note,
  });
}
