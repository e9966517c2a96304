import { keptText } from '../components/form.js';
import { html, type Html } from '../html.js';

export type KeptText = { name: string; label: string; value: string };

export type ErrorPageProps = {
  status: number;
  heading: string;
  message: string;
  requestId?: string;
  /** What the person typed into a form that was refused, given back to copy. */
  kept?: KeptText[];
  /** Where to go back to, when it is not the home page. */
  back?: { href: string; label: string };
};

export function errorPage(props: ErrorPageProps): Html {
  const kept = (props.kept ?? []).filter((text) => text.value.trim() !== '');
  return html`<section class="error-page" aria-labelledby="error-heading">
  <p class="error-status">Error ${props.status}</p>
  <h1 id="error-heading">${props.heading}</h1>
  <p>${props.message}</p>
  ${kept.length > 0 ? html`<p>Nothing was posted. Your text is below, so you can copy it and keep it.</p>${kept.map((text) => keptText(text))}` : ''}
  <p>${props.back ? html`<a href="${props.back.href}">${props.back.label}</a> · ` : ''}<a href="/">Back to the community home</a></p>
  ${props.requestId ? html`<p class="muted">If you contact us about this, mention reference ${props.requestId}.</p>` : ''}
</section>`;
}
