import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { flagReasons, reviewKinds } from '../db/schema.js';
import { isAdmin } from '../forum/permissions.js';
import type { MessageKey } from '../i18n/catalog.js';
import { ValidationError } from '../lib/errors.js';
import { modActions } from '../moderation/audit.js';
import { isModAction, listModLog } from '../moderation/log.js';
import { getReviewItems, listModeratedCategories, listReviewQueue, queueOrders, type QueueCursor, type QueueFilters } from '../moderation/queue.js';
import { approveReviewItem, decideReviewItems, dismissReviewItem, hideReviewItem, rejectReviewItem } from '../moderation/queue-actions.js';
import { dayAtAGlance } from '../moderation/overview.js';
import { modHomePage } from '../../views/pages/mod-home.js';
import { modLogPage } from '../../views/pages/mod-log.js';
import { modQueuePage, type ModQueueProps } from '../../views/pages/mod-queue.js';
import type { AppEnv } from './env.js';
import { idParam, readForm } from './forms.js';
import { renderPage, fieldTexts } from './render.js';
import { staffOnly } from './staff-guard.js';

// Unknown or malformed filter values fall back to "no filter" rather than failing the page.
const queueQuery = z.object({
  kind: z.enum(reviewKinds).optional().catch(undefined),
  category: z.string().regex(/^[1-9][0-9]{0,9}$/).transform(Number).optional().catch(undefined),
  reason: z.enum(flagReasons).optional().catch(undefined),
  order: z.enum(queueOrders).optional().catch(undefined),
  after: z.string().regex(/^[01]\.[0-9]{1,15}\.[0-9]{1,15}$/).optional().catch(undefined),
});

type ParsedQueue = { filters: QueueFilters; filterQuery: string; pageQuery: string };

/** `tier.createdAt.id`, as listReviewQueue writes it. */
function queueCursor(after: string): QueueCursor {
  const [tier, key, id] = after.split('.').map(Number);
  return { tier: tier!, key: key!, id: id! };
}

function parseQueueQuery(params: Record<string, string>): ParsedQueue {
  const query = queueQuery.parse(params);
  const filters: QueueFilters = {
    kind: query.kind ?? null,
    categoryId: query.category ?? null,
    reason: query.reason ?? null,
    order: query.order ?? 'oldest',
    cursor: query.after ? queueCursor(query.after) : null,
  };
  const search = new URLSearchParams();
  if (query.kind) search.set('kind', query.kind);
  if (query.category) search.set('category', String(query.category));
  if (query.reason) search.set('reason', query.reason);
  if (query.order && query.order !== 'oldest') search.set('order', query.order);
  const filterQuery = search.toString();
  if (query.after) search.set('after', query.after);
  return { filters, filterQuery, pageQuery: search.toString() };
}

// What a decision did, said on the queue it returns to (`?done=` and, for several, `&count=`).
const doneNotices: Record<string, MessageKey> = {
  approve: 'queue.doneApprove',
  reject: 'queue.doneReject',
  dismiss: 'queue.doneDismiss',
  hide: 'queue.doneHide',
};

function renderQueue(c: Context<AppEnv>, parsed: ParsedQueue, extra: { notice?: string; failed?: ModQueueProps['failed'] } = {}, status: 200 | 422 = 200) {
  const services = c.get('services');
  const viewer = c.get('viewer');
  const page = listReviewQueue(services, viewer, parsed.filters);
  // A decision that needs fixing is always shown, even when it is not on this page of the queue.
  const wanted = extra.failed ? (extra.failed.itemId === 'bulk' ? (extra.failed.selected ?? []) : [extra.failed.itemId]) : [];
  const missing = wanted.filter((id) => !page.items.some((item) => item.id === id));
  page.items = [...getReviewItems(services, viewer, missing), ...page.items];
  const { filters } = parsed;
  const view = modQueuePage({
    i18n: c.get('i18n'),
    ...page,
    isFirstPage: filters.cursor === null,
    isAdmin: isAdmin(viewer),
    filters: { kind: filters.kind ?? '', category: filters.categoryId ? String(filters.categoryId) : '', reason: filters.reason ?? '', order: filters.order },
    filterQuery: parsed.filterQuery,
    pageQuery: parsed.pageQuery,
    categories: listModeratedCategories(services, viewer),
    ...(extra.failed ? { failed: extra.failed } : {}),
  });
  return renderPage(c, view, { title: c.get('i18n').t('modNav.queue'), ...(extra.notice ? { notice: extra.notice } : {}) }, status);
}

/** Where a decision returns to: the same filters and page, with a short confirmation. */
function backTo(parsed: ParsedQueue, action: string, count = 1): string {
  const search = new URLSearchParams(parsed.pageQuery);
  search.set('done', action);
  if (count !== 1) search.set('count', String(count));
  return `/mod/queue?${search.toString()}`;
}

/** A preset reason, or the manager's own words when they chose "another reason". */
function chosenReason(form: Record<string, string>): string {
  const choice = form['reason'] ?? '';
  return choice === '' || choice === 'other' ? (form['reasonOther'] ?? '') : choice;
}

function noticeFrom(c: Context<AppEnv>): string | undefined {
  const done = doneNotices[c.req.query('done') ?? ''];
  const count = Number(c.req.query('count') ?? '1');
  return done ? c.get('i18n').t(done, { count: Number.isSafeInteger(count) && count > 0 ? count : 1 }) : undefined;
}

export const modRoutes = new Hono<AppEnv>()
  .use('/mod/*', staffOnly())
  .get('/mod', (c) => {
    const view = modHomePage({ i18n: c.get('i18n'), isAdmin: isAdmin(c.get('viewer')), glance: dayAtAGlance(c.get('services'), c.get('viewer')) });
    return renderPage(c, view, { title: c.get('i18n').t('mod.home.heading') });
  })
  .get('/mod/queue', (c) => {
    const notice = noticeFrom(c);
    return renderQueue(c, parseQueueQuery(c.req.query()), notice ? { notice } : {});
  })
  .post('/mod/queue/bulk', async (c) => {
    // `items` repeats (one per ticked checkbox): parse with `all` before readForm reuses the cached body.
    const body = await c.req.parseBody({ all: true });
    const form = await readForm(c);
    const items = [body['items'] ?? []].flat().filter((value): value is string => typeof value === 'string' && /^[1-9][0-9]{0,14}$/.test(value)).map(Number);
    const action = form['action'] === 'reject' ? 'reject' : 'approve';
    const parsed = parseQueueQuery(Object.fromEntries(new URLSearchParams(form['back'] ?? '')));
    try {
      const result = decideReviewItems(c.get('services'), c.get('viewer'), { action, itemIds: items, reason: chosenReason(form) });
      return c.redirect(backTo(parsed, action, result.decided), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const texts = fieldTexts(c, error.fields);
      const draft = { choice: form['reason'] ?? '', other: form['reasonOther'] ?? '', error: texts['reason'] };
      const failed = { itemId: 'bulk' as const, action, draft, selected: items, ...(texts['items'] ? { message: texts['items'] } : {}) };
      return renderQueue(c, parsed, { failed }, 422);
    }
  })
  .post('/mod/queue/:itemId{[0-9]+}/:action{(?:approve|reject|dismiss|hide)}', async (c) => {
    const itemId = idParam(c.req.param('itemId'));
    const action = c.req.param('action');
    const form = await readForm(c);
    const parsed = parseQueueQuery(Object.fromEntries(new URLSearchParams(form['back'] ?? '')));
    const services = c.get('services');
    const viewer = c.get('viewer');
    try {
      if (action === 'approve') approveReviewItem(services, viewer, { itemId });
      else if (action === 'dismiss') dismissReviewItem(services, viewer, { itemId });
      else if (action === 'reject') rejectReviewItem(services, viewer, { itemId, reason: chosenReason(form) });
      else hideReviewItem(services, viewer, { itemId, reason: form['reason'] ?? '' });
      return c.redirect(backTo(parsed, action), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const draft =
        action === 'hide'
          ? { choice: '', other: form['reason'] ?? '', error: fieldTexts(c, error.fields)['reason'] }
          : { choice: form['reason'] ?? '', other: form['reasonOther'] ?? '', error: fieldTexts(c, error.fields)['reason'] };
      return renderQueue(c, parsed, { failed: { itemId, action, draft } }, 422);
    }
  })
  .get('/mod/log', (c) => {
    const actor = (c.req.query('actor') ?? '').trim();
    const target = (c.req.query('target') ?? '').trim();
    const actionParam = c.req.query('action') ?? '';
    const action = isModAction(actionParam) ? actionParam : null;
    const beforeParam = c.req.query('before');
    const before = beforeParam && /^[1-9][0-9]{0,14}$/.test(beforeParam) ? Number(beforeParam) : null;
    const { entries, nextCursor } = listModLog(c.get('services'), c.get('viewer'), { actor: actor || null, action, target: target || null, before });
    const search = new URLSearchParams();
    if (actor) search.set('actor', actor);
    if (action) search.set('action', action);
    if (target) search.set('target', target);
    const view = modLogPage({
      i18n: c.get('i18n'),
      actionLabels: modActions,
      entries,
      nextCursor,
      isFirstPage: before === null,
      isAdmin: isAdmin(c.get('viewer')),
      filters: { actor, action: action ?? '', target },
      filterQuery: search.toString(),
    });
    return renderPage(c, view, { title: c.get('i18n').t('modNav.log') });
  });
