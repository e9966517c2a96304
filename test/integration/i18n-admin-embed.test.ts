import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReply, makeThread } from '../../src/demo/factories.js';
import { posts, users } from '../../src/db/schema.js';
import { createApiKey } from '../../src/embed/api-keys.js';
import { location } from '../helpers/forum.js';
import { createEmbedContext, HELP_CENTER } from '../helpers/embed.js';

let ctx: Awaited<ReturnType<typeof createEmbedContext>>;
let thread: { threadId: number; slug: string };
let token: string;

beforeAll(async () => {
  ctx = await createEmbedContext();
  thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'الغلاية تنطفئ قبل الغليان', body: 'تتوقف عند 90 درجة.' });
  await makeReply(ctx.services, ctx.manager, { threadId: thread.threadId, body: 'Descaling fixed it.' });
  token = createApiKey(ctx.services, ctx.admin, { name: 'Help center' }).token;
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

  it("writes each change to the team's log, with the language and zone chosen", async () => {
    expect(location(await ctx.http.post('/admin/language', { locale: 'zh-Hans', timeZone: 'Asia/Shanghai' }, { as: ctx.admin }))).toBe('/admin/language?done=saved');
    expect(location(await ctx.http.post('/admin/language', { locale: 'en', timeZone: 'UTC' }, { as: ctx.admin }))).toBe('/admin/language?done=saved');
    const log = await (await ctx.http.get('/mod/log', { as: ctx.admin })).text();
    expect(log.match(/changed the community(’|&#39;)s language and time zone/g)?.length).toBeGreaterThanOrEqual(2);
    expect(log).toContain('Asia/Shanghai');
  });
});

/** An admin (or anyone) reading in their own language, chosen on their account. */
function readsIn(user: { id: number }, locale: string | null) {
  ctx.db.update(users).set({ locale }).where(eq(users.id, user.id)).run();
}

describe('the admin pages in the reader’s language', () => {
  afterAll(() => readsIn(ctx.admin, null));

  it('Embedding in Arabic: headings, buttons, member-named keys with dir="auto", and refusals from the service', async () => {
    readsIn(ctx.admin, 'ar');
    const page = await (await ctx.http.get('/admin/embedding', { as: ctx.admin })).text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<h1>التضمين</h1>');
    expect(page).toContain('>السماح لهذا الموقع</button>');
    expect(page).toContain('<span dir="auto">Help center</span>');
    expect(page).toContain('<code dir="ltr">data-hearth-locale=&quot;ar&quot;</code>');

    const refused = await ctx.http.post('/admin/embedding/origins', { origin: 'https://*.example.com' }, { as: ctx.admin });
    expect(refused.status).toBe(422);
    const text = await refused.text();
    expect(text).toContain('لا يُسمح بأحرف البدل');
    expect(text).toContain('value="https://*.example.com"');
    const taken = await (await ctx.http.post('/admin/embedding/origins', { origin: HELP_CENTER }, { as: ctx.admin })).text();
    expect(taken).toContain(`الموقع ${HELP_CENTER} مسموح له بالتضمين بالفعل.`);
  });

  it('watched words, categories and flags in Turkish and Chinese', async () => {
    readsIn(ctx.admin, 'tr');
    expect(location(await ctx.http.post('/admin/watched-words', { word: 'kumar', action: 'censor' }, { as: ctx.admin }))).toBe('/admin/watched-words?done=added');
    const words = await (await ctx.http.get('/admin/watched-words?done=added', { as: ctx.admin })).text();
    expect(words).toContain('<h1>İzlenen kelimeler</h1>');
    expect(words).toContain('Eklendi. Bundan sonra yazılan gönderiler bunun için denetlenir.');
    expect(words).toContain('<td dir="auto">kumar</td>');
    expect(words).toContain('<strong>Sansürle</strong>: kelime gösterilirken ■ ile maskelenir');
    expect(words).toContain('Kaldır<span class="visually-hidden"> “<bdi>kumar</bdi>”</span>');
    expect(words).toContain('<bdi>ada</bdi>, <time');

    readsIn(ctx.admin, 'zh-Hans');
    const categories = await (await ctx.http.get('/admin/categories', { as: ctx.admin })).text();
    expect(categories).toContain('<h1>版块</h1>');
    expect(categories).toContain('<a href="/c/kettles" dir="auto">Smart Kettles</a>');
    expect(categories).toContain('保存 <bdi>Smart Kettles</bdi>');
    const flags = await (await ctx.http.get('/admin/flags', { as: ctx.admin })).text();
    expect(flags).toContain('<button type="submit">保存举报设置</button>');
  });

  it('embed keys for a thread in Arabic, with the title isolated and a refused key explained', async () => {
    readsIn(ctx.manager, 'ar');
    const page = await (await ctx.http.get(`/t/${thread.threadId}/embed-key`, { as: ctx.manager })).text();
    expect(page).toContain('<h1>مفاتيح التضمين</h1>');
    expect(page).toContain('تعرض الصفحات التي تضمّن أحد هذه المفاتيح «<bdi>الغلاية تنطفئ قبل الغليان</bdi>».');
    expect(page).toContain('placeholder="help-article-42"');
    const refused = await ctx.http.post(`/t/${thread.threadId}/embed-key`, { key: 'no spaces here' }, { as: ctx.manager });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('يتكوّن المفتاح من 128 حرفًا لاتينيًا');
    const threadPage = await (await ctx.http.get(`/t/${thread.threadId}/${thread.slug}`, { as: ctx.manager })).text();
    expect(threadPage).toContain('<label for="embed-key">مفتاح التضمين</label>');
    readsIn(ctx.manager, null);
  });
});

const frameOf = (path: string, locale?: string) => `${path}?origin=${encodeURIComponent(HELP_CENTER)}${locale ? `&locale=${locale}` : ''}`;

describe('embeds in the language the host page asks for', () => {
  it('an Arabic frame is Arabic and right to left, member text marked dir="auto"', async () => {
    const page = await (await ctx.http.get(frameOf(`/embed/t/${thread.threadId}`, 'ar'))).text();
    expect(page).toMatch(/<html lang="ar" dir="rtl" data-theme="auto" data-embedded>/);
    expect(page).toContain('>ردّ في المجتمع</a>');
    expect(page).toContain('<span class="embed-badge">مدير المجتمع</span>');
    expect(page).toContain('ردّ واحد في <a href="http://localhost:3000/c/kettles" dir="auto">Smart Kettles</a>'.replace('http://localhost:3000', ctx.config.baseUrl));
    expect(page).toMatch(/<h1 class="embed-title"><a href="[^"]+" dir="auto">الغلاية تنطفئ قبل الغليان<\/a><\/h1>/);
    expect(page).toContain('<div class="embed-post-body" dir="auto">');
  });

  it('a tag for the same language and script means the shipped locale; anything else the community default', async () => {
    expect(await (await ctx.http.get(frameOf('/embed/c/kettles', 'zh-CN'))).text()).toContain('<html lang="zh-Hans" dir="ltr"');
    expect(await (await ctx.http.get(frameOf('/embed/c/kettles', 'de'))).text()).toContain('<html lang="en" dir="ltr"');
  });

  it('never follows a cookie or a member’s own language: the URL is the whole cache key', async () => {
    readsIn(ctx.other, 'tr');
    const cookie = await (await ctx.http.get(frameOf(`/embed/t/${thread.threadId}`), { cookie: 'hearth_locale=ar' })).text();
    const member = await (await ctx.http.get(frameOf(`/embed/t/${thread.threadId}`), { as: ctx.other })).text();
    readsIn(ctx.other, null);
    for (const page of [cookie, member]) {
      expect(page).toContain('<html lang="en" dir="ltr"');
      expect(page).toContain('>Reply in the community</a>');
    }
  });

  it('says why it cannot show a discussion, in the frame’s language', async () => {
    const refused = await ctx.http.get(`/embed/t/${thread.threadId}?origin=${encodeURIComponent('https://elsewhere.example.net')}&locale=tr`);
    expect(refused.status).toBe(403);
    const page = await refused.text();
    expect(page).toContain('<h1 class="embed-title">Bu site tartışmayı gösteremez</h1>');
    expect(page).toContain('https://elsewhere.example.net adresindeki sitenin');
    const missing = await (await ctx.http.get(frameOf('/embed/k/no-such-article', 'zh-Hans'))).text();
    expect(missing).toContain('还没有讨论');
  });

  it('the server-included fragment names its language, which the upgraded frame keeps', async () => {
    const fragment = await (await ctx.http.get(`/embed/t/${thread.threadId}/fragment?locale=tr`)).text();
    expect(fragment).toMatch(/^<section class="hearth-fragment" data-hearth-thread="\d+" lang="tr" dir="ltr"/);
    expect(fragment).toContain('Toplulukta tartışmaya katılın');
    expect(fragment).toContain('kategorisinde 1 yanıt');
  });

  it('embed.js carries the frame title and the fallback link in every language, and the community default', async () => {
    const before = await ctx.http.get('/embed.js');
    const script = await before.text();
    expect(script).toContain('var WORDS = {"en":["Community discussion","Open the discussion in the community"],"ar":["نقاش المجتمع","افتح النقاش في المجتمع"]');
    expect(script).toContain('"tr":["Topluluk tartışması","Tartışmayı toplulukta açın"]');
    expect(script).toContain('var DEFAULT_LOCALE = "en";');
    expect(script).toContain("url.searchParams.set('locale', embed.locale);");

    await ctx.http.post('/admin/language', { locale: 'ar', timeZone: 'UTC' }, { as: ctx.admin });
    const after = await ctx.http.get('/embed.js', { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('var DEFAULT_LOCALE = "ar";');
    expect(await (await ctx.http.get(frameOf('/embed/c/kettles'))).text()).toContain('<html lang="ar" dir="rtl"');
    await ctx.http.post('/admin/language', { locale: 'en', timeZone: 'UTC' }, { as: ctx.admin });
  });
});

function register(body: unknown, headers: Record<string, string> = {}, query = '') {
  return ctx.app.request(new URL(`/api/v1/embed/threads${query}`, ctx.config.baseUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string; fields?: Record<string, string> } }).error;

describe('the JSON API’s messages', () => {
  it('are English by default, whatever the community’s language, and follow Accept-Language or ?locale=', async () => {
    await ctx.http.post('/admin/language', { locale: 'tr', timeZone: 'UTC' }, { as: ctx.admin });
    try {
      expect((await errorOf(await ctx.http.get('/api/v1/threads/999999'))).message).toBe('That thread does not exist, or it was removed.');
      expect((await errorOf(await ctx.http.get('/api/v1/threads/1?page=x'))).message).toBe('There is no such page of this thread.');
      expect((await errorOf(await ctx.http.get('/api/v1/threads/1?page=x&locale=ar'))).message).toBe('لا توجد صفحة كهذه في هذا الموضوع.');
      const chinese = await ctx.http.get('/api/v1/nothing-here', { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
      expect(chinese.status).toBe(404);
      expect((await errorOf(chinese)).message).toBe('此地址没有 API 端点。请参阅 GET /api/v1/threads/:id 和 POST /api/v1/embed/threads。');
    } finally {
      await ctx.http.post('/admin/language', { locale: 'en', timeZone: 'UTC' }, { as: ctx.admin });
    }
  });

  it('translate field errors from the service and from the body’s shape', async () => {
    const turkish = await register({ key: 'bad key!', title: 'Kireç', url: 'ftp://x', category: 'toasters' }, { 'accept-language': 'tr' });
    expect(turkish.status).toBe(422);
    const error = await errorOf(turkish);
    expect(error.fields?.['url']).toBe('Makalenin https:// ile başlayan tam adresini verin.');
    expect(error.fields?.['category']).toBe('"toasters" kısa adına sahip bir kategori yok. Şunlardan birini kullanın: kettles.');
    const english = await errorOf(await register({ key: 'k1' }));
    expect(english.fields?.['title']).toBe('Give the article’s title as a string.');
    const unauthorized = await register({}, { authorization: 'Bearer nope', 'accept-language': 'ar' });
    expect(unauthorized.status).toBe(401);
    expect((await errorOf(unauthorized)).message).toContain('مفتاح API مفقود أو غير صحيح.');
  });

  it('writes a registered thread’s opening post in the community’s language', async () => {
    await ctx.http.post('/admin/language', { locale: 'tr', timeZone: 'UTC' }, { as: ctx.admin });
    try {
      const response = await register({ key: 'kb-7', title: 'Kireç çözme', url: 'https://help.example.com/kb/7', category: 'kettles' });
      expect(response.status).toBe(201);
      const { thread: created } = (await response.json()) as { thread: { id: number } };
      const opening = ctx.db.select({ body: posts.body }).from(posts).where(and(eq(posts.threadId, created.id), eq(posts.number, 1))).get();
      expect(opening?.body).toBe('Bu yardım makalesiyle ilgili sorularınız ya da ipuçlarınız mı var? Burada tartışın.\n\nMakaleyi okuyun: [Kireç çözme](<https://help.example.com/kb/7>)');
    } finally {
      await ctx.http.post('/admin/language', { locale: 'en', timeZone: 'UTC' }, { as: ctx.admin });
    }
  });
});
