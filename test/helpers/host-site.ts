import { createServer, type Server } from 'node:http';
import type { Frame, Page } from 'playwright-core';

// Another site for embed tests: a brand's help center (or a stranger's page) on its own loopback
// port, serving the pages a test puts in its map, and the Hearth frame inside such a page.

/** A site answering each path in `pages` with its HTML (404 otherwise), on 127.0.0.1. */
export function listenSite(pages: ReadonlyMap<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const body = pages.get(request.url ?? '');
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body ?? 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The Hearth frame inside the element `selector`; `ready` waits until its content is there. */
export async function embedFrame(page: Page, selector = '#thread', ready = true): Promise<Frame> {
  const handle = await page.locator(`${selector} iframe`).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame in ${selector}`);
  if (ready) await frame.waitForSelector('.hearth-embed');
  return frame;
}
