import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.js';
import { location } from '../helpers/forum.js';
import { createEmbedContext } from '../helpers/embed.js';

let ctx: Awaited<ReturnType<typeof createEmbedContext>>;

beforeAll(async () => {
  ctx = await createEmbedContext();
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

const htmlTag = (page: string) => /<html [^>]*>/.exec(page)?.[0];

describe('/admin/language: the community’s default language and time zone', () => {
  it('is for admins: a manager gets a 403, a visitor is asked to log in', async () => {
    expect((await ctx.http.get('/admin/language', { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.post('/admin/language', { locale: 'tr', timeZone: 'UTC' }, { as: ctx.manager })).status).toBe(403);
    expect((await ctx.http.post('/admin/language', { locale: 'tr', timeZone: 'UTC' }, { as: ctx.member })).status).toBe(403);
    expect(location(await ctx.http.get('/admin/language'))).toBe(`/login?next=${encodeURIComponent('/admin/language')}`);
    expect(htmlTag(await (await ctx.http.get('/')).text())).toBe('<html lang="en" dir="ltr">');
  });

  it('lists each shipped language in itself and every time zone, with the current ones chosen', async () => {
    const page = await (await ctx.http.get('/admin/language', { as: ctx.admin })).text();
    expect(page).toContain('<h1>Language and time zone</h1>');
    expect(page).toMatch(/value="en" checked/);
    for (const name of ['English', 'العربية', 'Türkçe', '简体中文']) expect(page).toContain(`>${name}</span>`);
    expect(page).toContain('<option selected>UTC</option>');
    expect(page).toContain('<option>Europe/Istanbul</option>');
    expect(page).toContain('href="/admin/language" aria-current="page"');
  });

  it('refuses a time zone that does not exist with 422, keeping the chosen language', async () => {
    const response = await ctx.http.post('/admin/language', { locale: 'ar', timeZone: 'Mars/Olympus_Mons' }, { as: ctx.admin });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('We do not know that time zone. Please choose one from the list.');
    expect(page).toMatch(/value="ar" checked/);
    const unknown = await ctx.http.post('/admin/language', { locale: 'xx', timeZone: 'UTC' }, { as: ctx.admin });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('We do not have that language yet. Please choose one from the list.');
    expect(htmlTag(await (await ctx.http.get('/')).text())).toBe('<html lang="en" dir="ltr">');
  });

  it('saves Turkish: cached anonymous pages switch at once, members without their own choice too', async () => {
    const before = await ctx.http.get('/c/kettles');
    expect(htmlTag(await before.text())).toBe('<html lang="en" dir="ltr">');
    const chosenArabic = await ctx.http.get('/c/kettles', { cookie: 'hearth_locale=ar' });
    expect(htmlTag(await chosenArabic.text())).toBe('<html lang="ar" dir="rtl">');

    const saved = await ctx.http.post('/admin/language', { locale: 'tr', timeZone: 'Europe/Istanbul' }, { as: ctx.admin });
    expect(location(saved)).toBe('/admin/language?done=saved');

    const after = await ctx.http.get('/c/kettles', { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(htmlTag(await after.text())).toBe('<html lang="tr" dir="ltr">');
    expect(htmlTag(await (await ctx.http.get('/c/kettles', { cookie: 'hearth_locale=ar' })).text())).toBe('<html lang="ar" dir="rtl">');
    const member = await (await ctx.http.get('/', { as: ctx.member })).text();
    expect(htmlTag(member)).toBe('<html lang="tr" dir="ltr">');

    const page = await (await ctx.http.get('/admin/language?done=saved', { as: ctx.admin })).text();
    expect(page).toContain('<h1>Dil ve saat dilimi</h1>');
    expect(page).toContain('Kaydedildi.');
    expect(page).toMatch(/value="tr" checked/);
    expect(page).toContain('<option selected>Europe/Istanbul</option>');

    // A member's own choice still wins; and English comes back the same way.
    ctx.db.update(users).set({ locale: 'en' }).where(eq(users.id, ctx.other.id)).run();
    expect(htmlTag(await (await ctx.http.get('/', { as: ctx.other })).text())).toBe('<html lang="en" dir="ltr">');
    expect(location(await ctx.http.post('/admin/language', { locale: 'en', timeZone: 'UTC' }, { as: ctx.admin }))).toBe('/admin/language?done=saved');
    expect(htmlTag(await (await ctx.http.get('/c/kettles')).text())).toBe('<html lang="en" dir="ltr">');
  });
});
