import { html, type Html } from '../html.js';
import { ideaMergeForm, ideaStatusForm, type IdeaMergeFormProps, type IdeaStatusFormProps } from '../components/idea-panel.js';

// Where a status change or a merge that could not be made comes back (422), with what staff typed.

type Back = { title: string; path: string };

export function ideaStatusPage(props: IdeaStatusFormProps & { idea: Back }): Html {
  return html`<section class="auth-page" aria-labelledby="idea-form-heading">
  <h1 id="idea-form-heading">${props.i18n.t('idea.statusFormTitle')}</h1>
  <p><a href="${props.idea.path}" dir="auto">${props.idea.title}</a></p>
  ${ideaStatusForm(props)}
</section>`;
}

export function ideaMergePage(props: IdeaMergeFormProps & { idea: Back }): Html {
  return html`<section class="auth-page" aria-labelledby="idea-form-heading">
  <h1 id="idea-form-heading">${props.i18n.t('idea.mergeFormTitle')}</h1>
  <p><a href="${props.idea.path}" dir="auto">${props.idea.title}</a></p>
  ${ideaMergeForm(props)}
</section>`;
}
