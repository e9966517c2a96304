import fc from 'fast-check';

// Generators for hostile form input: any UTF-16 (lone surrogates included), control characters,
// lengths right at the limits, markdown-shaped noise, and raw bodies in odd encodings.

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const control = fc.integer({ min: 0, max: 0x9f }).filter((unit) => unit < 0x20 || unit >= 0x7f).map((unit) => String.fromCharCode(unit));
const surrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00');
const special = fc.constantFrom('\u202e', '\u2066', '\u200b', '\ufeff', '\u0000', '\r\n', '\r', '\u2028', '＜', 'İ', 'ß', '🧪', '\u0301');

/** Any string a client could send, weighted towards the awkward parts. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: fc.oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), control, surrogate, special), maxLength: 80 }),
  // Right at the limits: titles 5–150 characters, bodies 50,000, the 1 MB request body.
  fc.tuple(fc.constantFrom(4, 5, 149, 150, 151, 49_999, 50_000, 50_001, 400_000), fc.constantFrom('a', 'é', '😀', ' ', '\n', '>')).map(([count, unit]) => unit.repeat(count)),
);

const markdownToken = fc.constantFrom(
  '[', ']', '(', ')', '<', '>', '!', '*', '_', '`', '```', '~~', '#', '|', '-', ':', '"', "'", '&', '&#', ';', '\\', '\n', '\n\n', ' ', '   ', 'a', 'x',
  'javascript:', 'JaVaScRiPt:', 'vbscript:', 'data:', 'http://', 'https://', '//', 'mailto:', '&#106;', '&#x6A;', '&colon;',
  '<script>', '</script>', '<img src=x onerror=', '<svg', '<math>', '<style>', '<!--', '-->', '<![CDATA[', ']]>', 'onload=', 'alert(1)',
  '[x]: ', '![', '](', '> ', '- ', '1. ', '|---|', '\t', 'www.', '@example.com',
);

/** Markdown-shaped noise: the tokens that change how markdown and HTML are read, in any order. */
export const markdownNoise: fc.Arbitrary<string> = fc.array(markdownToken, { maxLength: 60 }).map((tokens) => tokens.join(''));

/** Percent-encodes like a browser, except that lone surrogates become their (invalid) 3-byte UTF-8 form. */
export function looseEncode(value: string): string {
  let out = '';
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const next = value.charCodeAt(index + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value.slice(index, index + 2));
      index += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(value[index]!);
    }
  }
  return out;
}

/** A form body as bytes on the wire: well-formed, or broken percent-escapes, odd separators and repeats. */
export function formBody(fields: Record<string, string>): fc.Arbitrary<string> {
  const wellFormed = Object.entries(fields).map(([key, value]) => `${looseEncode(key)}=${looseEncode(value)}`).join('&');
  const garbage = fc.constantFrom('%', '%Z', '%E0%A4%A', '%FF%FE', '%C0%AF', '%ED%A0%80', '&&', '=', '==', '+', ';', '%00', '&body', 'body=&body=', '\u0000', '\r\n');
  return fc.array(fc.oneof(garbage, fc.string({ unit: 'binary-ascii', maxLength: 20 })), { maxLength: 8 }).map((noise) => `${wellFormed}&${noise.join('')}`);
}

export const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=ISO-8859-1',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'text/plain',
  'application/json',
  '',
];
