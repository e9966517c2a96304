import { Marked, Tokenizer, type Token, type Tokens, type TokensList } from 'marked';
import { listLexingCost } from './list-cost.js';
import { mentionExtension } from './mentions.js';
import { MAX_ELEMENTS, tooCostlyToSanitize } from './sanitize-cost.js';
import {
  budgeted, chargeList, chargeReference, counted, listBudgetLeft, nested, referencesLeft, startRender, TooManyElements,
} from './work-budgets.js';

/*
 * Markdown → HTML with marked (GFM). The output still goes through the sanitizer; this step only
 * decides what markdown means here:
 * - raw HTML typed into a post is shown as text, never interpreted;
 * - headings move down two levels (# → h3) because posts sit under the page's own h1/h2;
 * - hostile input cannot blow the stack or take quadratic time (the guards below and the budgets
 *   in work-budgets.ts), and a post too costly to sanitize (sanitize-cost.ts) is shown as
 *   preformatted text.
 */

/*
 * GFM's text and autolink rules look ahead for a possible e-mail address at every position, which
 * is quadratic in the length of a run without whitespace (`!!!!…`, `_a_a…`). Giving them a bounded
 * window keeps each call cheap: real e-mail addresses fit in 320 characters, URLs in 4096.
 */
const TEXT_WINDOW = 256;
// Likewise `<!--` and `<?` scan ahead for their end; longer "tags" are simply text.
const TAG_WINDOW = 1024;
const EMAIL_WINDOW = 320;
const URL_WINDOW = 4096;
const urlStart = /^(?:https?:\/\/|ftp:\/\/|www\.)/i;
const urlOrEmailStart = /^[A-Za-z0-9._+-]/;

/*
 * Output amplification: a wide table header pads every following line to its width (and a
 * reference definition with a long URL is copied into every `[ref]` use: work-budgets.ts). Tables
 * beyond these sizes stay text.
 */
const MAX_TABLE_COLUMNS = 50;
const MAX_TABLE_CELLS = MAX_ELEMENTS;

/*
 * Inside list items marked lexes a paragraph one line at a time, and before each line its setext
 * heading rule scans ahead to the paragraph's end for an `===` or `---` underline: quadratic in the
 * paragraph's lines (`- a` and 25,000 lazy lines took seconds). A scan that found none from one
 * line finds none from the later lines either, up to a line that stops such scans (an HTML block
 * start, a table's delimiter row…), so the paragraph's text token remembers it until then.
 */
const noUnderlineAhead = new WeakSet<Token>();

const base = Tokenizer.prototype;
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (let index = text.indexOf(character); index !== -1; index = text.indexOf(character, index + 1)) count += 1;
  return count;
}

const marked = new Marked({ gfm: true, breaks: true, async: false });

marked.use({
  extensions: [mentionExtension],
  tokenizer: {
    // No HTML blocks: such lines fall through to paragraphs, whose tags are escaped inline.
    html: () => undefined,
    blockquote(src) {
      return nested(() => base.blockquote.call(this, src));
    },
    list(src) {
      return nested(() => {
        // marked's own cheap refusals first, so that only lists it would lex are charged.
        if (!this.rules.block.list.test(src)) return undefined;
        const { lastToken } = this.lexer.state;
        if (lastToken?.type === 'text' && !this.rules.other.listInterruptsParagraph.test(src)) return undefined;
        return chargeList(listLexingCost(src, listBudgetLeft())) ? base.list.call(this, src) : undefined;
      });
    },
    // An inline tag would switch marked into "inside <a>/<pre>" modes (no autolinks, unescaped
    // text); since tags are shown as text here, the lexer state must not change.
    tag(src) {
      if (!src.startsWith('<')) return undefined;
      const { inLink, inRawBlock } = this.lexer.state;
      const token = base.tag.call(this, src.slice(0, TAG_WINDOW));
      this.lexer.state.inLink = inLink;
      this.lexer.state.inRawBlock = inRawBlock;
      return token;
    },
    // Tried on every paragraph and on every line of a list item's text, each an element or a <br>.
    lheading(src) {
      counted({ type: 'line' });
      const { top, lastToken } = this.lexer.state;
      if (top || lastToken?.type !== 'text') return base.lheading.call(this, src);
      const rule = this.rules.block.lheading;
      const line = src.slice(0, (src.indexOf('\n') + 1 || src.length + 1) - 1);
      if (!rule.test(`a\n${line}\n=`)) noUnderlineAhead.delete(lastToken);
      else if (noUnderlineAhead.has(lastToken)) return undefined;
      const token = base.lheading.call(this, src);
      // Only a scan that got past this line's own start proves there is no underline ahead.
      if (!token && rule.test(`${line}\n=`)) noUnderlineAhead.add(lastToken);
      return token;
    },
    // Checked before marked builds the table, which would already queue every padded cell.
    table(src) {
      const match = this.rules.block.table.exec(src);
      if (!match) return undefined;
      const columns = countOf(match[1] ?? '', '|') + 1;
      const rows = countOf(match[3] ?? '', '\n') + 2;
      if (columns > MAX_TABLE_COLUMNS || columns * rows > MAX_TABLE_CELLS) return undefined;
      return base.table.call(this, src);
    },
    reflink(src, links) {
      if (!referencesLeft()) return undefined;
      const token = counted(base.reflink.call(this, src, links));
      if (token && token.type !== 'text') chargeReference(token.href.length + (token.title?.length ?? 0));
      return token;
    },
    emStrong(src, maskedSrc, prevChar) {
      const { emStrongRDelimAst, emStrongRDelimUnd } = this.rules.inline;
      const closer = src.startsWith('_') ? emStrongRDelimUnd : emStrongRDelimAst;
      return counted(budgeted(src, closer, () => base.emStrong.call(this, src, maskedSrc, prevChar)));
    },
    del(src, maskedSrc, prevChar) {
      return counted(budgeted(src, this.rules.inline.delRDelim, () => base.del.call(this, src, maskedSrc, prevChar)));
    },
    br(src) {
      return counted(base.br.call(this, src));
    },
    inlineText(src) {
      return base.inlineText.call(this, src.slice(0, TEXT_WINDOW));
    },
    url(src) {
      // Every URL and e-mail address starts with one of these; checked before slicing at every position.
      if (!urlOrEmailStart.test(src)) return undefined;
      return counted(base.url.call(this, src.slice(0, urlStart.test(src) ? URL_WINDOW : EMAIL_WINDOW)));
    },
  },
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    heading({ tokens, depth: level }: Tokens.Heading) {
      const demoted = Math.min(level + 2, 6);
      return `<h${demoted}>${this.parser.parseInline(tokens)}</h${demoted}>\n`;
    },
    // Form controls are not allowed in posts; keep the task-list marker as the author wrote it.
    checkbox({ checked }: Tokens.Checkbox) {
      return checked ? '[x] ' : '[ ] ';
    },
  },
});

/** Renders post markdown to (unsanitized) HTML. Always pass the result through the sanitizer. */
export function markdownToHtml(markdown: string): string {
  startRender();
  const preformatted = `<pre>${escapeHtml(markdown)}</pre>\n`;
  let tokens: TokensList;
  try {
    tokens = marked.lexer(markdown);
  } catch (error) {
    if (error instanceof TooManyElements) return preformatted;
    throw error;
  }
  return tooCostlyToSanitize(tokens) ? preformatted : marked.parser(tokens);
}
