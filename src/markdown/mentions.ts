import type { RendererExtension, Token, TokenizerExtension, Tokens } from 'marked';
import { isGlued, nextMentionStart, startsName } from './mention-scan.js';

/*
 * `@username` becomes a link to the member's profile. The renderer has no database, so every
 * name that could be a username is linked; notifications (src/notifications/fan-out.ts) go only
 * to members who exist. Usernames are 3–20 of A–Z, a–z, 0–9, `_` and `-` (src/auth/accounts.ts).
 *
 * Not a mention: text inside code spans and blocks (never lexed inline), inside link text (a link
 * in a link), and an `@` glued to a word or an address (`bob@example.com`, `x@bob`).
 */

const NAME = /^@([A-Za-z0-9_-]{3,20})(?![A-Za-z0-9_-])/;
const SCAN_WINDOW = 256;

type MentionToken = Tokens.Generic & { type: 'mention'; name: string };

/*
 * The character before `src`, read from the source the token list is lexed from. Not from the
 * previous token's raw text: marked appends to that text token one piece at a time (`[[[…`,
 * `<<<…`), and reading the end of such a string copies all of it, every time.
 */
const sources = new WeakMap<Token[], string>();
function previousCharacter(tokens: Token[], src: string): string {
  const source = sources.get(tokens) ?? '';
  return source.charAt(source.length - src.length - 1);
}

// The source and position the tokenizer was last offered: marked offers each position to it, and
// then, if no rule took it, asks `start` about the rest from the next character.
let offered: { source: string | undefined; length: number } = { source: undefined, length: 0 };

export const mentionExtension: TokenizerExtension & RendererExtension = {
  name: 'mention',
  level: 'inline',
  // Where plain text must stop so the tokenizer gets a look. Index 0 has no visible previous
  // character here; the tokenizer checks it against the source before it instead.
  // Only the first SCAN_WINDOW characters are searched (an unbounded indexOf would read the rest
  // of a post without `@` once per token, as in `<<<…`): plain text is consumed in runs of at most
  // that length (render.ts), so a run of glued `@`s costs linear time, not quadratic.
  start(src: string) {
    if (src.startsWith('@') && startsName(src.charCodeAt(1))) return 0;
    const { source, length } = offered;
    // Not the rest of what the tokenizer was offered (marked does not do that): look at src alone.
    if (source === undefined || length !== src.length + 1) {
      const index = nextMentionStart(src, 1, SCAN_WINDOW);
      return index === -1 ? undefined : index;
    }
    const from = source.length - src.length;
    const index = nextMentionStart(source, from + 1, from + SCAN_WINDOW);
    return index === -1 ? undefined : index - from;
  },
  tokenizer(src: string, tokens: Token[]) {
    // marked offers every position to this tokenizer first, so an empty list means `src` is the
    // whole source of that list's text.
    if (tokens.length === 0) sources.set(tokens, src);
    offered = { source: sources.get(tokens), length: src.length };
    if (this.lexer.state.inLink) return undefined;
    const match = NAME.exec(src);
    if (!match?.[1]) return undefined;
    const previous = previousCharacter(tokens, src);
    if (previous !== '' && isGlued(previous.charCodeAt(0))) return undefined;
    return { type: 'mention', raw: match[0], name: match[1] } satisfies MentionToken;
  },
  renderer(token) {
    const { name } = token as MentionToken;
    // `name` is only letters, digits, `_` and `-`: nothing to escape.
    return `<a class="mention" href="/u/${name}">@${name}</a>`;
  },
};

// What the sanitizer leaves of a mention link (it adds `rel` after `href`).
const RENDERED = /<a class="mention" href="\/u\/([A-Za-z0-9_-]{3,20})"/g;

/** The distinct names (lower-cased) mentioned in a rendered post, in order, at most `limit`. */
export function mentionedNames(html: string, limit: number): string[] {
  const names = new Set<string>();
  for (const match of html.matchAll(RENDERED)) {
    if (names.size >= limit) break;
    names.add(match[1]!.toLowerCase());
  }
  return [...names];
}
