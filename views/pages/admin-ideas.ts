import type { I18n } from '../../src/i18n/translator.js';
import type { IdeaStatus } from '../../src/ideas/statuses.js';
import { isBuiltInStatus } from '../../src/ideas/status-keys.js';
import { STATUS_NAME_MAX } from '../../src/ideas/status-limits.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { ideaStatusBadge, ideaStatusName } from '../components/idea-status.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

// Admin → Ideas: the statuses ideas can have, in order, each with its own small forms.

export type AdminIdeasProps = {
  i18n: I18n;
  statuses: IdeaStatus[];
  /** A change that could not be made: to which status (null: the "add" form), why, and what was typed. */
  failed?: { statusId: number | null; errors: FieldErrors; name: string };
};

const action = (status: IdeaStatus, what = '') => `/admin/ideas/${status.id}${what ? `/${what}` : ''}`;

function button(href: string, label: string, fields: Record<string, string> = {}, style = 'link-button'): Html {
  return html`<form method="post" action="${href}" class="inline-form">${Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}<button type="submit" class="${style}">${label}</button></form>`;
}

function renameForm(props: AdminIdeasProps, status: IdeaStatus): Html {
  const { i18n } = props;
  const failed = props.failed?.statusId === status.id ? props.failed : undefined;
  const id = `status-name-${status.id}`;
  const error = failed?.errors['name'];
  return html`<form method="post" action="${action(status)}" class="inline-form">
  <label class="visually-hidden" for="${id}">${i18n.t('admin.ideas.nameOf', { name: ideaStatusName(i18n, status) })}</label>
  <input id="${id}" name="name" value="${failed ? failed.name : (status.name ?? '')}" placeholder="${ideaStatusName(i18n, status)}" maxlength="${STATUS_NAME_MAX}" dir="auto"${
    error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''
  }>
  <button type="submit" class="button-secondary">${i18n.t('admin.ideas.rename')}</button>
  ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
</form>`;
}

function row(props: AdminIdeasProps, status: IdeaStatus, index: number): Html {
  const { i18n } = props;
  const last = index === props.statuses.length - 1;
  const failed = props.failed?.statusId === status.id ? props.failed.errors['form'] : undefined;
  return html`<tr>
  <td>${ideaStatusBadge(i18n, status)}${failed ? html`<p class="field-error" role="alert">${failed}</p>` : ''}</td>
  <td>${renameForm(props, status)}${status.name && isBuiltInStatus(status.key) ? button(action(status), i18n.t('admin.ideas.reset'), { name: '' }) : ''}</td>
  <td>${i18n.t(status.open ? 'admin.ideas.open' : 'admin.ideas.closed')} ${button(action(status, 'open'), i18n.t(status.open ? 'admin.ideas.markClosed' : 'admin.ideas.markOpen'), { open: status.open ? '0' : '1' })}</td>
  <td>${index > 0 ? button(action(status, 'move'), i18n.t('admin.ideas.up'), { direction: 'up' }) : ''} ${last ? '' : button(action(status, 'move'), i18n.t('admin.ideas.down'), { direction: 'down' })}</td>
  <td>${button(action(status, 'remove'), i18n.t('admin.ideas.remove'), {}, 'link-button danger')}</td>
</tr>`;
}

function addForm(props: AdminIdeasProps): Html {
  const { i18n } = props;
  const failed = props.failed?.statusId === null ? props.failed : undefined;
  return html`<form method="post" action="/admin/ideas" class="post-form" aria-labelledby="add-status-heading">
  <h2 id="add-status-heading">${i18n.t('admin.ideas.add')}</h2>
  ${errorSummary(i18n, failed?.errors ?? {})}
  ${field({ name: 'name', label: i18n.t('admin.ideas.name'), value: failed?.name ?? '', error: failed?.errors['name'], required: true, maxlength: STATUS_NAME_MAX, dir: 'auto' })}
  <div class="field"><label><input type="checkbox" name="open" value="1" checked> ${i18n.t('admin.ideas.addOpen')}</label></div>
  <button type="submit">${i18n.t('admin.ideas.add')}</button>
</form>`;
}

export function adminIdeasPage(props: AdminIdeasProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('admin.ideas.title')}</h1>
${modNav(i18n, 'ideas', true)}
<p class="lead">${i18n.t('admin.ideas.intro')}</p>
<div class="table-wrap"><table class="mod-table">
  <thead><tr><th scope="col">${i18n.t('idea.statusLabel')}</th><th scope="col">${i18n.t('admin.ideas.name')}</th><th scope="col">${i18n.t('admin.ideas.open')}</th><th scope="col"><span class="visually-hidden">${i18n.t('admin.ideas.up')}</span></th><th scope="col"><span class="visually-hidden">${i18n.t('admin.ideas.remove')}</span></th></tr></thead>
  <tbody>${props.statuses.map((status, index) => row(props, status, index))}</tbody>
</table></div>
${addForm(props)}`;
}
