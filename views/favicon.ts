import { MARK } from '../src/lib/favicon.js';
import { xml } from './xml.js';

/** The favicon as SVG: the mark of src/lib/favicon.ts filled with the brand colour (escaped like any value). */
export function faviconSvg(brandColor: string): string {
  const house = `M${MARK.house.map(([x, y]) => `${x} ${y}`).join(' L')} Z`;
  return xml`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MARK.size} ${MARK.size}"><rect width="${MARK.size}" height="${MARK.size}" rx="${MARK.cornerRadius}" fill="${brandColor}"/><path d="${house}" fill="#fff"/></svg>
`.text;
}
