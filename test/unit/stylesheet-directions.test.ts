import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// One stylesheet serves left-to-right and right-to-left pages only while every side is written as
// a logical property (margin-inline-start, text-align: start, inset-inline-end …). This keeps
// physical left/right out of static/*.css, where a right-to-left page would get them backwards.

const STATIC = join(import.meta.dirname, '../../static');

/**
 * Physical sides the stylesheets may keep, each with the reason. Matched against the finding's
 * text ("file: selector { declaration }"); an entry that matches nothing fails the test, so the
 * list cannot outlive its reasons.
 */
const JUSTIFIED: { finding: string; reason: string }[] = [];

type Declaration = { selector: string; property: string; value: string };

const SIDE_PROPERTY = /^(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)(?:-[a-z]+)?|left|right|border-(?:top|bottom)-(?:left|right)-radius)$/;
const SIDE_VALUE = /(?:^|[\s,(])(?:left|right)(?:$|[\s,)])/;
// Four sides in one value: top, right, bottom, left.
const FOUR_SIDES = /^(?:margin|padding|inset|border-width|border-style|border-color|scroll-margin|scroll-padding)$/;

/** Every declaration of a stylesheet, comments and quoted strings removed. */
function declarations(css: string): Declaration[] {
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"[^"]*"|'[^']*'/g, '""');
  const found: Declaration[] = [];
  // Innermost blocks only: those hold declarations, the outer ones (@media) hold rules.
  for (const block of plain.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    const selector = (block[1] ?? '').trim().replace(/\s+/g, ' ');
    for (const part of (block[2] ?? '').split(';')) {
      const colon = part.indexOf(':');
      if (colon < 0) continue;
      const property = part.slice(0, colon).trim().toLowerCase();
      const value = part.slice(colon + 1).trim().replace(/\s+/g, ' ');
      if (!property.startsWith('--')) found.push({ selector, property, value });
    }
  }
  return found;
}

/** Values separated by spaces, outside parentheses (`calc(1rem - 3px)` is one value). */
function words(value: string): string[] {
  return value.replace(/!important$/, '').trim().match(/(?:[^\s(]+|\([^)]*\))+/g) ?? [];
}

function isNonZeroLength(word: string | undefined): boolean {
  return word !== undefined && /^-?[\d.]+[a-z]*$/.test(word) && Number.parseFloat(word) !== 0;
}

function isPhysical({ property, value }: Declaration): boolean {
  if (SIDE_PROPERTY.test(property)) return true;
  if (SIDE_VALUE.test(value)) return true; // text-align: left, float: right, background-position …
  const parts = words(value);
  if (FOUR_SIDES.test(property)) return parts.length === 4 && parts[1] !== parts[3];
  if (property === 'border-radius') return new Set(parts.filter((part) => part !== '/')).size > 1;
  // A shadow moved sideways (an inset edge on one side, say) falls on the wrong side in RTL.
  if (property === 'box-shadow' || property === 'text-shadow') {
    return value.split(/,(?![^(]*\))/).some((shadow) => isNonZeroLength(words(shadow).filter((part) => part !== 'inset')[0]));
  }
  return false;
}

/** The physical left/right declarations of a stylesheet, as "selector { property: value }". */
function physicalSides(css: string): string[] {
  return declarations(css)
    .filter(isPhysical)
    .map(({ selector, property, value }) => `${selector} { ${property}: ${value} }`);
}

describe('physicalSides', () => {
  it.each([
    ['.a { margin-left: 1rem; }', '.a { margin-left: 1rem }'],
    ['.a { padding-right: 1rem; }', '.a { padding-right: 1rem }'],
    ['.a { border-left: 3px solid red; }', '.a { border-left: 3px solid red }'],
    ['.a { border-right-color: red; }', '.a { border-right-color: red }'],
    ['.a { border-top-left-radius: 2px; }', '.a { border-top-left-radius: 2px }'],
    ['.a { position: absolute; left: 0; }', '.a { left: 0 }'],
    ['.a { text-align: right; }', '.a { text-align: right }'],
    ['.a { float: left; }', '.a { float: left }'],
    ['.a { background: url(x.svg) no-repeat right center; }', '.a { background: url(x.svg) no-repeat right center }'],
    ['.a { margin: 0 auto 0 0; }', '.a { margin: 0 auto 0 0 }'],
    ['.a { padding: 0.125rem 0 0.125rem 1rem; }', '.a { padding: 0.125rem 0 0.125rem 1rem }'],
    ['.a { border-radius: 0 4px 4px 0; }', '.a { border-radius: 0 4px 4px 0 }'],
    ['.a { box-shadow: inset 3px 0 0 red; }', '.a { box-shadow: inset 3px 0 0 red }'],
    ['@media (max-width: 40rem) { .a b { text-align: left; } }', '.a b { text-align: left }'],
  ])('finds %s', (css, finding) => {
    expect(physicalSides(css)).toEqual([finding]);
  });

  it('lets logical properties, symmetric shorthands and words in strings and comments pass', () => {
    const css = `/* margin-left: 1rem */
      .a { margin-inline-start: 1rem; padding: 0.5rem 1rem; margin: 0 auto; inset-inline-end: 0; }
      .b { text-align: start; border-inline-start: 4px solid; border-radius: 999px; padding: 1rem 2rem 1rem 2rem; }
      .c::before { content: "left" / "right"; box-shadow: 0 1px 2px rgb(0 0 0 / 0.1), 0 0 0 1px red; }
      .d { --edge: left; scroll-margin-top: 1rem; grid-template-columns: minmax(0, 1fr) auto; }`;
    expect(physicalSides(css)).toEqual([]);
  });
});

describe('static stylesheets', () => {
  const files = readdirSync(STATIC).filter((name) => name.endsWith('.css'));

  it('are all checked', () => {
    expect(files).toEqual(expect.arrayContaining(['style.css', 'embed.css']));
  });

  it('use logical sides only, apart from the justified exceptions', () => {
    const findings = files.flatMap((name) => physicalSides(readFileSync(join(STATIC, name), 'utf8')).map((found) => `${name}: ${found}`));
    const unjustified = findings.filter((found) => !JUSTIFIED.some((exception) => found.includes(exception.finding)));
    expect(unjustified, 'write these sides as logical properties (margin-inline-start, text-align: start, inset-inline-end …)').toEqual([]);
    const stale = JUSTIFIED.filter((exception) => !findings.some((found) => found.includes(exception.finding)));
    expect(stale, 'these exceptions no longer match anything: remove them').toEqual([]);
  });
});
