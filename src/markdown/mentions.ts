import type { RendererExtension, Token, TokenizerExtension, Tokens } from 'marked';

/*
 * `@username` becomes a link to the member's profile. The renderer has no database, so every
 * name that could be a username is linked; notifications (src/notifications/fan-out.ts) go only
 * to members who exist. Usernames are 3–20 of A–Z, a–z, 0–9, `_` and `-` (src/auth/accounts.ts).
 *
 * Not a mention: text inside code spans and blocks (never lexed inline), inside link text (a link
 * in a link), and an `@` glued to a word or an address (`bob@example.com`, `x@bob`).
 */

const NAME = /^@([A-Za-z0-9_-]{3,20})(?![A-Za-z0-9_-])/;
// Characters that make an `@` part of a word or an e-mail address rather than a mention.
const GLUED = /[A-Za-z0-9_.+\-@]/;
const NAME_START = /[A-Za-z0-9_-]/;
const SCAN_WINDOW = 256;

type MentionToken = Tokens.Generic & { type: 'mention'; name: string };

export const mentionExtension: TokenizerExtension & RendererExtension = {
  name: 'mention',
  level: 'inline',
  // Where plain text must stop so the tokenizer gets a look. Index 0 has no visible previous
  // character here; the tokenizer checks it against the previous token instead.
  // Only the first SCAN_WINDOW characters are searched: plain text is consumed in runs of at most
  // that length (render.ts), so a run of glued `@`s costs linear time, not quadratic.
  start(src: string) {
    for (let index = src.indexOf('@'); index !== -1 && index < SCAN_WINDOW; index = src.indexOf('@', index + 1)) {
      const before = index === 0 ? '' : src.charAt(index - 1);
      if (!GLUED.test(before) && NAME_START.test(src.charAt(index + 1))) return index;
    }
    return undefined;
  },
  tokenizer(src: string, tokens: Token[]) {
    if (this.lexer.state.inLink) return undefined;
    const previous = tokens.at(-1)?.raw.slice(-1) ?? '';
    if (GLUED.test(previous)) return undefined;
    const match = NAME.exec(src);
    if (!match?.[1]) return undefined;
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
