import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReply, makeThread, makeUser } from '../../src/demo/factories.js';
import { emailOutbox, users } from '../../src/db/schema.js';
import { runDigests } from '../../src/email/digest.js';
import { localeFormat } from '../../src/i18n/translator.js';
import type { SignedIn } from '../../src/lib/context.js';
import { createForumContext, location } from '../helpers/forum.js';

// Accounts, notifications and email in the reader's language: pages follow the reader's choice,
// service errors come back translated, members choose their language and time zone on /account,
// and every email is written in its recipient's language and time zone.

let ctx: Awaited<ReturnType<typeof createForumContext>>;
beforeAll(async () => {
  ctx = await createForumContext();
});
afterAll(async () => {
  await ctx.close();
});

const arabic = { cookie: 'hearth_locale=ar' };
const htmlTag = (page: string) => /<html [^>]*>/.exec(page)?.[0];
const text = async (response: Response | Promise<Response>) => (await response).text();

/** A member whose account already says which language and time zone they read in. */
async function memberReading(username: string, locale: string | null, timeZone: string | null = null): Promise<SignedIn> {
  const member = await makeUser(ctx.services, { username });
  ctx.db.update(users).set({ locale, timeZone }).where(eq(users.id, member.id)).run();
  return member;
}

const lastMailTo = (address: string) =>
  ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).all().at(-1);

describe('sign-in pages in the reader’s language', () => {
  it('shows the login and signup pages in Arabic, right to left', async () => {
    const login = await text(ctx.http.get('/login', arabic));
    expect(htmlTag(login)).toBe('<html lang="ar" dir="rtl">');
    expect(login).toContain('<h1 id="login-heading">تسجيل الدخول</h1>');
    expect(login).toContain('<label for="field-login">اسم المستخدم أو عنوان البريد الإلكتروني</label>');
    expect(login).toContain('<a href="/password/forgot">نسيت كلمة المرور؟</a>');
    const signup = await text(ctx.http.get('/signup', arabic));
    expect(signup).toContain('<h1 id="signup-heading">إنشاء حسابك</h1>');
    expect(signup).toContain('<button type="submit" class="button">إنشاء حساب</button>');
  });

  it('says what is wrong with a signup in Arabic, keeping what was typed', async () => {
    const response = await ctx.http.post('/signup', { username: 'a b', email: 'nope', password: 'short' }, arabic);
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('<p class="field-error" id="field-username-error">لا يمكن أن يحتوي اسم المستخدم إلا على حروف لاتينية');
    expect(page).toContain('لا يبدو هذا عنوان بريد إلكتروني.');
    expect(page).toContain('value="a b"');
  });

  it('answers a failed login in Chinese and a password reset request in Turkish', async () => {
    const failed = await ctx.http.post('/login', { login: 'alice', password: 'not her password' }, { cookie: 'hearth_locale=zh-Hans' });
    expect(failed.status).toBe(422);
    expect(await failed.text()).toContain('用户名或电子邮件与密码不匹配。请检查后重试。');
    const forgot = await text(ctx.http.get('/password/forgot', { cookie: 'hearth_locale=tr' }));
    expect(forgot).toContain('<h1 id="forgot-heading">Şifrenizi mi unuttunuz?</h1>');
    const empty = await ctx.http.post('/password/forgot', { login: '' }, { cookie: 'hearth_locale=tr' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Lütfen kullanıcı adınızı veya e-posta adresinizi girin.');
  });

  it('explains a bad email link in the reader’s language', async () => {
    const response = await ctx.http.get('/verify-email?token=nothing.here', arabic);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<h1 id="bad-link-heading">هذا الرابط لا يعمل</h1>');
    expect(page).toContain('رابط التأكيد هذا لا يعمل');
  });
});

describe('the notifications page', () => {
  it('is in the member’s language, with member text set apart and relative times', async () => {
    const reader = await memberReading('noura', 'ar');
    const thread = await makeThread(ctx.services, reader, { category: 'kettles', title: 'Kettle <clicks> off early', body: 'Any idea why?' });
    ctx.clock.advance(60_000);
    await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Limescale on the sensor.' });
    ctx.clock.advance(3 * 3600_000);
    const page = await text(ctx.http.get('/notifications', { as: reader }));
    expect(htmlTag(page)).toBe('<html lang="ar" dir="rtl">');
    expect(page).toContain('<h1>الإشعارات</h1>');
    // The actor's picture (decorative, the name follows) leads the line.
    expect(page).toMatch(/<p dir="auto"><img class="avatar" src="\/u\/bob\/avatar\.svg\?v=\w+" [^>]*alt=""[^>]*><span class="visually-hidden">غير مقروء: <\/span>ردّ <bdi>bob<\/bdi> على موضوعك «<bdi>Kettle &lt;clicks&gt; off early<\/bdi>»<\/p>/);
    expect(page).toContain('>قبل 3 ساعات</time>');
    expect(page).toContain('<button type="submit" class="link-button">فتح</button>');
  });

  it('answers a notification that is not the member’s with a translated page', async () => {
    const reader = await memberReading('tarik', 'tr');
    const response = await ctx.http.post('/notifications/999999/open', {}, { as: reader });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Bu bildirim mevcut değil.');
  });
});

describe('language and time zone on /account', () => {
  it('offers every shipped language in itself and every time zone, the community default first', async () => {
    const page = await text(ctx.http.get('/account', { as: ctx.member }));
    expect(page).toContain('<h2 id="locale-heading">Language and time zone</h2>');
    expect(page).toContain('<option value="" selected>Community default (English)</option>');
    expect(page).toContain('<option value="ar" lang="ar">العربية</option>');
    expect(page).toContain('<option value="zh-Hans" lang="zh-Hans">');
    expect(page).toContain('<option value="" selected>Community default (UTC)</option>');
    expect(page).toContain('<option value="Asia/Tokyo">Asia/Tokyo</option>');
  });

  it('saves the choice: the next pages are in that language, dates in that time zone', async () => {
    const member = await memberReading('kemal', null);
    // 22:30 UTC on 5 March is 07:30 on 6 March in Tokyo.
    ctx.clock.set(Date.UTC(2026, 2, 5, 22, 30));
    const response = await ctx.http.post('/account/locale', { locale: 'tr', timeZone: 'Asia/Tokyo' }, { as: member });
    expect(location(response)).toBe('/account?done=locale');
    expect(ctx.db.select({ locale: users.locale, timeZone: users.timeZone }).from(users).where(eq(users.id, member.id)).get()).toEqual({ locale: 'tr', timeZone: 'Asia/Tokyo' });

    const page = await text(ctx.http.get('/account?done=locale', { as: member }));
    expect(htmlTag(page)).toBe('<html lang="tr" dir="ltr">');
    expect(page).toContain('<p class="notice" role="status">Diliniz ve saat diliminiz kaydedildi.</p>');
    expect(page).toContain('<option value="tr" lang="tr" selected>Türkçe</option>');
    expect(page).toContain('<option value="Asia/Tokyo" selected>Asia/Tokyo</option>');
    const tokyo = localeFormat('tr', 'Asia/Tokyo');
    const signedIn = ctx.clock.now();
    expect(tokyo.date(signedIn)).toContain('6');
    expect(page).toContain(`<time datetime="${new Date(signedIn).toISOString()}" title="${tokyo.dateTime(signedIn)}">${tokyo.date(signedIn)}</time>`);
    ctx.clock.set(Date.now());
  });

  it('goes back to the community default when the member empties both choices', async () => {
    const member = await memberReading('lina', 'ar', 'Asia/Riyadh');
    expect(location(await ctx.http.post('/account/locale', { locale: '', timeZone: '' }, { as: member }))).toBe('/account?done=locale');
    expect(ctx.db.select({ locale: users.locale, timeZone: users.timeZone }).from(users).where(eq(users.id, member.id)).get()).toEqual({ locale: null, timeZone: null });
    expect(htmlTag(await text(ctx.http.get('/account', { as: member })))).toBe('<html lang="en" dir="ltr">');
  });

  it('refuses a language or time zone it does not know with 422 and field errors, in the reader’s language', async () => {
    const member = await memberReading('omar', 'ar');
    const response = await ctx.http.post('/account/locale', { locale: 'xx-Klingon', timeZone: 'Mars/Olympus_Mons' }, { as: member });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('<p class="field-error" id="field-locale-error">');
    expect(page).toContain('<p class="field-error" id="field-timeZone-error">');
    expect(page).toMatch(/<select id="field-timeZone" name="timeZone" aria-describedby="[^"]*" aria-invalid="true">/);
    expect(ctx.db.select({ locale: users.locale }).from(users).where(eq(users.id, member.id)).get()?.locale).toBe('ar');
  });

  it('sends visitors to log in first', async () => {
    expect(location(await ctx.http.post('/account/locale', { locale: 'tr', timeZone: '' }))).toMatch(/^\/login\?next=/);
  });
});

describe('email in the recipient’s language and time zone', () => {
  it('writes an Arabic member’s notification email in Arabic, right to left, with member text set apart', async () => {
    const author = await memberReading('salma', 'ar');
    expect((await ctx.http.post('/account/email', { preference: 'immediately' }, { as: author })).status).toBe(303);
    const thread = await makeThread(ctx.services, author, { category: 'kettles', title: 'Lid squeaks', body: 'Any fix?' });
    await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'A drop of food-safe oil on the hinge.' });
    const mail = lastMailTo('salma@example.com')!;
    expect(mail.subject).toBe('Community: ردّ bob على موضوعك «Lid squeaks»');
    expect(mail.htmlBody).toContain('<html lang="ar" dir="rtl">');
    expect(mail.htmlBody).toContain('ردّ <span dir="auto">bob</span> على موضوعك «<span dir="auto">Lid squeaks</span>»');
    expect(mail.htmlBody).toContain('مرحبًا <span dir="auto">salma</span>،');
    expect(mail.textBody).toContain('مرحبًا salma،');
    expect(mail.textBody).toContain('إيقاف جميع رسائل الإشعارات: ');
  });

  it('gives dates in the member’s time zone: a suspension’s end in Riyadh time', async () => {
    const member = await memberReading('faisal', 'ar', 'Asia/Riyadh');
    expect((await ctx.http.post('/account/email', { preference: 'immediately' }, { as: member })).status).toBe(303);
    expect((await ctx.http.post('/mod/users/faisal/suspend', { days: '3', reason: 'Cool down' }, { as: ctx.manager })).status).toBe(303);
    const until = ctx.db.select({ until: users.suspendedUntil }).from(users).where(eq(users.id, member.id)).get()!.until!;
    const mail = lastMailTo('faisal@example.com')!;
    expect(mail.textBody).toContain(`تم إيقاف حسابك حتى ${localeFormat('ar', 'Asia/Riyadh').dateTime(until)}. السبب: «Cool down».`);
  });

  it('writes a Chinese member’s daily digest in Chinese', async () => {
    const reader = await memberReading('lihua', 'zh-Hans');
    expect((await ctx.http.post('/account/email', { preference: 'daily' }, { as: reader })).status).toBe(303);
    const thread = await makeThread(ctx.services, reader, { category: 'kettles', title: '水壶多久除一次垢', body: '我的水壶多久需要除一次垢？' });
    await makeReply(ctx.services, ctx.other, { threadId: thread.threadId, body: 'Once a month.' });
    ctx.clock.advance(60_000);
    await runDigests(ctx.db, ctx.clock.now());
    const mail = lastMailTo('lihua@example.com')!;
    expect(mail.kind).toBe('digest');
    expect(mail.subject).toBe('您在 Community 的每日摘要');
    expect(mail.htmlBody).toContain('<html lang="zh-Hans" dir="ltr">');
    expect(mail.textBody).toContain('您的未读通知');
    expect(mail.textBody).toContain('bob 回复了您的主题帖“水壶多久除一次垢”');
  });

  it('keeps the language a visitor chose before signing up as theirs: the confirmation email is in it', async () => {
    const response = await ctx.http.post('/signup', { username: 'deniz', email: 'deniz@example.com', password: 'a long enough passphrase' }, { cookie: 'hearth_locale=tr' });
    expect(response.status).toBe(303);
    expect(ctx.db.select({ locale: users.locale }).from(users).where(eq(users.username, 'deniz')).get()?.locale).toBe('tr');
    const mail = lastMailTo('deniz@example.com')!;
    expect(mail.htmlBody).toContain('<html lang="tr" dir="ltr">');
    expect(mail.textBody).toContain('Merhaba deniz,');
    expect((await ctx.http.post('/signup', { username: 'dana', email: 'dana@example.com', password: 'a long enough passphrase' })).status).toBe(303);
    expect(ctx.db.select({ locale: users.locale }).from(users).where(eq(users.username, 'dana')).get()?.locale).toBeNull();
  });

  it('writes to members who chose no language in the community’s default', async () => {
    const turkish = await createForumContext({ defaultLocale: 'tr' });
    try {
      expect((await turkish.http.post('/password/forgot', { login: 'alice' })).status).toBe(303);
      const mail = turkish.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'alice@example.com')).all().at(-1)!;
      expect(mail.subject).toBe('Community şifrenizi sıfırlayın');
      expect(mail.htmlBody).toContain('<html lang="tr" dir="ltr">');
      expect(mail.textBody).toContain('Merhaba alice,');
    } finally {
      await turkish.close();
    }
  });
});
