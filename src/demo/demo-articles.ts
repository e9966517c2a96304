import { localeFormat } from '../i18n/translator.js';
import type { ServiceContext, SignedIn } from '../lib/context.js';
import { createArticleThread } from '../embed/thread-keys.js';
import { recordFeedback } from '../feedback/answers.js';
import type { DemoAction } from './demo-answers.js';
import { makeReply } from './factories.js';
import { brand, MANAGER_USERNAME } from './demo-content.js';

// Three articles of the brand's help center, embedded with their discussions, and what readers
// answered to "Did this help?" inside the embed over the last three weeks. Two of them fail their
// readers, so the insights' feedback section has something to rank first.

const DAY_MS = 24 * 60 * 60 * 1000;
const HELP_CENTER = 'https://help.fernwheel.example/articles/';

type Answer = { daysAgo: number; helpful: boolean; comment?: string; member?: string };
export type DemoArticle = { key: string; title: string; path: string; summary: string; category: string; openedDaysAgo: number; replies: { author: string; daysAgo: number; body: string }[]; answers: Answer[] };

const yes = (daysAgo: number, member?: string): Answer => ({ daysAgo, helpful: true, ...(member ? { member } : {}) });
const no = (daysAgo: number, comment?: string, member?: string): Answer => ({ daysAgo, helpful: false, ...(comment ? { comment } : {}), ...(member ? { member } : {}) });

export const demoArticles: DemoArticle[] = [
  {
    key: 'help-center.error-e07',
    title: 'Display error E07: motor sensor',
    path: 'display-error-e07',
    category: 'help',
    openedDaysAgo: 24,
    summary: 'What E07 means, and how to reseat the motor sensor connector.',
    replies: [
      { author: 'sofia_commutes', daysAgo: 12, body: 'The article shows the old display. On my 2025 Metro M3 the connector is under the chainstay cover, not behind the crank. Took me half an hour to find.' },
      { author: MANAGER_USERNAME, daysAgo: 11, body: 'Thanks Sofia, you are right: the photos are of the first-generation frame. We are reshooting them for the M3; until then, the connector sits under the chainstay cover, two T20 screws.' },
    ],
    answers: [
      no(20, 'The photos do not match my M3. Where is the connector?'),
      no(18, 'It does not say what to do if the error comes back after reseating.'),
      yes(17),
      no(15, 'Which screwdriver do I need for the cover?'),
      no(13),
      no(12, 'Wrong frame in the pictures.', 'sofia_commutes'),
      yes(9),
      no(6, 'Still no idea if I can ride home with E07 showing.'),
      no(3),
    ],
  },
  {
    key: 'help-center.charging-the-battery',
    title: 'Charging your battery',
    path: 'charging-your-battery',
    category: 'help',
    openedDaysAgo: 26,
    summary: 'How long a full charge takes, what the charger lights mean, and storing the battery in winter.',
    replies: [{ author: 'marcus_wrench', daysAgo: 16, body: 'Worth adding: the charger fan runs for a minute after the light turns green. Mine did and I thought it was broken.' }],
    answers: [
      yes(21), yes(19), no(19, 'What does the blinking orange light mean?'), yes(16, 'marcus_wrench'), yes(14), no(12, 'Nothing about charging in the cold.'),
      yes(10), yes(8), no(7, 'The charger gets hot, is that normal?'), yes(5), yes(4), yes(2), no(1),
    ],
  },
  {
    key: 'help-center.pairing-the-ride-app',
    title: 'Pairing the Fernwheel Ride app',
    path: 'pairing-the-ride-app',
    category: 'help',
    openedDaysAgo: 25,
    summary: 'Pair your bike with the Ride app over Bluetooth, and what to do when it will not pair.',
    replies: [],
    answers: [yes(20), yes(18), yes(15), yes(13), no(11, 'My phone never shows the bike. Android 15.'), yes(9), yes(6), yes(4), yes(1)],
  },
];

/** When something happened `daysAgo` days before `now`, `step` half-hours into that moment's day. */
export function articleTime(now: number, daysAgo: number, step = 0): number {
  return Math.round(now - daysAgo * DAY_MS + step * 30 * 60 * 1000);
}

/**
 * The articles' discussions opened by the brand account (as the help center's embed does), their
 * replies, and the readers' answers, as actions the seed plays among the others in time order.
 */
export function articleActions(now: number, authors: Map<string, SignedIn>): DemoAction[] {
  const english = localeFormat('en', 'UTC');
  const words = { intro: english.t('embed.register.openingIntro'), readArticle: (link: string) => english.t('embed.register.readArticle', { link }) };
  const admin = [...authors.values()].find((author) => author.role === 'admin')!;
  return demoArticles.flatMap((article) => {
    let threadId = 0;
    const open: DemoAction = {
      at: articleTime(now, article.openedDaysAgo),
      act: async (ctx) => {
        const url = HELP_CENTER + article.path;
        const opened = await createArticleThread(ctx, { key: article.key, title: article.title, url, category: article.category, summary: article.summary, words, brand: { siteName: brand.name }, actorId: admin.id, details: { via: 'api' } });
        threadId = opened.id;
      },
    };
    const replies = article.replies.map((reply): DemoAction => ({
      at: articleTime(now, reply.daysAgo),
      act: async (ctx) => {
        await makeReply(ctx, authors.get(reply.author)!, { threadId, body: reply.body });
      },
    }));
    // Answers of the same day an hour apart (each its own step), after the day's replies.
    const answers = article.answers.map((answer, index): DemoAction => ({
      at: articleTime(now, answer.daysAgo, 2 * (index + 1)),
      act: (ctx) => {
        const viewer = answer.member ? authors.get(answer.member)! : null;
        recordFeedback(ctx, viewer, { threadId, helpful: answer.helpful ? 'yes' : 'no', comment: answer.comment, embedKey: article.key });
      },
    }));
    return [open, ...replies, ...answers];
  });
}
