import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { time } from './time.js';

/** Who is on a thread, as staff who moderate it see it; `mine` when it is the viewer. */
export type ClaimState = { claim: { username: string; claimedAt: number } | null; mine: boolean };

/**
 * The staff tools' first line: "Maya is on it" with a way to release it, or a button to claim the
 * thread. Only ever rendered into the viewer's own staff tools, never into a shared frame.
 */
export function claimStatus(i18n: I18n, threadId: number, state: ClaimState): Html {
  const { claim } = state;
  if (!claim) {
    return html`<div class="claim-status"><form method="post" action="/t/${threadId}/claim" class="inline-form"><button type="submit" class="button-secondary">${i18n.t('claim.claim')}</button> <span class="hint">${i18n.t('claim.hint')}</span></form></div>`;
  }
  const who = html`<strong><bdi>${claim.username}</bdi></strong>`;
  const since = time(i18n, claim.claimedAt);
  return html`<div class="claim-status claimed" role="status"><p>${state.mine ? rich(i18n, 'claim.yours', { since, strong: (text) => html`<strong>${text}</strong>` }) : rich(i18n, 'claim.onIt', { who, since })}</p><form method="post" action="/t/${threadId}/release" class="inline-form"><button type="submit" class="button-secondary">${i18n.t(state.mine ? 'claim.release' : 'claim.releaseTheirs')}</button></form></div>`;
}
