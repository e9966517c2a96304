import type { I18n } from '../../src/i18n/translator.js';
import type { SpamCleanupPanel, SpamCleanupPreview, SpamCleanupRecord } from '../../src/moderation/spam-cleanup-panel.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { errorSummary, type FieldErrors } from './form.js';
import { time } from './time.js';

// "Delete spammer" on a member's team page: the form says what will happen before anyone
// confirms, and a clean-up in force says when and by whom, with the admin's undo.

export type SpamCleanupDraft = { reason: string; blockDomain: boolean };
type Props = { i18n: I18n; username: string; panel: SpamCleanupPanel; errors: FieldErrors; draft: SpamCleanupDraft };

const isolated = (text: string) => html`<bdi>${text}</bdi>`;

function domainChoice(props: Props, preview: SpamCleanupPreview): Html {
  const { i18n } = props;
  if (preview.domain === null) return html``;
  const domain = isolated(`@${preview.domain}`);
  if (preview.domainBlocked) return html`<p class="hint">${rich(i18n, 'spamCleanup.domainAlreadyBlocked', { domain })}</p>`;
  return html`<div class="field">
    <label><input type="checkbox" name="blockDomain" value="yes"${props.draft.blockDomain ? html` checked` : ''}${preview.freeMail ? html` aria-describedby="spam-free-mail"` : ''}> ${rich(i18n, 'spamCleanup.blockDomain', { domain })}</label>
    ${preview.freeMail ? html`<p class="field-warning" id="spam-free-mail">${rich(i18n, 'spamCleanup.freeMailWarning', { domain })}</p>` : ''}
  </div>`;
}

function cleanupForm(props: Props, preview: SpamCleanupPreview): Html {
  const { i18n } = props;
  const path = `/mod/users/${encodeURIComponent(props.username)}/spam-cleanup`;
  const confirmError = props.errors['confirm'];
  const reasonError = props.errors['reason'];
  return html`<form method="post" action="${path}" class="sanction-form spam-cleanup-form" aria-labelledby="spam-cleanup-heading">
  <p>${rich(i18n, 'spamCleanup.effect', { username: isolated(props.username), posts: preview.posts, threads: preview.threads })}</p>
  ${errorSummary(i18n, props.errors)}
  <div class="field${reasonError ? ' has-error' : ''}">
    <label for="spam-reason">${i18n.t('spamCleanup.reason')}</label>
    <input id="spam-reason" name="reason" maxlength="300" dir="auto" value="${props.draft.reason}"${reasonError ? html` aria-invalid="true" aria-describedby="spam-reason-error"` : ''}>
    ${reasonError ? html`<p class="field-error" id="spam-reason-error">${reasonError}</p>` : ''}
  </div>
  ${domainChoice(props, preview)}
  <div class="field${confirmError ? ' has-error' : ''}">
    <label><input type="checkbox" name="confirm" value="yes" required${confirmError ? html` aria-invalid="true" aria-describedby="spam-confirm-error"` : ''}> ${rich(i18n, 'spamCleanup.confirm', { username: isolated(props.username), posts: preview.posts })}</label>
    ${confirmError ? html`<p class="field-error" id="spam-confirm-error">${confirmError}</p>` : ''}
  </div>
  <button type="submit" class="danger">${rich(i18n, 'spamCleanup.button', { username: isolated(props.username) })}</button>
</form>`;
}

function record(props: Props, latest: SpamCleanupRecord): Html {
  const { i18n } = props;
  const actor = latest.actor === null ? i18n.t('modLog.system') : isolated(latest.actor);
  const said = rich(i18n, 'spamCleanup.done', { date: time(i18n, latest.createdAt), actor, posts: latest.hiddenPosts });
  const domain = latest.blockedDomain ? html` ${rich(i18n, 'spamCleanup.doneDomain', { domain: isolated(`@${latest.blockedDomain}`) })}` : '';
  const undo = latest.mayUndo
    ? html`<form method="post" action="/mod/users/${encodeURIComponent(props.username)}/spam-cleanup/undo" class="lift-form">
    <p class="hint">${rich(i18n, 'spamCleanup.undoHint', { date: time(i18n, latest.undoUntil) })}</p>
    <button type="submit" class="button-secondary">${i18n.t('spamCleanup.undoButton')}</button>
  </form>`
    : html`<p class="muted">${latest.tooLate ? i18n.t('spamCleanup.undoExpired') : i18n.t('spamCleanup.undoAdmins')}</p>`;
  return html`<div class="sanction-active spam-cleanup-done"><p>${said}${domain}</p>${undo}</div>`;
}

export function spamCleanupSection(props: Props): Html {
  const { panel, i18n } = props;
  if (panel.preview === null && panel.latest === null && panel.refusal === null) return html``;
  return html`<section id="spam-cleanup" aria-labelledby="spam-cleanup-heading">
  <h2 id="spam-cleanup-heading">${i18n.t('spamCleanup.heading')}</h2>
  ${panel.latest ? record(props, panel.latest) : ''}
  ${panel.preview ? cleanupForm(props, panel.preview) : ''}
  ${panel.refusal ? html`<p class="muted">${i18n.message(panel.refusal)}</p>` : ''}
</section>`;
}
