import { parseCssColor, type Rgba } from './css-color.js';

// WCAG 2 contrast between two opaque sRGB colours: (L1 + 0.05) / (L2 + 0.05) of their relative
// luminances, from 1 (the same) to 21 (black on white). AA asks 4.5:1 for body text.

export const AA_NORMAL_TEXT = 4.5;

function channel(byte: number): number {
  const value = byte / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(color: Pick<Rgba, 'red' | 'green' | 'blue'>): number {
  return 0.2126 * channel(color.red) + 0.7152 * channel(color.green) + 0.0722 * channel(color.blue);
}

export function contrastRatio(one: Pick<Rgba, 'red' | 'green' | 'blue'>, other: Pick<Rgba, 'red' | 'green' | 'blue'>): number {
  const [light, dark] = [relativeLuminance(one), relativeLuminance(other)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// The page background (static/style.css `--bg`), on which links in the brand colour are read, and
// the white of text on the brand colour.
const PAGE_BACKGROUND = { red: 0xf6, green: 0xf7, blue: 0xf9 };
const WHITE = { red: 255, green: 255, blue: 255 };

/**
 * How well a brand colour reads where it is used: the lower of white text on it and it on the page
 * background. Null for what is not an opaque colour.
 */
export function brandContrast(color: string): number | null {
  const parsed = parseCssColor(color);
  if (!parsed || parsed.alpha < 1) return null;
  return Math.min(contrastRatio(parsed, WHITE), contrastRatio(parsed, PAGE_BACKGROUND));
}

/** A ratio as people read it, rounded down (4.49 must not show as 4.5 and then be refused). */
export function formatRatio(ratio: number): string {
  return (Math.floor(ratio * 100) / 100).toFixed(2);
}

/** `#rrggbb`: the one form stored, safe to write into CSS and SVG as it is. */
export function toHex(color: Pick<Rgba, 'red' | 'green' | 'blue'>): string {
  return `#${[color.red, color.green, color.blue].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export { parseCssColor };
