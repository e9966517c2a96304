import type { ServiceContext } from '../lib/context.js';
import { makeReply, makeThread, makeUser } from './factories.js';

// A spammer who signed up this morning and got two threads and a bump past the filters, so a
// manager trying the demo has someone to clean up ("Delete spammer" on their team page,
// /mod/users/bestdeals4u), with an email domain worth blocking. The spam stays in discussion
// categories and in the spammer's own threads: no customer's question looks answered by it.

const HOUR_MS = 3_600_000;

const pitch = (what: string) =>
  `${what} Genuine-looking parts at 80% off, free shipping worldwide, no questions asked. Order today at [cheap-parts.example](https://cheap-parts.example/) before stock runs out!!!`;

export const demoSpammer = {
  username: 'bestdeals4u',
  email: 'bestdeals4u@cheap-parts.example',
  joinedHoursAgo: 6,
  threads: [
    { category: 'lounge', title: 'Cheap e-bike batteries and motors, 80% off this week only', hoursAgo: 3, body: pitch('Batteries, motors, chargers.'), bumps: [{ hoursAgo: 1, body: pitch('Still a few left!') }] },
    { category: 'metro', title: 'Belt drive kits for every city bike, huge discount', hoursAgo: 2, body: pitch('Belts, sprockets, tensioners.'), bumps: [] },
  ],
} as const;

export async function seedSpammer(ctx: ServiceContext, now: number): Promise<void> {
  const at = (hoursAgo: number): ServiceContext => ({ ...ctx, now: () => Math.round(now - hoursAgo * HOUR_MS) });
  const spammer = await makeUser(at(demoSpammer.joinedHoursAgo), { username: demoSpammer.username, email: demoSpammer.email });
  for (const thread of demoSpammer.threads) {
    const { threadId } = await makeThread(at(thread.hoursAgo), spammer, { category: thread.category, title: thread.title, body: thread.body });
    for (const bump of thread.bumps) await makeReply(at(bump.hoursAgo), spammer, { threadId, body: bump.body });
  }
}
