import type { WatchLevel } from '../../src/db/schema.js';
import type { WatchState } from '../../src/notifications/watching.js';
import { html, type Html } from '../html.js';

type Subject = 'thread' | 'category';

const labels: Record<Subject, Record<WatchLevel, string>> = {
  thread: { watching: 'Watching: every new reply', normal: 'Normal: mentions and replies to you', muted: 'Muted: nothing from this thread' },
  category: {
    watching: 'Watching: every new thread and reply',
    normal: 'Normal: mentions and replies to you',
    muted: 'Muted: nothing from this category',
  },
};

/** How the signed-in member follows a thread or category: a plain form, no script needed. */
export function watchForm(props: { action: string; subject: Subject; state: WatchState }): Html {
  const id = `watch-level-${props.subject}`;
  const options = (Object.keys(labels[props.subject]) as WatchLevel[]).map((level) =>
    level === props.state.level
      ? html`<option value="${level}" selected>${labels[props.subject][level]}</option>`
      : html`<option value="${level}">${labels[props.subject][level]}</option>`,
  );
  return html`<form method="post" action="${props.action}" class="watch-form">
  <label for="${id}">Notifications</label>
  <select id="${id}" name="level">${options}</select>
  <button type="submit" class="button-secondary">Save</button>
  ${props.subject === 'thread' && props.state.source === 'category' ? html`<span class="muted">Set for the whole category; choosing here applies to this thread only.</span>` : ''}
</form>`;
}
