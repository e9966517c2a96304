import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { isBuiltInStatus } from '../../src/ideas/status-keys.js';
import { html, type Html } from '../html.js';

// An idea's status as readers see it: the admins' own name for it, else the catalog's name for a
// built-in status, else its key.

export function ideaStatusName(i18n: I18n, status: { key: string; name: string | null }): string {
  if (status.name) return status.name;
  return isBuiltInStatus(status.key) ? i18n.t(`idea.status.${status.key}` as MessageKey) : status.key;
}

/** The badge beside an idea's title in lists and on its page; its class lets each status have a colour. */
export function ideaStatusBadge(i18n: I18n, status: { key: string; name: string | null } | null): Html {
  if (status === null) return html``;
  return html`<span class="tag idea-status idea-status-${status.key.replace(/[^a-z0-9_-]/g, '')}" dir="auto">${ideaStatusName(i18n, status)}</span>`;
}

/** "12 votes", as a badge for lists. */
export function ideaVotesBadge(i18n: I18n, votes: number): Html {
  return html`<span class="idea-votes">${i18n.t('idea.votes', { count: votes })}</span>`;
}
