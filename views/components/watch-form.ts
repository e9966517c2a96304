import type { WatchLevel } from '../../src/db/schema.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { WatchState } from '../../src/notifications/watching.js';
import { html, type Html } from '../html.js';
import { kept, type KeptMarkup } from '../kept.js';

type Subject = 'thread' | 'category';

const labels: Record<Subject, Record<WatchLevel, MessageKey>> = {
  thread: { watching: 'watch.threadWatching', normal: 'watch.normal', muted: 'watch.threadMuted' },
  category: { watching: 'watch.categoryWatching', normal: 'watch.normal', muted: 'watch.categoryMuted' },
};

const forms: KeptMarkup = new WeakMap();

/** How the signed-in member follows a thread or category: a plain form, no script needed. Kept (../kept.ts): it is on every page of a thread a member reads. */
export function watchForm(props: { i18n: I18n; action: string; subject: Subject; state: WatchState }): Html {
  return kept(forms, props.i18n, `${props.subject} ${props.state.level} ${props.state.source} ${props.action}`, () => renderWatchForm(props));
}

function renderWatchForm(props: { i18n: I18n; action: string; subject: Subject; state: WatchState }): Html {
  const { i18n } = props;
  const id = `watch-level-${props.subject}`;
  const options = (Object.keys(labels[props.subject]) as WatchLevel[]).map((level) =>
    level === props.state.level
      ? html`<option value="${level}" selected>${i18n.t(labels[props.subject][level])}</option>`
      : html`<option value="${level}">${i18n.t(labels[props.subject][level])}</option>`,
  );
  return html`<form method="post" action="${props.action}" class="watch-form">
  <label for="${id}">${i18n.t('watch.label')}</label>
  <select id="${id}" name="level">${options}</select>
  <button type="submit" class="button-secondary">${i18n.t('watch.save')}</button>
  ${props.subject === 'thread' && props.state.source === 'category' ? html`<span class="muted">${i18n.t('watch.setForCategory')}</span>` : ''}
</form>`;
}
