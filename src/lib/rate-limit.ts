import type { MessageKey } from '../i18n/catalog.js';
import { msg } from '../i18n/message.js';
import type { Db } from '../db/client.js';
import { RateLimited } from './errors.js';
import { availableTokens, refundToken, takeToken } from './rate-limit-buckets.js';

// Token buckets shared by every server process on the database (src/lib/rate-limit-buckets.ts,
// ADR 0037). Each rule allows `limit` actions per `windowMs`, refilling continuously. Its message says why
// and when to try again (it is given `seconds`); a rule without one only says when.

export type Rule = { limit: number; windowMs: number; message?: MessageKey };

export const rules = {
  loginPerIp: { limit: 30, windowMs: 10 * 60_000, message: 'rateLimit.loginPerIp' },
  // Never shown: a locked account answers like a wrong password.
  loginFailuresPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  signupPerIp: { limit: 5, windowMs: 60 * 60_000, message: 'rateLimit.signupPerIp' },
  postPerMember: { limit: 10, windowMs: 60_000, message: 'rateLimit.postPerMember' },
  // Spam comes from fresh accounts: in their first day members post at most once every 30 seconds.
  postPerNewMember: { limit: 1, windowMs: 30_000, message: 'rateLimit.postPerNewMember' },
  flagPerMember: { limit: 20, windowMs: 60 * 60_000, message: 'rateLimit.flagPerMember' },
  // Mailed links: enough for a typo or a slow inbox, too few to flood anyone's mailbox.
  resetPerIp: { limit: 10, windowMs: 60 * 60_000, message: 'rateLimit.resetPerIp' },
  resetPerAddress: { limit: 3, windowMs: 60 * 60_000, message: 'rateLimit.resetPerAddress' },
  verificationPerMember: { limit: 3, windowMs: 60 * 60_000, message: 'rateLimit.verificationPerMember' },
  searchPerIp: { limit: 60, windowMs: 60_000, message: 'rateLimit.searchPerIp' },
  // "Did this help?" from anonymous readers: plenty for a person, too few to stuff the results.
  feedbackPerIp: { limit: 20, windowMs: 60 * 60_000, message: 'rateLimit.feedbackPerIp' },
  apiPerClient: { limit: 120, windowMs: 60_000, message: 'rateLimit.apiPerClient' },
  // Images: a handful in a row is normal (several photos of one fault); the daily quota is in src/uploads/receive.ts.
  uploadPerMember: { limit: 20, windowMs: 10 * 60_000, message: 'rateLimit.uploadPerMember' },
} satisfies Record<string, Rule>;

// After this long without a take every bucket is full again, whatever its rule (for pruning).
const LONGEST_WINDOW_MS = Math.max(...Object.values(rules).map((rule: Rule) => rule.windowMs));

function secondsUntilOne(tokens: number, rule: Rule): number {
  return Math.ceil(((1 - tokens) * rule.windowMs) / rule.limit / 1000);
}

export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until one more action is allowed (0 when allowed now). */
  wait(key: string, rule: Rule): number {
    if (!this.enabled) return 0;
    const tokens = availableTokens(this.db, key, rule, this.now());
    return tokens >= 1 ? 0 : secondsUntilOne(tokens, rule);
  }

  /** Uses one action, or throws RateLimited saying when to try again. */
  take(key: string, rule: Rule): void {
    if (!this.enabled) return;
    const now = this.now();
    if (takeToken(this.db, key, rule, now, LONGEST_WINDOW_MS)) return;
    // Read after the refused take: another process may have taken or given back meanwhile, which
    // only moves the time given, never the refusal.
    const seconds = Math.max(1, secondsUntilOne(availableTokens(this.db, key, rule, now), rule));
    throw new RateLimited(msg(rule.message ?? 'rateLimit.tryAgain', { seconds }), seconds);
  }

  /** Gives back one action taken for something that did not happen (a refused or failed post). */
  refund(key: string, rule: Rule): void {
    if (!this.enabled) return;
    refundToken(this.db, key, rule, this.now());
  }
}
