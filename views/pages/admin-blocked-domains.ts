import type { I18n } from '../../src/i18n/translator.js';
import type { BlockedDomainRow } from '../../src/moderation/blocked-domains.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type BlockedDomainsProps = { i18n: I18n; domains: BlockedDomainRow[]; nextCursor: string | null; isFirstPage: boolean; value: string; errors: FieldErrors };

function addForm(props: BlockedDomainsProps): Html {
  const { i18n } = props;
  return html`<form method="post" action="/admin/blocked-domains" class="post-form" aria-labelledby="add-heading">
  <h2 id="add-heading">${i18n.t('blockedDomains.addHeading')}</h2>
  ${errorSummary(i18n, props.errors)}
  ${field({ name: 'domain', label: i18n.t('blockedDomains.domainLabel'), value: props.value, error: props.errors['domain'], required: true, maxlength: 253, hint: i18n.t('blockedDomains.domainHint') })}
  <button type="submit">${i18n.t('blockedDomains.add')}</button>
</form>`;
}

function row(i18n: I18n, entry: BlockedDomainRow): Html {
  const by = entry.createdBy === null ? i18n.t('admin.watchedWords.system') : html`<bdi>${entry.createdBy}</bdi>`;
  return html`<tr>
  <td><bdi>${entry.domain}</bdi></td>
  <td>${rich(i18n, 'admin.addedByOn', { name: by, date: time(i18n, entry.createdAt) })}</td>
  <td><form method="post" action="/admin/blocked-domains/remove" class="inline-form"><input type="hidden" name="domain" value="${entry.domain}"><button type="submit" class="link-button danger">${rich(i18n, 'blockedDomains.remove', {
    hidden: (text) => html`<span class="visually-hidden">${text}</span>`,
    domain: html`<bdi>${entry.domain}</bdi>`,
  })}</button></form></td>
</tr>`;
}

function pages(i18n: I18n, props: BlockedDomainsProps): Html {
  return html`<nav class="pagination" aria-label="${i18n.t('blockedDomains.pagesLabel')}">
  ${props.isFirstPage ? '' : html`<a href="/admin/blocked-domains"><span class="direction-arrow" aria-hidden="true">←</span> ${i18n.t('admin.watchedWords.firstPage')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/admin/blocked-domains?after=${encodeURIComponent(props.nextCursor)}">${i18n.t('blockedDomains.nextPage')} <span class="direction-arrow" aria-hidden="true">→</span></a>` : ''}
</nav>`;
}

export function blockedDomainsPage(props: BlockedDomainsProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('blockedDomains.heading')}</h1>
${modNav(i18n, 'blocked-domains', true)}
<p class="lead">${i18n.t('blockedDomains.lead')}</p>
${addForm(props)}
<h2>${i18n.t('blockedDomains.listHeading')}</h2>
${props.domains.length === 0
  ? html`<p class="empty">${i18n.t('blockedDomains.none')}</p>`
  : html`<div class="table-wrap"><table class="mod-table">
  <thead><tr><th scope="col">${i18n.t('blockedDomains.domainColumn')}</th><th scope="col">${i18n.t('admin.addedBy')}</th><th scope="col"><span class="visually-hidden">${i18n.t('blockedDomains.removeColumn')}</span></th></tr></thead>
  <tbody>${props.domains.map((entry) => row(i18n, entry))}</tbody>
</table></div>`}
${pages(i18n, props)}`;
}
