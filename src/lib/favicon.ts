import { deflateSync } from 'node:zlib';
import { parseCssColor, type Rgba } from './css-color.js';

// The favicon: a rounded square in the brand colour with a white house (a hearth's home). The SVG
// is views/favicon.ts; the ICO is drawn here once at start, from the same shape, as 16×16 and
// 32×32 PNG images inside an ICO container (PNG in ICO: every browser since 2007). No image
// library: a few hundred pixels, a zlib call and two small headers.

/** The mark on a 32×32 grid: the square's corner radius and the house's outline. */
export const MARK = {
  size: 32,
  cornerRadius: 7,
  house: [[16, 6], [26, 15], [23, 15], [23, 25], [18, 25], [18, 19], [14, 19], [14, 25], [9, 25], [9, 15], [6, 15]] as const,
};

function insideHouse(x: number, y: number): boolean {
  let inside = false;
  const points = MARK.house;
  for (let index = 0, previous = points.length - 1; index < points.length; previous = index++) {
    const [x1, y1] = points[index]!;
    const [x2, y2] = points[previous]!;
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

function insideSquare(x: number, y: number): boolean {
  const radius = MARK.cornerRadius;
  const dx = Math.max(radius - x, x - (MARK.size - radius), 0);
  const dy = Math.max(radius - y, y - (MARK.size - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

const SAMPLES = 4;

/** RGBA rows, top down; each pixel averaged over 4×4 samples so the edges are smooth. */
function drawPixels(pixels: number, brand: Rgba): Buffer {
  const image = Buffer.alloc(pixels * pixels * 4);
  const scale = MARK.size / pixels;
  for (let row = 0; row < pixels; row++) {
    for (let column = 0; column < pixels; column++) {
      let red = 0, green = 0, blue = 0, alpha = 0;
      for (let sample = 0; sample < SAMPLES * SAMPLES; sample++) {
        const x = (column + ((sample % SAMPLES) + 0.5) / SAMPLES) * scale;
        const y = (row + (Math.floor(sample / SAMPLES) + 0.5) / SAMPLES) * scale;
        if (!insideSquare(x, y)) continue;
        const white = insideHouse(x, y);
        const opacity = white ? 1 : brand.alpha;
        red += (white ? 255 : brand.red) * opacity;
        green += (white ? 255 : brand.green) * opacity;
        blue += (white ? 255 : brand.blue) * opacity;
        alpha += opacity;
      }
      const offset = (row * pixels + column) * 4;
      if (alpha > 0) image.set([red / alpha, green / alpha, blue / alpha].map(Math.round), offset);
      image[offset + 3] = Math.round((alpha / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return image;
}

const crcTable = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(pixels: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(pixels * (pixels * 4 + 1)); // each row starts with filter type 0 (none)
  for (let row = 0; row < pixels; row++) rgba.copy(rows, row * (pixels * 4 + 1) + 1, row * pixels * 4, (row + 1) * pixels * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** An ICO file holding the mark at 16 and 32 pixels; null when the colour cannot be turned into pixels. */
export function faviconIco(brandColor: string): Buffer | null {
  const brand = parseCssColor(brandColor);
  if (!brand) return null;
  const images = [16, 32].map((pixels) => ({ pixels, data: png(pixels, drawPixels(pixels, brand)) }));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, index) => {
    const entry = 6 + 16 * index;
    header.set([image.pixels, image.pixels, 0, 0], entry); // width, height, no palette, reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(image.data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}
