import { html, type Html } from '../html.js';

/**
 * A member's picture, always beside their name: decorative (empty alt), with its size given so the
 * page does not move as it loads, and lazy below the fold.
 */
export function avatarImage(url: string, size: number, className = 'avatar', lazy = true): Html {
  return html`<img class="${className}" src="${url}" width="${size}" height="${size}" alt=""${lazy ? html` loading="lazy"` : ''} decoding="async">`;
}
