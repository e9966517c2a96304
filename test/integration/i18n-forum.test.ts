import { eq } from 'drizzle-orm';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { users } from '../../src/db/schema.js';
import { createForumContext, location } from '../helpers/forum.js';

// Reading the forum in the reader's language: home, category, thread and profile pages, the
// services' messages, relative times that stay fresh on cached pages, and member text that keeps
// its own direction (dir="auto") inside a page of the other direction.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let thread: { threadId: number; path: string };
let arabicMember: Awaited<ReturnType<typeof makeUser>>;

const arabic = { cookie: 'hearth_locale=ar' };
const turkish = { cookie: 'hearth_locale=tr' };
const chinese = { cookie: 'hearth_locale=zh-Hans' };
const text = async (path: string, options: Parameters<typeof ctx.http.get>[1] = {}) => (await ctx.http.get(path, options)).text();

beforeAll(async () => {
  ctx = await createForumContext();
  makeCategory(ctx.services, { name: 'أسئلة الغلايات', slug: 'help', description: 'كل ما يخص الغلايات', kind: 'questions' });
  const created = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'كيف أزيل الترسبات من الغلاية؟', body: 'الغلاية تحتاج إلى تنظيف كل شهر.' });
  await makeReply(ctx.services, ctx.other, { threadId: created.threadId, body: 'Citric acid works well.', replyTo: 1 });
  thread = { threadId: created.threadId, path: `/t/${created.threadId}/${created.slug}` };
  arabicMember = await makeUser(ctx.services, { username: 'layla' });
  ctx.db.update(users).set({ locale: 'ar' }).where(eq(users.id, arabicMember.id)).run();
});
afterAll(async () => {
  await ctx.close();
});

describe('the home page', () => {
  it('speaks Arabic to an Arabic reader, with counts, relative times and member text in its own direction', async () => {
    const page = await text('/', arabic);
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<dt>المواضيع</dt>');
    expect(page).toContain('<dt>المشاركات</dt>');
    expect(page).toContain('<span class="tag">أسئلة وأجوبة</span>');
    expect(page).toContain('<a dir="auto" href="/c/help">أسئلة الغلايات</a>');
    expect(page).toContain('<p dir="auto">كل ما يخص الغلايات</p>');
    expect(page).toContain(`<a href="${thread.path}" dir="auto">كيف أزيل الترسبات من الغلاية؟</a>`);
    expect(page).toContain('<span dir="auto">bob</span>');
    // The latest activity is relative ("now"), with the exact time in its title.
    expect(page).toMatch(/<time datetime="[^"]+" title="[^"]+">(?:الآن|قبل [^<]+)<\/time>/);
    expect(page).toContain('<a href="/signup">أنشئ حسابًا</a>');
  });

  it('renders the cached page again once a minute has passed, so "3 minutes ago" stays true', async () => {
    const first = await ctx.http.get('/', turkish);
    const firstText = await first.text();
    expect(firstText).toContain('<dt>Konular</dt>');
    const again = await ctx.http.get('/', turkish);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    ctx.clock.advance(3 * 60 * 1000);
    const later = await ctx.http.get('/', turkish);
    expect(later.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(await later.text()).toContain('3 dakika önce');
  });
});

describe('a category page', () => {
  it('speaks Turkish: sort tabs, reply counts, who started a thread and when', async () => {
    const page = await text('/c/kettles', turkish);
    expect(page).toContain('<html lang="tr" dir="ltr">');
    expect(page).toContain('<h1 dir="auto">Smart Kettles</h1>');
    expect(page).toContain('<p class="lead" dir="auto">Brewing, descaling, the app.</p>');
    expect(page).toContain('aria-current="page" href="/c/kettles">En yeni</a>');
    expect(page).toContain('>Yeni konu</a>');
    expect(page).toContain(`<a class="thread-title" href="${thread.path}" dir="auto">كيف أزيل الترسبات من الغلاية؟</a>`);
    expect(page).toContain('<span class="count">1</span> yanıt');
    expect(page).toMatch(/Başlatan: <bdi>alice<\/bdi> · <time /);
  });

  it('offers a question category’s own button in Arabic, and says when every question is solved', async () => {
    const page = await text('/c/help?sort=unsolved', arabic);
    expect(page).toContain('>طرح سؤال</a>');
    expect(page).toContain('كل سؤال هنا له إجابة مقبولة. رائع.');
  });
});

describe('a thread page', () => {
  it('is read in Arabic by a member who chose Arabic, with each post’s words and direction', async () => {
    const page = await text(thread.path, { as: arabicMember });
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<h1 dir="auto">كيف أزيل الترسبات من الغلاية؟</h1>');
    expect(page).toContain('<a class="author" href="/u/alice" dir="auto">alice</a>');
    expect(page).toContain('<div class="post-body" dir="auto">');
    expect(page).toContain('<p class="in-reply-to">ردًا على <a href="#post-1" dir="auto">@alice #1</a></p>');
    expect(page).toContain('<summary>رد واحد</summary>');
    expect(page).toContain('>رد</a>');
    expect(page).toContain('<label for="watch-level-thread">الإشعارات</label>');
    expect(page).toContain('<option value="normal" selected>عادي: الإشارات إليك والردود عليك</option>');
  });

  it('keeps each language’s articles apart: an English reader right after gets English', async () => {
    await text(thread.path, { as: arabicMember });
    const english = await text(thread.path, { as: ctx.manager });
    expect(english).toContain('<html lang="en" dir="ltr">');
    expect(english).toContain('in reply to <a href="#post-1" dir="auto">@alice #1</a>');
    expect(english).toContain('<summary>Manage thread</summary>');
    expect(english).not.toContain('ردًا على');
  });

  it('tells a Chinese visitor how to reply, and translates the staff tools for a Turkish manager', async () => {
    const page = await text(thread.path, chinese);
    expect(page).toContain('<html lang="zh-Hans" dir="ltr">');
    expect(page).toMatch(/<a href="\/login\?next=[^"]+">登录<\/a>或<a href="\/signup">注册<\/a>后即可回复。/);
    ctx.db.update(users).set({ locale: 'tr' }).where(eq(users.id, ctx.manager.id)).run();
    try {
      const managed = await text(thread.path, { as: ctx.manager });
      expect(managed).toContain('<summary>Konuyu yönet</summary>');
      expect(managed).toContain('>Sabitle</button>');
    } finally {
      ctx.db.update(users).set({ locale: null }).where(eq(users.id, ctx.manager.id)).run();
    }
  });
});

describe('a profile', () => {
  it('speaks Chinese: joined date, counts and recent posts', async () => {
    const page = await text('/u/alice', chinese);
    expect(page).toContain('<h1 dir="auto">alice');
    expect(page).toMatch(/加入于 <time [^>]+>[^<]+<\/time> · 1 篇帖子 · 发起了 1 个主题/);
    expect(page).toContain('<h2>最近的帖子</h2>');
    expect(page).toContain('发起了“<bdi>كيف أزيل الترسبات من الغلاية؟</bdi>”');
    expect(page).toContain('<div class="post-body excerpt" dir="auto">');
  });
});

describe('what services say', () => {
  it('refuses an unknown notification level in the reader’s language (422)', async () => {
    const response = await ctx.http.post(`/t/${thread.threadId}/watch`, { level: 'loud' }, { as: arabicMember });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('يُرجى اختيار أحد المستويات المعروضة: متابعة أو عادي أو مكتوم. يُرجى الرجوع والمحاولة مجددًا.');
    expect(location(await ctx.http.post(`/t/${thread.threadId}/watch`, { level: 'muted' }, { as: arabicMember }))).toBe(thread.path);
  });

  it('words the Helpful button’s new title for the page script in the member’s own language, whatever the cookie says', async () => {
    const reply = await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Vinegar works too.' });
    const response = await ctx.app.request(new URL(`/p/${reply.postId}/helpful`, ctx.config.baseUrl).toString(), {
      method: 'POST',
      headers: { accept: 'application/json', origin: new URL(ctx.config.baseUrl).origin, cookie: `hearth_locale=tr; ${sessionOf(arabicMember.id)}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ voted: true, helpfulCount: 1, title: 'مفيدة (وُضعت علامتك؛ اختر للتراجع)' });
  });
});

function sessionOf(userId: number): string {
  return `${SESSION_COOKIE}=${createSession(ctx.db, userId, ctx.clock.now()).token}`;
}
