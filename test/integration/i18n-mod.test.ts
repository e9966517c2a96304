import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

// The community team's pages in the reader's language: headings, buttons and the services' own
// messages come from the catalog, and what members and managers wrote keeps its own direction.

let ctx: ModerationContext;
beforeAll(async () => {
  ctx = await createModerationContext();
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  await ctx.close();
});

/** Signed in as `user`, reading in `locale` (the picker's cookie; these accounts chose no language). */
const reading = (user: SignedIn, locale: string) => ({ cookie: `${SESSION_COOKIE}=${createSession(ctx.db, user.id, ctx.clock.now()).token}; hearth_locale=${locale}` });
const htmlTag = (page: string) => /<html [^>]*>/.exec(page)?.[0];

describe('the review queue', () => {
  it('is in Arabic for an Arabic reader, right to left, with member text in its own direction', async () => {
    const waiting = await ctx.pendingThread(ctx.member, 'مطحنتي لا تعمل بعد السقوط', 'صوت غريب من المطحنة.');
    const published = await ctx.publishedThread(ctx.other, 'Kettle light blinks twice');
    await ctx.flag(ctx.carol, published.postId, 'spam', 'رابط إلى متجره الخاص');
    const page = await (await ctx.http.get('/mod/queue', reading(ctx.manager, 'ar'))).text();
    expect(htmlTag(page)).toBe('<html lang="ar" dir="rtl">');
    expect(page).toContain('<h1>قائمة المراجعة</h1>');
    expect(page).toContain('<nav class="tabs mod-tabs" aria-label="فريق المجتمع">');
    expect(page).toContain('>موافقة</button>');
    expect(page).toContain('>رفض البلاغات</button>');
    expect(page).toContain('value="رسائل مزعجة أو إعلانات"');
    expect(page).toContain(`<a dir="auto" href="/t/${waiting.threadId}/`);
    expect(page).toContain('<div class="post-body" dir="auto">');
    expect(page).toContain('<bdi>“رابط إلى متجره الخاص”</bdi>');
    expect(page).toContain('بلاغ مفتوح واحد');
    expect(page).not.toContain('Review queue');
  });

  it('refuses a rejection without a reason in the reader’s language, and keeps the item open', async () => {
    const waiting = await ctx.pendingThread(ctx.dave, 'Bu öğütücü neden ses yapıyor?');
    const response = await ctx.http.post(`/mod/queue/${waiting.itemId}/reject`, { reason: 'other', reasonOther: '' }, reading(ctx.manager, 'tr'));
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('Lütfen bir neden seçin veya yazın; yazar bunu görecek.');
    expect(page).toContain('<details class="review-decision" open>');
    expect(ctx.row<{ status: string }>('select status from review_items where id = ?', waiting.itemId).status).toBe('open');
  });

  it('confirms a decision with the right plural form', async () => {
    const page = await (await ctx.http.get('/mod/queue?done=approve&count=2', reading(ctx.manager, 'ar'))).text();
    expect(page).toContain('تمت الموافقة على مشاركتين، وأُبلغ كاتباهما.');
    const chinese = await (await ctx.http.get('/mod/queue?done=reject&count=3', reading(ctx.manager, 'zh-Hans'))).text();
    expect(chinese).toContain('已拒绝 3 条帖子，并已告知作者原因。');
  });
});

describe('members and sanctions', () => {
  it('shows a member’s page in Turkish, and a sanction without a reason comes back translated with the days kept', async () => {
    const page = await (await ctx.http.get('/mod/users/bob', reading(ctx.admin, 'tr'))).text();
    expect(page).toContain('<h2 id="sanctions-heading">Yaptırımlar</h2>');
    expect(page).toContain('<bdi>bob</bdi> adlı üyeyi sustur');
    const refused = await ctx.http.post('/mod/users/bob/silence', { days: '12', reason: ' ' }, reading(ctx.admin, 'tr'));
    expect(refused.status).toBe(422);
    const form = await refused.text();
    expect(form).toContain('Lütfen bir neden yazın; üye bunu görecek.');
    expect(form).toContain('value="12"');
  });

  it('says in the reader’s language why a manager may not sanction someone', async () => {
    const page = await (await ctx.http.get('/mod/users/ada', reading(ctx.manager, 'ar'))).text();
    expect(page).toContain('لا يمكن إسكات المسؤولين أو تعليق حساباتهم.');
  });

  it('keeps an Arabic reason isolated inside a Chinese page, with the Chinese full stop', async () => {
    expect((await ctx.http.post('/mod/users/carol/silence', { days: '2', reason: 'إساءة متكررة' }, reading(ctx.admin, 'en'))).status).toBe(303);
    const page = await (await ctx.http.get('/mod/users/carol', reading(ctx.admin, 'zh-Hans'))).text();
    expect(page).toContain('已禁言：<bdi>“إساءة متكررة”</bdi>。</p>');
    expect(page).toContain('<h1><bdi>carol</bdi>');
  });

  it('lists members with translated headings and a translated empty search', async () => {
    const page = await (await ctx.http.get('/mod/users?q=zzz', reading(ctx.manager, 'zh-Hans'))).text();
    expect(page).toContain('<h1>成员</h1>');
    expect(page).toContain('没有用户名以 <bdi>“zzz”</bdi> 开头的成员。');
  });
});

describe('the audit log', () => {
  it('reads in Chinese: each action is a catalog message, dates and days in the reader’s language', async () => {
    const page = await (await ctx.http.get('/mod/log', reading(ctx.admin, 'zh-Hans'))).text();
    expect(page).toContain('<h1>操作日志</h1>');
    expect(page).toContain('<td>禁言了一名成员</td>');
    expect(page).toContain('<option value="silence">禁言了一名成员</option>');
    expect(page).toMatch(/2 天，至 <time datetime="[^"]+" title="[^"]+">\d{4}年\d{1,2}月\d{1,2}日<\/time>/);
    expect(page).toContain('<bdi>“إساءة متكررة”</bdi>');
  });
});

describe('the flag form', () => {
  it('is in Turkish, and a flag without a reason is refused in Turkish', async () => {
    const published = await ctx.publishedThread(ctx.other, 'كيف أنظف الغلاية؟');
    const page = await (await ctx.http.get(`/p/${published.postId}/flag`, reading(ctx.member, 'tr'))).text();
    expect(page).toContain('“<bdi>كيف أنظف الغلاية؟</bdi>” konusundaki bir gönderiyi şikâyet edin');
    expect(page).toContain('<button type="submit">Şikâyeti gönder</button>');
    const refused = await ctx.http.post(`/p/${published.postId}/flag`, { note: 'Bu bir reklam' }, reading(ctx.member, 'tr'));
    expect(refused.status).toBe(422);
    const form = await refused.text();
    expect(form).toContain('Lütfen bu gönderiyi neden şikâyet ettiğinizi seçin.');
    expect(form).toContain('Bu bir reklam');
  });
});

describe('the team’s start page', () => {
  it('counts the waiting items with Arabic plural forms, and links every tool in Arabic', async () => {
    const page = await (await ctx.http.get('/mod', reading(ctx.admin, 'ar'))).text();
    // Two threads waiting and one flagged post, from the tests above.
    expect(page).toContain('3 عناصر في الانتظار');
    expect(page).toContain('<a href="/admin/flags">البلاغات</a>');
    expect(page).not.toContain('Overview');
  });
});
