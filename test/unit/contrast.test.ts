import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, toHex } from '../../src/lib/contrast.js';
import { parseCssColor } from '../../src/lib/css-color.js';
import { brandContrast } from '../../src/lib/contrast.js';

const color = (text: string) => parseCssColor(text)!;

describe('WCAG contrast', () => {
  it.each([
    ['#000000', '#ffffff', '21.00'],
    ['#ffffff', '#ffffff', '1.00'],
    ['#777777', '#ffffff', '4.47'],
    ['#767676', '#ffffff', '4.54'],
    ['#2563eb', '#ffffff', '5.16'],
  ])('%s on %s is %s:1', (one, other, expected) => {
    expect(formatRatio(contrastRatio(color(one), color(other)))).toBe(expected);
  });

  it('rounds down, so a colour just under 4.5:1 never reads as 4.50', () => {
    expect(formatRatio(4.4999)).toBe('4.49');
  });

  it('judges a brand colour by the lower of white text on it and it on the page background', () => {
    expect(brandContrast('#2563eb')).toBeCloseTo(contrastRatio(color('#2563eb'), color('#f6f7f9')));
    expect(brandContrast('#2563eb')).toBeLessThan(contrastRatio(color('#2563eb'), color('#ffffff')));
    expect(brandContrast('rgb(37 99 235 / 50%)')).toBeNull();
    expect(brandContrast('not a colour')).toBeNull();
  });

  it('stores colours as #rrggbb whatever form was typed', () => {
    expect(toHex(color('rgb(29, 78, 216)'))).toBe('#1d4ed8');
    expect(toHex(color('navy'))).toBe('#000080');
    expect(toHex(color('#abc'))).toBe('#aabbcc');
  });
});
