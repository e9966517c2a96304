import type { I18n } from '../../src/i18n/translator.js';
import { isErasedUsername } from '../../src/privacy/erased-username.js';
import { html, type Html } from '../html.js';

// An erased account keeps its posts (when its member chose so) under "Deleted member": no name,
// no link to a profile that no longer exists.

/** The name a page shows for an author. */
export function shownName(i18n: I18n, username: string): string {
  return isErasedUsername(username) ? i18n.t('privacy.deletedMember') : username;
}

/** An author's name linking to their profile (`base` for pages on other origins), or "Deleted member" unlinked. */
export function authorLink(i18n: I18n, username: string, className: string, base = ''): Html {
  if (isErasedUsername(username)) return html`<span class="${className} muted">${i18n.t('privacy.deletedMember')}</span>`;
  return html`<a class="${className}" href="${base}/u/${encodeURIComponent(username)}" dir="auto">${username}</a>`;
}

/**
 * An author as posts show them: the display name beside the @username when they chose one
 * (docs/profiles.md), the username alone otherwise, "Deleted member" for an erased account.
 */
export function authorWithName(i18n: I18n, author: { username: string; displayName: string | null }, classes: { link: string; name: string }, base = ''): Html {
  if (author.displayName === null || isErasedUsername(author.username)) return authorLink(i18n, author.username, classes.link, base);
  const profile = `${base}/u/${encodeURIComponent(author.username)}`;
  return html`<bdi class="${classes.name}">${author.displayName}</bdi> <a class="${classes.link}" href="${profile}" dir="ltr">@${author.username}</a>`;
}
