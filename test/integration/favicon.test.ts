import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app.js';
import { parseXml } from '../helpers/xml.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/** The images inside an ICO file: width and the PNG bytes of each. */
function icoImages(ico: Buffer): { width: number; png: Buffer }[] {
  expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const offset = ico.readUInt32LE(entry + 12);
    return { width: ico[entry]!, png: ico.subarray(offset, offset + ico.readUInt32LE(entry + 8)) };
  });
}

/** Red, green, blue, alpha of one pixel of an 8-bit RGBA PNG written without row filters (as ours are). */
function pixel(png: Buffer, x: number, y: number): number[] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const data: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT') data.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const start = y * (width * 4 + 1) + 1 + x * 4;
  return [...rows.subarray(start, start + 4)];
}

describe('the favicon', () => {
  it('serves an SVG in the configured brand colour', async () => {
    ctx = await createTestContext({ brandColor: 'rebeccapurple' });
    const response = await ctx.http.get('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    const svg = parseXml(await response.text());
    expect(svg.documentElement.localName).toBe('svg');
    expect(svg.querySelector('rect')!.getAttribute('fill')).toBe('rebeccapurple');
    const again = await ctx.http.get('/favicon.svg', { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves a real ICO at /favicon.ico, 16 and 32 pixels, drawn in the brand colour', async () => {
    ctx = await createTestContext({ brandColor: 'rgb(200, 30, 90)' });
    const response = await ctx.http.get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const images = icoImages(Buffer.from(await response.arrayBuffer()));
    expect(images.map((image) => image.width)).toEqual([16, 32]);
    // Inside the square, outside the house: the brand colour; the middle of the house: white.
    expect(pixel(images[1]!.png, 4, 28)).toEqual([200, 30, 90, 255]);
    expect(pixel(images[1]!.png, 16, 14)).toEqual([255, 255, 255, 255]);
    // The rounded corner is transparent.
    expect(pixel(images[1]!.png, 0, 0)[3]).toBe(0);
  });

  it('follows every colour form the configuration accepts', async () => {
    for (const [brandColor, expected] of [['#2563eb', [37, 99, 235]], ['#abc', [170, 187, 204]], ['hsl(120, 100%, 25%)', [0, 128, 0]], ['oklch(0.628 0.2577 29.23)', [255, 0, 0]]] as const) {
      ctx = await createTestContext({ brandColor });
      const images = icoImages(Buffer.from(await (await ctx.http.get('/favicon.ico')).arrayBuffer()));
      expect(pixel(images[0]!.png, 2, 14).slice(0, 3), brandColor).toEqual(expected);
      await ctx.close();
      ctx = undefined;
    }
  });

  it('sends /favicon.ico to the SVG for a colour it cannot draw', async () => {
    // A word passes the configuration's check; the browser, not us, decides whether it names a colour.
    ctx = await createTestContext({ brandColor: 'brandblue' });
    const response = await ctx.http.get('/favicon.ico');
    expect([response.status, response.headers.get('location')]).toEqual([302, '/favicon.svg']);
  });

  it('escapes the colour in the SVG', async () => {
    // The configuration refuses such a value; the SVG does not rely on that.
    ctx = await createTestContext({ brandColor: 'red" onload="alert(1)' });
    const svg = parseXml(await (await ctx.http.get('/favicon.svg')).text());
    const rect = svg.querySelector('rect')!;
    expect(rect.getAttribute('onload')).toBeNull();
    expect(rect.getAttribute('fill')).toBe('red" onload="alert(1)');
  });

  it('is linked from every page, so no page asks for a missing icon', async () => {
    ctx = await createTestContext();
    const page = await (await ctx.http.get('/')).text();
    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(page).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32">');
  });
});
