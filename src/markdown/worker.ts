import { writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { JSDOM } from 'jsdom';
import { htmlToText } from '../lib/html-text.js';
import { analyzeForIndex } from '../search/analyzer.js';
import { holdNodeIteratorsStrongly } from './jsdom-node-iterators.js';
import { markdownToHtml } from './render.js';
import { createSanitizer } from './sanitize.js';

/*
 * Worker-thread entry of the markdown pool (see worker-pool.ts). It owns the one jsdom window of
 * the process, so the request thread never pays for DOM parsing or for DOMPurify's per-document
 * leak; the pool replaces this whole thread when its heap grows past a limit (ADR 0004).
 */

export type RenderRequest = { id: number; markdown: string };
/** `heapUsed`: this worker's V8 heap after the render, which the pool watches to recycle it. */
/** `searchText`: the markdown as the search index stores it (src/search/analyzer.ts), null when that is the markdown itself. */
export type RenderResponse = ({ id: number; html: string; text: string; searchText: string | null } | { id: number; error: string }) & { heapUsed: number };
/** Sent once the window exists: loading jsdom takes seconds on a busy machine, and that start-up
 * time must not count against the first render's timeout. */
export type ReadyMessage = { ready: true };

/** What `top -H` and `ps -T` show for this thread, so an operator (or the benchmark) can tell it from the request thread. */
const MARKDOWN_THREAD_NAME = 'hearth-markdown';

// Linux names threads through /proc (15 bytes at most); elsewhere the name is simply not set.
function nameThisThread(name: string): void {
  try {
    writeFileSync('/proc/thread-self/comm', name);
  } catch {
    // Not Linux, or /proc not mounted: only a diagnostic is lost.
  }
}

if (!parentPort) throw new Error('src/markdown/worker.ts must be started as a worker thread.');
const port = parentPort;
nameThisThread(MARKDOWN_THREAD_NAME);
holdNodeIteratorsStrongly();
const sanitize = createSanitizer(new JSDOM('').window);
port.postMessage({ ready: true } satisfies ReadyMessage);

port.on('message', (request: RenderRequest) => {
  let response: { id: number; html: string; text: string; searchText: string | null } | { id: number; error: string };
  try {
    const html = sanitize(markdownToHtml(request.markdown));
    const searchText = analyzeForIndex(request.markdown);
    // Most English posts analyze to themselves: the index then reads the body, stored only once.
    response = { id: request.id, html, text: htmlToText(html), searchText: searchText === request.markdown ? null : searchText };
  } catch (error) {
    // One bad post must not take the worker down with it: report it and keep serving.
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage({ ...response, heapUsed: getHeapStatistics().used_heap_size } satisfies RenderResponse);
});
