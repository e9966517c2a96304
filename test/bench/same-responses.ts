import { request as httpRequest } from 'node:http';
import { writeFileSync } from 'node:fs';
import { projectPath } from '../../src/lib/paths.js';
import { launch, SERVER_CORE, stopper, waitForHttp, type ServerProcess } from './processes.js';

/*
 * The second ceiling, "same responses": raw node:http answering the anonymous case's own URLs,
 * each with the status, headers and body the app sent for it, captured once before the run. The
 * first ceiling serves one page with two headers; this one pays what Node costs to deliver exactly
 * the anonymous case's responses (thirteen-odd headers, hundreds of pages cycling through memory),
 * so the app's share of it says how much is left to win in the app itself.
 */

/** Added by node:http to every response it sends; the ceiling server's own node:http adds them again. */
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

type Captured = { url: string; status: number; headers: string[]; offset: number; length: number };

/** One GET as wrk sends it (no cookie, no conditional), keeping the header lines as the app wrote them. */
function capture(origin: string, url: string): Promise<{ status: number; headers: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(new URL(url, origin), { method: 'GET', timeout: 30_000 }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const headers: string[] = [];
        for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
          const name = incoming.rawHeaders[index]!;
          if (!CONNECTION_HEADERS.has(name.toLowerCase())) headers.push(name, incoming.rawHeaders[index + 1]!);
        }
        resolve({ status: incoming.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`GET ${url} took more than 30 s`)));
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * Requests every URL once more (after the case's first views, so each answer is a cache hit, as in
 * the measured run) and writes the answers to `file` (bodies, one after another) and `file.json`
 * (the index). Returns how many responses were kept.
 */
export async function captureResponses(origin: string, urls: string[], file: string): Promise<number> {
  const index: Captured[] = [];
  const bodies: Buffer[] = [];
  let offset = 0;
  for (const url of new Set(urls)) {
    const { status, headers, body } = await capture(origin, url);
    if (status !== 200) throw new Error(`GET ${url} answered ${status} while capturing the anonymous case's responses`);
    index.push({ url, status, headers, offset, length: body.length });
    bodies.push(body);
    offset += body.length;
  }
  writeFileSync(file, Buffer.concat(bodies));
  writeFileSync(`${file}.json`, JSON.stringify(index));
  return index.length;
}

// Each body is copied into its own buffer, as the app keeps each page apart; the header array goes
// to writeHead as it is, so node:http checks and formats every header line as it does for the app.
const SAME_RESPONSES_SOURCE = `
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
const bodies = readFileSync(process.env.RESPONSES_FILE);
const responses = new Map(JSON.parse(readFileSync(process.env.RESPONSES_FILE + '.json', 'utf8')).map(
  ({ url, status, headers, offset, length }) => [url, { status, headers, body: Buffer.from(bodies.subarray(offset, offset + length)) }],
));
const server = createServer((request, response) => {
  if (request.url === '/healthz') return response.end('ok');
  const kept = responses.get(request.url);
  if (!kept) {
    response.writeHead(404);
    return response.end();
  }
  response.writeHead(kept.status, kept.headers);
  response.end(kept.body);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
`;

export async function startSameResponsesCeiling(options: { responsesFile: string; port: number; logFile: string }): Promise<ServerProcess> {
  const origin = `http://127.0.0.1:${options.port}`;
  const env = { PATH: process.env['PATH'] ?? '', RESPONSES_FILE: options.responsesFile, PORT: String(options.port) };
  const child = launch(SERVER_CORE, ['--input-type=module', '-e', SAME_RESPONSES_SOURCE], env, options.logFile, projectPath('.'));
  await waitForHttp(`${origin}/healthz`, child, options.logFile, 30_000);
  return { child, pid: child.pid!, origin, logFile: options.logFile, stop: stopper(child) };
}
