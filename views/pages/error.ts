import { html, type Html } from '../html.js';

export type ErrorPageProps = { status: number; heading: string; message: string; requestId?: string };

export function errorPage(props: ErrorPageProps): Html {
  return html`<section class="error-page" aria-labelledby="error-heading">
  <p class="error-status">Error ${props.status}</p>
  <h1 id="error-heading">${props.heading}</h1>
  <p>${props.message}</p>
  <p><a href="/">Back to the community home</a></p>
  ${props.requestId ? html`<p class="muted">If you contact us about this, mention reference ${props.requestId}.</p>` : ''}
</section>`;
}
