import { html, type Html } from '../html.js';

/** Text from the catalog (routes/embed.ts), in the embed's language. */
export type EmbedMessageProps = { heading: string; message: string; link?: { href: string; label: string } };

/** A friendly frame in place of content: no discussion yet, not public, or not allowed here. */
export function embedMessage(props: EmbedMessageProps): Html {
  return html`<section class="embed-message">
  <h1 class="embed-title">${props.heading}</h1>
  <p>${props.message}</p>
  ${props.link ? html`<p class="embed-actions"><a class="embed-button" href="${props.link.href}">${props.link.label}</a></p>` : ''}
</section>`;
}
