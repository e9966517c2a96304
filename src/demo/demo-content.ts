import type { CategoryKind, ModerationMode, Role } from '../db/schema.js';
import { generalThreads, metroThreads } from './demo-threads-1.js';
import { haulThreads, helpThreads, ridgelineThreads } from './demo-threads-2.js';
import { arabicThreads } from './demo-threads-arabic.js';
import { chineseThreads } from './demo-threads-chinese.js';
import { turkishThreads } from './demo-threads-turkish.js';

/*
 * The demo community that `npm start` seeds into an empty database: Fernwheel, a fictional maker of
 * electric bikes. Pure data; `seed.ts` turns it into users, categories, threads and posts through
 * the same factories (and so the same services and markdown pipeline) as real content.
 *
 * Product facts the conversations agree on, so they stay consistent if you edit them:
 * - Metro M3 / M3 Step-Through (ST): city bike, 250 W rear hub motor, FW-504 battery (504 Wh), Gates belt,
 *   Shimano Nexus 8 hub, Beacon display, modes Eco / Normal / Sport, firmware 3.1.x → 3.2.2.
 * - Fold F20: 20" folding bike, FW-360 battery that slides into the rear rack (two-click lock), Beacon Mini.
 * - Haul C2: longtail cargo bike, mid-drive, FW-625 (optional second pack, 1250 Wh), rack 80 kg, 200 kg total,
 *   charging port on the frame, modes Eco / Tour / Turbo.
 * - Ridgeline R5 (hardtail) and R7 (full suspension): e-MTB, mid-drive 90 Nm, FW-720 on the R7,
 *   modes Eco / Trail / Boost, motor firmware 1.8.3 → 1.8.4.
 * - Chargers FC-4 (4 A) and FC-2 (2 A travel); the Fernwheel Ride app (4.6 fixes Android reconnects).
 * - Error codes: E-07 no speed signal, E-21 torque sensor not zeroed, E-30 motor temperature protection.
 * - Warranty is international (any Fernwheel dealer, with proof of purchase): batteries 2 years or 500 cycles
 *   to 70% capacity, chargers 2 years. Metro M3 belt tension 35–40 Hz; chargers work between 0 and 45 °C.
 * - The Android app is also offered as a signed download for phones without Google Play; translations of
 *   the app (Turkish, Arabic, Chinese) are planned for Ride 4.7.
 */

export type DemoBrand = { name: string; tagline: string };

export type DemoPerson = {
  username: string;
  role: Role;
  /** Only staff have one, so the demo's sign-in details can be printed; customers get random ones. */
  password?: string;
  email?: string;
  /** When the account was created; before every post the person writes. */
  joinedDaysAgo: number;
};

export type DemoCategory = {
  name: string;
  slug: string;
  description: string;
  kind: CategoryKind;
  moderation: ModerationMode;
  /** How soon a customer's question should have a reply (the insights' target); 24 hours if unset. */
  targetReplyMinutes?: number;
};

export type DemoPost = {
  author: string;
  /** Markdown. */
  body: string;
  /** 0 for the opening post; strictly increasing through the thread. */
  hoursAfterStart: number;
  /** The number (1…n) of the earlier post this reply answers, as the "Reply" link on that post sends it. */
  replyTo?: number;
};

export type DemoThread = {
  /** A category slug. */
  category: string;
  title: string;
  /** Same as the first post's author. */
  author: string;
  /** When the thread was started, counted back from the moment of seeding (fractions allowed). */
  daysAgo: number;
  pinned?: boolean;
  /** Number (2…n) of the reply that solved a question. */
  solvedBy?: number;
  /** The asker thanked but never marked the answer: the manager marks it the next day. */
  markedByStaff?: boolean;
  /** The first post is the opening post. */
  posts: DemoPost[];
};

export const brand: DemoBrand = {
  name: 'Fernwheel',
  tagline: 'Electric bikes for the long way home.',
};

export const MANAGER_USERNAME = 'maya-fernwheel';

export const people: DemoPerson[] = [
  {
    username: MANAGER_USERNAME,
    role: 'manager',
    password: 'manager-demo-pass',
    email: 'maya@fernwheel.example',
    joinedDaysAgo: 420,
  },
  {
    username: 'admin',
    role: 'admin',
    password: 'admin-demo-pass',
    email: 'admin@fernwheel.example',
    joinedDaysAgo: 430,
  },
  { username: 'dana_rides', role: 'member', joinedDaysAgo: 240 },
  { username: 'pedalpusher88', role: 'member', joinedDaysAgo: 190 },
  { username: 'kwame_o', role: 'member', joinedDaysAgo: 75 },
  { username: 'lena-k', role: 'member', joinedDaysAgo: 310 },
  { username: 'trailgoat', role: 'member', joinedDaysAgo: 280 },
  { username: 'marcus_wrench', role: 'member', joinedDaysAgo: 365 },
  { username: 'sofia_commutes', role: 'member', joinedDaysAgo: 62 },
  { username: 'grandpa_gears', role: 'member', joinedDaysAgo: 130 },
  { username: 'rainycityrider', role: 'member', joinedDaysAgo: 50 },
  { username: 'jpetrov', role: 'member', joinedDaysAgo: 205 },
  { username: 'nadia-b', role: 'member', joinedDaysAgo: 69.5 },
  { username: 'hollis_mtb', role: 'member', joinedDaysAgo: 340 },
  { username: 'chen_wei', role: 'member', joinedDaysAgo: 260 },
  { username: 'bikedad_tim', role: 'member', joinedDaysAgo: 150 },
  { username: 'ruthie-on-wheels', role: 'member', joinedDaysAgo: 13 },
  { username: 'felixfolds', role: 'member', joinedDaysAgo: 180 },
  // The International corner: customers writing in Chinese, Arabic and Turkish (usernames stay ASCII).
  { username: 'lin_xiaoyu', role: 'member', joinedDaysAgo: 38 },
  { username: 'zhao_lei', role: 'member', joinedDaysAgo: 56 },
  { username: 'omar_haddad', role: 'member', joinedDaysAgo: 300 },
  { username: 'noura_q', role: 'member', joinedDaysAgo: 29 },
  { username: 'karim-saleh', role: 'member', joinedDaysAgo: 53 },
  { username: 'elif_yildiz', role: 'member', joinedDaysAgo: 33 },
  { username: 'mert_ozkan', role: 'member', joinedDaysAgo: 31 },
  { username: 'burak_can', role: 'member', joinedDaysAgo: 30.8 },
];

// Every demo category is open: an evaluator's first posts should appear at once, not wait for approval.
export const categories: DemoCategory[] = [
  {
    name: 'Community Lounge',
    slug: 'lounge',
    description: 'Introduce yourself, share your rides and talk about anything Fernwheel. New here? Start with the pinned welcome thread.',
    kind: 'discussion',
    moderation: 'open',
  },
  {
    name: 'Metro & Fold city bikes',
    slug: 'metro',
    description: 'Metro M3, Metro M3 Step-Through and Fold F20: commuting, belt drive and hub gears, racks, locks and folding.',
    kind: 'discussion',
    moderation: 'open',
  },
  {
    name: 'Haul cargo bikes',
    slug: 'haul',
    description: 'The Haul C2 longtail: carrying kids, shopping and everything else, dual batteries, accessories and load limits.',
    kind: 'discussion',
    moderation: 'open',
  },
  {
    name: 'Ridgeline e-MTB',
    slug: 'ridgeline',
    description: 'Ridgeline R5 hardtail and R7 full suspension: trail reports, suspension setup, tyres, assist modes and range on the mountain.',
    kind: 'discussion',
    moderation: 'open',
  },
  {
    name: 'Batteries, app & firmware Q&A',
    slug: 'help',
    description:
      'Ask about batteries and chargers, display error codes, the Fernwheel Ride app and firmware updates.',
    kind: 'questions',
    moderation: 'open',
    // A rider stuck with an error code should hear back within a working morning.
    targetReplyMinutes: 4 * 60,
  },
  {
    name: 'International',
    slug: 'international',
    description:
      'Ask in your own language: Chinese (中文), Arabic (العربية), Turkish (Türkçe) and more. Other riders and the Fernwheel team answer in the language you write in.',
    kind: 'questions',
    moderation: 'open',
    // Answered across time zones, so half a day.
    targetReplyMinutes: 12 * 60,
  },
];

export const threads: DemoThread[] = [
  ...generalThreads,
  ...metroThreads,
  ...haulThreads,
  ...ridgelineThreads,
  ...helpThreads,
  ...chineseThreads,
  ...arabicThreads,
  ...turkishThreads,
];
