import ts from 'typescript';

// A lint for views: words a person reads must come from the message catalog. It reads a view's
// source with the TypeScript parser and reports
//   - text between tags in html`…` templates, and the values of attributes people read (title,
//     alt, placeholder, aria-label…), that contain letters;
//   - string literals elsewhere in the view that look like prose: a capitalised word ("Solved"),
//     or words with spaces that start with a capital ("Back to the community home").
// Interpolations (${…}) are holes, not text; entities (&amp;, &middot;) and symbols are not words.

export type Literal = { line: number; text: string };

const HOLE = '\u0000';
const READ_ATTRIBUTES = new Set(['title', 'alt', 'placeholder', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'label']);
const LETTERS = /\p{L}{2,}/u;

function words(text: string): string | undefined {
  const cleaned = text
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ')
    .split(HOLE)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return LETTERS.test(cleaned) ? cleaned : undefined;
}

/** Text nodes and read attributes of an HTML fragment whose holes are HOLE characters. */
export function htmlWords(markup: string): string[] {
  const found: string[] = [];
  // A fragment that continues a tag (html` checked`, html` title="${…}"`) starts inside it.
  let index = ATTRIBUTES_FRAGMENT.test(markup) ? tagEnd(markup, 0, found) : 0;
  while (index < markup.length) {
    const open = markup.indexOf('<', index);
    const text = markup.slice(index, open < 0 ? markup.length : open);
    const textWords = words(text);
    if (textWords) found.push(textWords);
    if (open < 0) break;
    if (markup.startsWith('<!--', open)) {
      const end = markup.indexOf('-->', open);
      index = end < 0 ? markup.length : end + 3;
      continue;
    }
    index = tagEnd(markup, open + 1, found);
    const name = /^([a-zA-Z]+)/.exec(markup.slice(open + 1))?.[1]?.toLowerCase();
    if (name === 'script' || name === 'style') {
      const end = markup.indexOf(`</${name}`, index);
      index = end < 0 ? markup.length : end;
    }
  }
  return found;
}

const BOOLEAN_ATTRIBUTES = 'required|checked|selected|disabled|hidden|open|autofocus|readonly|multiple|novalidate|defer|async|inert';
const ATTRIBUTES_FRAGMENT = new RegExp(`^\\s+(?:[a-zA-Z-]+=|(?:${BOOLEAN_ATTRIBUTES})(?:\\s|$|${HOLE}))`);

/** Reads a tag's attributes from `start` (just after `<name`, or inside a tag); returns where the tag ends. */
function tagEnd(markup: string, start: number, found: string[]): number {
  const close = markup.indexOf('>', start);
  const tag = markup.slice(start, close < 0 ? markup.length : close);
  for (const match of tag.matchAll(/([a-zA-Z-]+)\s*=\s*"([^"]*)"/g)) {
    const value = match[2] ?? '';
    if (READ_ATTRIBUTES.has((match[1] ?? '').toLowerCase()) && words(value)) found.push(`${match[1]}="${value.split(HOLE).join('${…}')}"`);
  }
  return close < 0 ? markup.length : close + 1;
}

function looksLikeProse(text: string): boolean {
  const trimmed = text.trim();
  if (/^\p{Lu}\p{Ll}+$/u.test(trimmed)) return true;
  return /^\p{Lu}\p{Ll}*[\s,]/u.test(trimmed) && /\s\p{L}/u.test(trimmed);
}

function isTypePosition(node: ts.Node): boolean {
  return ts.isLiteralTypeNode(node.parent) || ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
}

function templateMarkup(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.head.text + template.templateSpans.map((span) => HOLE + span.literal.text).join('');
}

export function untranslatedLiterals(source: string, fileName = 'view.ts'): Literal[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const at = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'html') {
      for (const text of htmlWords(templateMarkup(node.template))) found.push({ line: at(node), text });
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isTypePosition(node) && looksLikeProse(node.text)) {
      found.push({ line: at(node), text: node.text });
    } else if (ts.isTemplateExpression(node) && !ts.isTaggedTemplateExpression(node.parent) && looksLikeProse(node.head.text)) {
      found.push({ line: at(node), text: templateMarkup(node).split(HOLE).join('${…}') });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const ERROR_CLASSES = new Set(['NotFound', 'Forbidden', 'Unauthenticated', 'Conflict', 'RateLimited', 'ValidationError', 'BadRequest', 'AppError']);
const isText = (node: ts.Node | undefined) => node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node));

/** Object literal values that are written-out text, at any depth of conditional expressions. */
function textValues(node: ts.Node | undefined, found: ts.Node[] = []): ts.Node[] {
  if (node === undefined) return found;
  if (isText(node)) found.push(node);
  else if (ts.isConditionalExpression(node)) textValues(node.whenTrue, found) && textValues(node.whenFalse, found);
  else if (ts.isParenthesizedExpression(node)) textValues(node.expression, found);
  else if (ts.isObjectLiteralExpression(node)) for (const property of node.properties) if (ts.isPropertyAssignment(property)) textValues(property.initializer, found);
  return found;
}

/**
 * Errors a service or route raises with text written in the code instead of a catalog message:
 * `new Forbidden('…')`, `assertValid({ title: '…' })`, `new ValidationError({ … })`,
 * `renderError(c, 404, '…')`.
 */
export function untranslatedErrorTexts(source: string, fileName = 'module.ts'): Literal[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const report = (node: ts.Node) => found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: node.getText(file) });
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ERROR_CLASSES.has(node.expression.text)) {
      textValues(node.arguments?.[0]).forEach(report);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'assertValid') {
      textValues(node.arguments[0]).forEach(report);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'renderError') {
      textValues(node.arguments[2]).forEach(report);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
