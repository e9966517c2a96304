import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { loadConfig } from '../../src/config.js';
import { users } from '../../src/db/schema.js';
import { createForumContext, location } from '../helpers/forum.js';
import { serveWithCachedPages } from '../helpers/server.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;

beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(async () => {
  await ctx.close();
});

const htmlTag = (page: string) => /<html [^>]*>/.exec(page)?.[0];
const sessionFor = (id: number) => `${SESSION_COOKIE}=${createSession(ctx.db, id, ctx.clock.now()).token}`;

describe('which language a page is in', () => {
  it('is the community default, English, with lang and dir on <html>', async () => {
    const page = await (await ctx.http.get('/')).text();
    expect(htmlTag(page)).toBe('<html lang="en" dir="ltr">');
    expect(page).toContain('>Log in<');
  });

  it('follows the picker: POST /locale sets hearth_locale and goes back where the reader was', async () => {
    const response = await ctx.http.post('/locale', { locale: 'ar', next: '/c/kettles?sort=top' });
    expect(location(response)).toBe('/c/kettles?sort=top');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hearth_locale=ar;/);
    expect(cookie).toContain('SameSite=Lax');
    const page = await (await ctx.http.get('/', { cookie: 'hearth_locale=ar' })).text();
    expect(htmlTag(page)).toBe('<html lang="ar" dir="rtl">');
    expect(page).toContain('تسجيل الدخول');
  });

  it('goes back to the page the footer picker was on, by its Referer, and never to another site', async () => {
    const base = ctx.config.baseUrl;
    expect(location(await ctx.http.post('/locale', { locale: 'tr' }, { headers: { referer: `${base}/c/kettles?sort=top` } }))).toBe('/c/kettles?sort=top');
    expect(location(await ctx.http.post('/locale', { locale: 'tr' }, { headers: { referer: 'https://evil.example/c/kettles' } }))).toBe('/');
    expect(location(await ctx.http.post('/locale', { locale: 'tr' }))).toBe('/');
    const page = await (await ctx.http.get('/c/kettles?sort=top')).text();
    expect(page).toContain('action="/locale"');
    expect(page).not.toContain('name="next" value="/c/kettles');
  });

  it('never follows a next that leaves the site', async () => {
    expect(location(await ctx.http.post('/locale', { locale: 'tr', next: '//evil.example/' }))).toBe('/');
    expect(location(await ctx.http.post('/locale', { locale: 'tr', next: 'https://evil.example/' }))).toBe('/');
  });

  it('refuses a language it does not have with a clear page, and sets nothing', async () => {
    const response = await ctx.http.post('/locale', { locale: 'xx-Klingon', next: '/' });
    expect(response.status).toBe(422);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('We do not have that language yet');
  });

  it('matches tags on language and script: zh-CN means Simplified Chinese, zh-TW matches nothing', async () => {
    expect(htmlTag(await (await ctx.http.get('/', { cookie: 'hearth_locale=zh-CN' })).text())).toBe('<html lang="zh-Hans" dir="ltr">');
    expect(htmlTag(await (await ctx.http.get('/', { cookie: 'hearth_locale=zh-TW' })).text())).toBe('<html lang="en" dir="ltr">');
  });

  it('never depends on Accept-Language, which only preselects the chooser on /locale', async () => {
    const home = await ctx.http.get('/', { headers: { 'accept-language': 'ar,en;q=0.5' } });
    expect(htmlTag(await home.text())).toBe('<html lang="en" dir="ltr">');
    expect(home.headers.get('vary') ?? '').not.toMatch(/accept-language/i);
    const chooser = await (await ctx.http.get('/locale?next=/c/kettles', { headers: { 'accept-language': 'de;q=0.9, tr-TR;q=0.8, en;q=0.1' } })).text();
    expect(chooser).toMatch(/value="tr" checked/);
    expect(chooser).toContain('<input type="hidden" name="next" value="/c/kettles">');
  });

  it('is a signed-in member\'s own choice, kept on their account, whatever the cookie says', async () => {
    const session = sessionFor(ctx.other.id);
    const response = await ctx.http.post('/locale', { locale: 'tr', next: '/' }, { cookie: session });
    expect(response.status).toBe(303);
    expect(ctx.db.select({ locale: users.locale }).from(users).where(eq(users.id, ctx.other.id)).get()?.locale).toBe('tr');
    const page = await (await ctx.http.get('/', { cookie: `hearth_locale=ar; ${session}` })).text();
    expect(htmlTag(page)).toBe('<html lang="tr" dir="ltr">');
    expect(page).toContain('Çıkış yap');
  });

  it('announces every language of a public page as hreflang alternates, each its own canonical', async () => {
    const page = await (await ctx.http.get('/')).text();
    for (const tag of ['en', 'zh-Hans', 'ar', 'tr']) {
      expect(page).toContain(`<link rel="alternate" hreflang="${tag}" href="${ctx.config.baseUrl}/?locale=${tag}">`);
    }
    expect(page).toContain(`<link rel="alternate" hreflang="x-default" href="${ctx.config.baseUrl}/">`);
    const chinese = await (await ctx.http.get('/?locale=zh-Hans')).text();
    expect(htmlTag(chinese)).toBe('<html lang="zh-Hans" dir="ltr">');
    expect(chinese).toContain(`<link rel="canonical" href="${ctx.config.baseUrl}/?locale=zh-Hans">`);
  });

  it('keeps one anonymous cache entry per language, each with its own ETag', async () => {
    const english = await ctx.http.get('/c/kettles');
    const arabic = await ctx.http.get('/c/kettles', { cookie: 'hearth_locale=ar' });
    expect(htmlTag(await english.text())).toBe('<html lang="en" dir="ltr">');
    expect(htmlTag(await arabic.text())).toBe('<html lang="ar" dir="rtl">');
    expect(english.headers.get('etag')).not.toBe(arabic.headers.get('etag'));
    const again = await ctx.http.get('/c/kettles', { cookie: 'hearth_locale=ar' });
    expect(htmlTag(await again.text())).toBe('<html lang="ar" dir="rtl">');
    expect(again.headers.get('etag')).toBe(arabic.headers.get('etag'));
  });
});

describe('DEFAULT_LOCALE and TIME_ZONE', () => {
  it('start the community in the configured language', async () => {
    const turkish = await createForumContext({ defaultLocale: 'tr' });
    try {
      expect(htmlTag(await (await turkish.http.get('/')).text())).toBe('<html lang="tr" dir="ltr">');
    } finally {
      await turkish.close();
    }
  });

  it('refuse a locale that is not shipped and a time zone that does not exist, naming the variable', () => {
    expect(() => loadConfig({ DEFAULT_LOCALE: 'xx' })).toThrow(/DEFAULT_LOCALE: must be one of the shipped locales: en, ar, tr, zh-Hans/);
    expect(() => loadConfig({ TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/TIME_ZONE: must be an IANA time zone/);
    expect(loadConfig({ DEFAULT_LOCALE: 'zh-CN', TIME_ZONE: 'Asia/Shanghai' })).toMatchObject({ defaultLocale: 'zh-Hans', timeZone: 'Asia/Shanghai' });
  });
});

describe('the page cache served before the router', () => {
  it('answers each language from its own entry', async () => {
    const served = await serveWithCachedPages(ctx, () => undefined);
    try {
      await served.get('/c/kettles', { cookie: 'hearth_locale=tr' });
      await served.get('/c/kettles');
      const turkish = await served.get('/c/kettles', { cookie: 'hearth_locale=tr' });
      const english = await served.get('/c/kettles');
      expect(turkish.reachedApp).toBe(false);
      expect(english.reachedApp).toBe(false);
      expect(htmlTag(turkish.text)).toBe('<html lang="tr" dir="ltr">');
      expect(htmlTag(english.text)).toBe('<html lang="en" dir="ltr">');
    } finally {
      await served.close();
    }
  });
});
