import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.js';
import { makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { editPost } from '../../src/forum/edits.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext } from '../helpers/forum.js';

// Writing (new thread, replies, edits, history), search and the errors any request can meet, in the
// reader's language: translated headings, buttons and service errors, and member text that runs in
// its own direction (dir="auto") inside a page written the other way.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let arabic: SignedIn;
let chinese: SignedIn;
let turkish: SignedIn;
let thread: { threadId: number; postId: number; slug: string };

const inLocale = async (username: string, locale: string) => {
  const member = await makeUser(ctx.services, { username });
  ctx.db.update(users).set({ locale }).where(eq(users.id, member.id)).run();
  return member;
};

beforeAll(async () => {
  ctx = await createForumContext({ rateLimit: true });
  arabic = await inLocale('samira', 'ar');
  chinese = await inLocale('lihua', 'zh-Hans');
  turkish = await inLocale('elif', 'tr');
  thread = await makeThread(ctx.services, arabic, { category: 'kettles', title: 'الغلاية تنطفئ قبل الغليان', body: 'جربت إزالة الترسبات ولم ينجح ذلك.' });
  await makeReply(ctx.services, ctx.member, { threadId: thread.threadId, body: 'Descaling with citric acid fixed mine.' });
  // Established members: the posting limit for a first day would get in the way of the other tests.
  ctx.clock.advance(2 * 24 * 60 * 60_000);
});
afterAll(() => ctx.close());

describe('the new-thread form', () => {
  it('is in Arabic for an Arabic member, with the title and message typed in their own direction', async () => {
    const page = await (await ctx.http.get('/new', { as: arabic })).text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<h1>بدء موضوع جديد</h1>');
    expect(page).toContain('>بدء الموضوع</button>');
    expect(page).toMatch(/<input id="field-title" name="title" type="text" value="" dir="auto"/);
    expect(page).toMatch(/<textarea id="field-body" name="body" rows="10" dir="auto"/);
    // The similar-threads script writes its heading and tag from the box, in the page's language.
    expect(page).toContain('data-heading="ربما تمت الإجابة عنه بالفعل" data-solved="تم الحل"');
  });

  it('refuses a short title in Arabic, with the plural the number takes, keeping the text', async () => {
    const response = await ctx.http.post('/t', { category: 'kettles', title: 'قصير', body: 'نص طويل بما يكفي' }, { as: arabic });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('العنوان قصير جدًا: يُرجى استخدام 5 أحرف على الأقل.');
    expect(page).toContain('نص طويل بما يكفي');
  });

  it('asks a Chinese member to choose a category, in Chinese', async () => {
    const response = await ctx.http.post('/t', { category: '', title: '电动自行车充电器坏了', body: '充电时指示灯一直闪烁。' }, { as: chinese });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('请为您的讨论选择一个版块。');
    expect(page).toContain('电动自行车充电器坏了');
  });

  it('says in Chinese that a new member is posting too soon, with the text kept and no space between sentences', async () => {
    const fresh = await inLocale('xiaoming', 'zh-Hans');
    expect((await ctx.http.post('/t', { category: 'kettles', title: '第一个问题来了', body: '你好' }, { as: fresh })).status).toBe(303);
    const refused = await ctx.http.post('/t', { category: 'kettles', title: '第二个问题来了', body: '我的第二段文字' }, { as: fresh });
    expect(refused.status).toBe(429);
    const page = await refused.text();
    expect(page).toMatch(/新成员每 30 秒只能发帖一次。请在 \d+ 秒后重试。您的文字保留在下方。/);
    expect(page).toContain('我的第二段文字');
  });
});

describe('similar threads', () => {
  it('count replies in the reader’s language for the script', async () => {
    const response = await ctx.http.get('/similar?title=%D8%A7%D9%84%D8%BA%D9%84%D8%A7%D9%8A%D8%A9%20%D8%AA%D9%86%D8%B7%D9%81%D8%A6', { cookie: 'hearth_locale=ar' });
    const body = (await response.json()) as { threads: { title: string; replies: string }[] };
    expect(body.threads).toEqual([expect.objectContaining({ title: 'الغلاية تنطفئ قبل الغليان', replies: 'رد واحد' })]);
  });
});

describe('replies and edits', () => {
  it('refuses a silenced Arabic member’s reply in Arabic, giving the text back to copy', async () => {
    const silenced = await inLocale('karim', 'ar');
    expect((await ctx.http.post('/mod/users/karim/silence', { days: '2', reason: 'ردود حادة' }, { as: ctx.manager })).status).toBe(303);
    const response = await ctx.http.post(`/t/${thread.threadId}/replies`, { body: 'ردي الطويل' }, { as: silenced });
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toMatch(/تم كتم حسابك حتى [^(]+ \(«ردود حادة»\)، لذا لا يمكنك النشر/);
    expect(page).toMatch(/<textarea id="kept-body" rows="8" dir="auto" readonly>\nردي الطويل<\/textarea>/);
    expect(page).toContain('>العودة إلى الموضوع</a>');
  });

  it('shows the edit form in Turkish, with the member’s text in its own direction', async () => {
    const mine = await makeThread(ctx.services, turkish, { category: 'kettles', title: 'Kettle filtresi nerede satılıyor?', body: 'Filtreyi bulamadım.' });
    const page = await (await ctx.http.get(`/p/${mine.postId}/edit`, { as: turkish })).text();
    expect(page).toContain('<h1>Gönderinizi düzenleyin</h1>');
    expect(page).toContain('>Değişiklikleri kaydet</button>');
    expect(page).toContain('>Konuya dön</a>');
    expect(page).toMatch(/name="title" type="text" value="Kettle filtresi nerede satılıyor\?" dir="auto"/);
  });

  it('refuses, in Turkish, to edit someone else’s post', async () => {
    const response = await ctx.http.get(`/p/${thread.postId}/edit`, { as: turkish });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Yalnızca kendi gönderilerinizi düzenleyebilirsiniz; kilitli konularda düzenleme yapılamaz.');
  });

  it('shows the edit history in Chinese, earlier versions in their own direction', async () => {
    await editPost(ctx.services, arabic, { postId: thread.postId, body: 'جربت إزالة الترسبات مرتين.', title: 'الغلاية تنطفئ قبل أن يغلي الماء' });
    const page = await (await ctx.http.get(`/p/${thread.postId}/revisions`, { as: ctx.manager })).text();
    expect(page).toContain('Edit history of post #1');
    ctx.db.update(users).set({ locale: 'zh-Hans' }).where(eq(users.id, ctx.manager.id)).run();
    const chinesePage = await (await ctx.http.get(`/p/${thread.postId}/revisions`, { as: ctx.manager })).text();
    ctx.db.update(users).set({ locale: null }).where(eq(users.id, ctx.manager.id)).run();
    expect(chinesePage).toContain('<h1>帖子 #1 的编辑历史</h1>');
    expect(chinesePage).toContain('<pre class="revision-body" dir="auto">جربت إزالة الترسبات ولم ينجح ذلك.</pre>');
    expect(chinesePage).toContain('原标题：<strong><bdi>الغلاية تنطفئ قبل الغليان</bdi></strong>');
  });
});

describe('search', () => {
  it('is in Arabic, with member text in its own direction and the time as a relative one', async () => {
    const page = await (await ctx.http.get('/search?q=citric', { cookie: 'hearth_locale=ar' })).text();
    expect(page).toContain('<h1>البحث في المجتمع</h1>');
    expect(page).toContain('<p class="result-count" role="status">نتيجة واحدة</p>');
    expect(page).toMatch(/<h2><a href="\/p\/\d+" dir="auto">الغلاية تنطفئ قبل أن يغلي الماء<\/a><\/h2>/);
    expect(page).toContain('<p class="snippet" dir="auto">');
    expect(page).toContain('<bdi>alice</bdi>');
    expect(page).toMatch(/<time datetime="[^"]+" title="[^"]+">أول أمس<\/time> · الرد رقم 2/);
  });

  it('says in Turkish when nothing matched, with the query isolated from the sentence', async () => {
    const page = await (await ctx.http.get('/search?q=zzyzx', { cookie: 'hearth_locale=tr' })).text();
    expect(page).toContain('“<bdi>zzyzx</bdi>” için hiçbir sonuç bulunamadı.');
    expect(page).toContain('<a href="/new">topluluğa sorun</a>');
  });
});

describe('errors any request can meet', () => {
  it('says a page does not exist in Turkish', async () => {
    const response = await ctx.http.get('/no-such-page', { cookie: 'hearth_locale=tr' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('İstediğiniz sayfa yok veya kaldırılmış.');
  });

  it('refuses a form from another site in Arabic', async () => {
    const response = await ctx.http.post('/locale', { locale: 'en', next: '/' }, { cookie: 'hearth_locale=ar', headers: { origin: 'https://elsewhere.example' } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('أُرسل هذا النموذج من موقع آخر، لذا لم نقبله.');
  });

  it('refuses a staff tool’s invalid title in Chinese, one sentence after the other', async () => {
    ctx.db.update(users).set({ locale: 'zh-Hans' }).where(eq(users.id, ctx.manager.id)).run();
    const response = await ctx.http.post(`/t/${thread.threadId}/rename`, { title: 'abc' }, { as: ctx.manager });
    ctx.db.update(users).set({ locale: null }).where(eq(users.id, ctx.manager.id)).run();
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('标题太短：请至少输入 5 个字符。请返回后重试。');
  });
});
