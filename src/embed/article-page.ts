// An article's title, read from the brand's own page rather than taken from whoever asks: a thread
// the brand account opens must carry the brand's words (docs/decisions/0049-embed-sessions.md).
// Only pages on an allowed embed origin are read, with no redirects, a size cap and a deadline.

const MAX_BYTES = 512 * 1024;
const TIMEOUT_MS = 5_000;
const TITLE = /<title[^>]*>([^<]{1,300})<\/title>/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_BYTES));
}

/** The page's `<title>`, or null when it cannot be read (not HTML, not 200, a redirect, too slow). */
export async function readArticleTitle(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'text/html' } });
    if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html')) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    const match = TITLE.exec(await readCapped(response));
    const title = match ? decodeEntities(match[1]!).replace(/\s+/g, ' ').trim() : '';
    return title || null;
  } catch {
    return null;
  }
}
