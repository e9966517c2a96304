import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { closeDatabase, openDatabase, type Db } from '../../src/db/client.js';
import { makeThread } from '../../src/demo/factories.js';
import { createSession } from '../../src/auth/session.js';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { httpClient } from '../helpers/app.js';
import { serveWithCachedPages } from '../helpers/server.js';
import { location } from '../helpers/forum.js';
import { createModerationContext, type ModerationContext } from '../helpers/moderation.js';

let ctx: ModerationContext;
let otherDb: Db;
let other: ReturnType<typeof httpClient>;
let threadPath: string;
beforeAll(async () => {
  ctx = await createModerationContext();
  const thread = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Descaling the kettle', body: 'Citric acid works.' });
  threadPath = `/t/${thread.threadId}/${thread.slug}`;
  // A second server process: its own connection to the same file.
  otherDb = openDatabase(ctx.config.databasePath, { synchronous: 'NORMAL' });
  other = httpClient(createApp({ db: otherDb, config: ctx.config, markdown: ctx.services.markdown, clock: ctx.clock.now, log: () => undefined }), ctx.config.baseUrl, otherDb, ctx.clock);
});
afterAll(async () => {
  expect(ctx.errors).toEqual([]);
  closeDatabase(otherDb);
  await ctx.close();
});

const PAGE = '/admin/appearance';
const empty = { name: '', brandColor: '', logoUrl: '', linkLabel: ['', '', ''], linkUrl: ['', '', ''], footer: '' };
const lastLog = () => ctx.row<{ actor_id: number | null; action: string; details: string | null }>('select actor_id, action, details from mod_log order by id desc limit 1');
const text = async (response: Response | Promise<Response>) => (await response).text();

describe('who may change the appearance', () => {
  it('sends visitors to log in and refuses members and managers', async () => {
    expect(location(await ctx.http.get(PAGE))).toBe(`/login?next=${encodeURIComponent(PAGE)}`);
    for (const user of [ctx.member, ctx.manager]) {
      expect((await ctx.http.get(PAGE, { as: user })).status).toBe(403);
      expect((await ctx.http.post(PAGE, { ...empty, name: 'Taken over' }, { as: user })).status).toBe(403);
    }
    expect((await ctx.http.get(PAGE, { as: ctx.admin })).status).toBe(200);
    expect(ctx.row('select value from settings where key = ?', 'appearance')).toBeUndefined();
  });
});

describe('the brand colour', () => {
  it('refuses a colour white text cannot be read on, naming its contrast ratio, and keeps what was typed', async () => {
    const response = await ctx.http.post(PAGE, { ...empty, name: 'Kettle Club', brandColor: '#ffcc00' }, { as: ctx.admin });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('This colour is too light to read: its contrast is 1.41:1 with white button text or with the page background, and at least 4.5:1 is needed (WCAG AA).');
    expect(page).toContain('value="#ffcc00"');
    expect(page).toContain('value="Kettle Club"');
    const almost = await ctx.http.post(PAGE, { ...empty, brandColor: '#3b82f6' }, { as: ctx.admin });
    expect(almost.status).toBe(422);
    expect(await almost.text()).toContain('its contrast is 3.43:1');
    const unreadable = await ctx.http.post(PAGE, { ...empty, brandColor: 'red; } body { display: none' }, { as: ctx.admin });
    expect(unreadable.status).toBe(422);
    expect(await unreadable.text()).toContain('That is not a colour we can read.');
    expect(ctx.row('select value from settings where key = ?', 'appearance')).toBeUndefined();
  });

  it('wins over BRAND_COLOR in the stylesheet and the favicon once saved, stored as hex', async () => {
    expect(await text(ctx.http.get('/brand.css'))).toContain(`--brand: ${ctx.config.brandColor};`);
    expect(location(await ctx.http.post(PAGE, { ...empty, brandColor: 'rgb(29, 78, 216)' }, { as: ctx.admin }))).toBe(`${PAGE}?done=saved`);
    expect(await text(ctx.http.get('/brand.css'))).toContain('--brand: #1d4ed8;');
    expect(await text(ctx.http.get('/favicon.svg'))).toContain('fill="#1d4ed8"');
    // The stylesheet's address changes with the colour, so a browser's kept copy is never used for it.
    expect(await text(ctx.http.get('/'))).toMatch(/<link rel="stylesheet" href="\/brand\.css\?v=[\w-]+">/);
    expect(lastLog()).toMatchObject({ actor_id: ctx.admin.id, action: 'appearance_settings' });
    expect(JSON.parse(lastLog().details!)).toEqual({ from: { brandColor: null }, to: { brandColor: '#1d4ed8' } });
  });
});

describe('name, logo, links and footer', () => {
  it('applies them to cached anonymous pages at once, and in another process', async () => {
    const before = await ctx.http.get(threadPath);
    const etag = before.headers.get('etag')!;
    expect((await ctx.http.get(threadPath, { headers: { 'if-none-match': etag } })).status).toBe(304);
    await other.get('/');
    const form = {
      ...empty,
      brandColor: '#1d4ed8',
      name: 'Kettle Owners Club',
      logoUrl: 'https://brand.example/logo.svg',
      linkLabel: ['Our shop', 'Help center', ''],
      linkUrl: ['https://brand.example/', 'https://help.brand.example/', ''],
      footer: 'Kettle Co. · 1 Water Lane, Springfield',
    };
    expect(location(await ctx.http.post(PAGE, form, { as: ctx.admin }))).toBe(`${PAGE}?done=saved`);
    expect((await ctx.http.get(threadPath, { headers: { 'if-none-match': etag } })).status).toBe(200);
    for (const page of [await text(ctx.http.get(threadPath)), await text(ctx.http.get('/')), await text(other.get('/'))]) {
      expect(page).toContain('<img src="https://brand.example/logo.svg" alt="Kettle Owners Club" height="32">');
      expect(page).toContain('<a href="https://brand.example/" dir="auto">Our shop</a>');
      expect(page).toContain('<a href="https://help.brand.example/" dir="auto">Help center</a>');
      expect(page).toContain('<p class="footer-text" dir="auto">Kettle Co. · 1 Water Lane, Springfield</p>');
      expect(page).toContain('Kettle Owners Club');
    }
    const log = await text(ctx.http.get('/mod/log', { as: ctx.admin }));
    expect(log).toContain('changed the community’s appearance');
    expect(log).toContain('label Help center, url https://help.brand.example/');
    const admin = await text(ctx.http.get(PAGE, { as: ctx.admin }));
    expect(admin).toContain('value="Kettle Owners Club"');
    expect(admin).toContain('value="https://help.brand.example/"');
  });

  it('reaches pages served from the cache before the app at once', async () => {
    const served = await serveWithCachedPages(ctx);
    try {
      await served.get(threadPath);
      const cached = await served.get(threadPath);
      expect(cached.reachedApp).toBe(false);
      const cookie = `${SESSION_COOKIE}=${createSession(ctx.db, ctx.admin.id, ctx.clock.now()).token}`;
      const saved = await served.post(PAGE, { name: 'Kettle People', brandColor: '#1d4ed8', logoUrl: '', footer: '' }, { cookie });
      expect(saved.status).toBe(303);
      expect((await served.get(threadPath)).text).toContain('Kettle People');
    } finally {
      await served.close();
    }
  });

  it('takes a logo on this site’s own origin', async () => {
    expect(location(await ctx.http.post(PAGE, { ...empty, logoUrl: '/static/logo.svg' }, { as: ctx.admin }))).toBe(`${PAGE}?done=saved`);
    expect(await text(ctx.http.get('/'))).toContain('<img src="/static/logo.svg"');
  });

  it('refuses a logo or link that is not https or this site, too many links and a long footer, keeping the text', async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ logoUrl: 'http://brand.example/logo.png' }, 'Please give the logo as an address starting with https://'],
      [{ logoUrl: '//evil.example/logo.png' }, 'Please give the logo as an address starting with https://'],
      [{ logoUrl: 'javascript:alert(1)' }, 'Please give the logo as an address starting with https://'],
      [{ linkLabel: ['Shop', '', ''], linkUrl: ['http://brand.example/', '', ''] }, 'The address for “Shop” must start with https://.'],
      [{ linkLabel: ['', '', ''], linkUrl: ['https://brand.example/', '', ''] }, 'Each link needs a text of 1–40 characters.'],
      [{ linkLabel: ['A', 'B', 'C', 'D'], linkUrl: ['https://a.example/', 'https://b.example/', 'https://c.example/', 'https://d.example/'] }, 'Please give at most 3 links.'],
      [{ footer: 'x'.repeat(281) }, 'The footer text can be at most 280 characters.'],
      [{ name: 'K' }, 'A community name needs 2–60 characters'],
    ];
    for (const [fields, message] of cases) {
      const response = await ctx.http.post(PAGE, { ...empty, ...fields }, { as: ctx.admin });
      expect(response.status, message).toBe(422);
      const page = await response.text();
      expect(page).toContain(message);
      if (typeof fields['logoUrl'] === 'string') expect(page).toContain(`value="${fields['logoUrl']}"`);
    }
  });

  it('goes back to the defaults when the fields are emptied', async () => {
    await ctx.http.post(PAGE, empty, { as: ctx.admin });
    const page = await text(ctx.http.get('/'));
    expect(page).not.toContain('brand-logo');
    expect(page).not.toContain('footer-text');
    expect(await text(ctx.http.get('/brand.css'))).toContain(`--brand: ${ctx.config.brandColor};`);
  });
});
