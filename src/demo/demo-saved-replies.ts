import type { ServiceContext, SignedIn } from '../lib/context.js';
import { createSavedReply } from '../moderation/saved-replies.js';
import { MANAGER_USERNAME } from './demo-content.js';

// The demo team's saved replies: answers Fernwheel's community managers give every week, written
// through the same service as the /mod/saved-replies form. Facts agree with demo-content.ts.

const savedReplies: { title: string; body: string }[] = [
  {
    title: 'Error codes E-07, E-21 and E-30',
    body: [
      'Thanks for the code, that tells us a lot:',
      '',
      '- **E-07** (no speed signal): check that the spoke magnet sits within 5 mm of the sensor on the rear stay.',
      '- **E-21** (torque sensor not zeroed): switch the bike on with your feet *off* the pedals and wait until the display shows the speed.',
      '- **E-30** (motor temperature protection): the motor cools down by itself; ride on in Eco and the code clears.',
      '',
      'If the code comes back after that, reply here with your frame number and we will take it from there.',
    ].join('\n'),
  },
  {
    title: 'Battery warranty',
    body: [
      'Your battery is covered for **2 years or 500 cycles**, whichever comes first, if it drops below 70% of its capacity.',
      '',
      'The warranty is international: any Fernwheel dealer can check the battery with your proof of purchase. Chargers are covered for 2 years too.',
    ].join('\n'),
  },
  {
    title: 'Ride app does not reconnect (Android)',
    body: [
      'This is fixed in **Fernwheel Ride 4.6**. Please update the app, then:',
      '',
      '1. Turn the bike off and on again.',
      '2. In the app, open *Bike › Forget this bike* and pair it again.',
      '',
      'Phones without Google Play can install the signed download from our website.',
    ].join('\n'),
  },
];

/** Adds the demo team's saved replies, as its community manager. */
export function seedSavedReplies(ctx: ServiceContext, authors: Map<string, SignedIn>): void {
  const manager = authors.get(MANAGER_USERNAME);
  if (!manager) throw new Error(`The demo's saved replies need its community manager "${MANAGER_USERNAME}" in demo-content.ts.`);
  for (const reply of savedReplies) createSavedReply(ctx, manager, reply);
}
