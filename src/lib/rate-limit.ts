import type { MessageKey } from '../i18n/catalog.js';
import { msg } from '../i18n/message.js';
import { RateLimited } from './errors.js';

// In-process token buckets: one Node process serves the community, so memory is the right place.
// Each rule allows `limit` actions per `windowMs`, refilling continuously. Its message says why
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
  apiPerClient: { limit: 120, windowMs: 60_000, message: 'rateLimit.apiPerClient' },
} satisfies Record<string, Rule>;

type Bucket = { tokens: number; updated: number };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  private bucket(key: string, rule: Rule): Bucket {
    const now = this.now();
    const existing = this.buckets.get(key);
    if (!existing) return { tokens: rule.limit, updated: now };
    const refill = ((now - existing.updated) / rule.windowMs) * rule.limit;
    return { tokens: Math.min(rule.limit, existing.tokens + refill), updated: now };
  }

  /** Seconds until one more action is allowed (0 when allowed now). */
  wait(key: string, rule: Rule): number {
    if (!this.enabled) return 0;
    const bucket = this.bucket(key, rule);
    return bucket.tokens >= 1 ? 0 : Math.ceil(((1 - bucket.tokens) * rule.windowMs) / rule.limit / 1000);
  }

  /** Uses one action, or throws RateLimited saying when to try again. */
  take(key: string, rule: Rule): void {
    if (!this.enabled) return;
    const bucket = this.bucket(key, rule);
    if (bucket.tokens < 1) {
      const seconds = Math.ceil(((1 - bucket.tokens) * rule.windowMs) / rule.limit / 1000);
      throw new RateLimited(msg(rule.message ?? 'rateLimit.tryAgain', { seconds }), seconds);
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.prune();
  }

  /** Gives back one action taken for something that did not happen (a refused or failed post). */
  refund(key: string, rule: Rule): void {
    if (!this.enabled || !this.buckets.has(key)) return;
    const bucket = this.bucket(key, rule);
    bucket.tokens = Math.min(rule.limit, bucket.tokens + 1);
    this.buckets.set(key, bucket);
  }

  /** Full buckets carry no information; dropping them bounds memory. */
  private prune(): void {
    for (const [key, bucket] of this.buckets) {
      if (this.now() - bucket.updated > 60 * 60_000) this.buckets.delete(key);
    }
  }
}
