import { describe, expect, it } from 'vitest';
import { sameSlug, slugify, threadPath, threadSlug } from '../../src/lib/slug.js';

describe('threadSlug', () => {
  it.each([
    ['Descaling schedule for the K2', 'descaling-schedule-for-the-k2'],
    ["İstanbul'da şarj ıstasyonu", 'istanbulda-sarj-istasyonu'],
    ['KADIKÖY şubesi', 'kadikoy-subesi'],
    ["Don't charge overnight", 'dont-charge-overnight'],
    ['Café racer: ß & Ø', 'cafe-racer-ss-o'],
    ['我的电动自行车充电器坏了，电池续航怎么样？', '我的电动自行车充电器坏了-电池续航怎么样'],
    ['البَطَّارِيَّة لا تشحن', 'البطارية-لا-تشحن'],
    ['Привет, мир', 'привет-мир'],
    ['USB充电器 v2.0', 'usb充电器-v2-0'],
    ['!!!', 'thread'],
  ])('%s → %s', (title, readable) => {
    const slug = threadSlug(title);
    expect(decodeURIComponent(slug)).toBe(readable);
    // Stored URL-ready: nothing but ASCII that needs no further encoding in a URL or a header.
    expect(slug).toMatch(/^[A-Za-z0-9%-]+$/);
  });

  it('lower-cases İ to a plain i, never i and a combining dot', () => {
    expect(decodeURIComponent(threadSlug('İzmir İade'))).toBe('izmir-iade');
  });

  it('cuts long titles by characters, never inside a letter', () => {
    const slug = decodeURIComponent(threadSlug('电'.repeat(100) + ' 𠀀'.repeat(50)));
    expect([...slug].length).toBeLessThanOrEqual(60);
    expect(slug).toBe('电'.repeat(60));
  });
});

describe('category slugs stay ASCII', () => {
  it.each([
    ['Smart Kettles', 'smart-kettles'],
    ["İstanbul'da şarj", 'istanbulda-sarj'],
    ['电动自行车', 'thread'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name, 40)).toBe(slug);
  });
});

describe('sameSlug and threadPath', () => {
  const stored = threadSlug('电动自行车充电器');
  it.each([
    ['the stored form', stored, true],
    ['decoded', '电动自行车充电器', true],
    ['in lower-case hex', stored.toLowerCase(), true],
    ['decomposed (NFD) after decoding', encodeURIComponent('电动自行车充电器'.normalize('NFD')), true],
    ['another slug', threadSlug('电动自行车'), false],
    ['malformed percent-encoding', '%E7%94', false],
    ['missing', undefined, false],
  ])('%s → %s', (_name, requested, same) => {
    expect(sameSlug(requested, stored)).toBe(same);
  });

  it('builds the path with the stored slug and a page', () => {
    expect(threadPath(7, stored, 2)).toBe(`/t/7/${stored}?page=2`);
    expect(threadPath(7, 'abc')).toBe('/t/7/abc');
  });
});
