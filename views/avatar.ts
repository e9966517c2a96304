import { initialsColor } from '../src/profiles/avatar.js';
import { xml } from './xml.js';

/**
 * A generated avatar: the initials centred on a circle of the brand colour. The initials are a
 * member's text, so they go through `xml` (escaped); the picture is decorative wherever it shows.
 */
export function initialsAvatarSvg(initials: string, brandColor: string): string {
  const size = initials.length > 2 ? 34 : 40;
  return xml`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96"><circle cx="48" cy="48" r="48" fill="${brandColor}"/><text x="48" y="50" text-anchor="middle" dominant-baseline="middle" font-family="system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif" font-size="${size}" font-weight="600" fill="${initialsColor(brandColor)}">${initials}</text></svg>
`.text;
}
