import { threads as demoThreads } from '../../src/demo/demo-content.js';
import type { Random } from './random.js';

/*
 * Text for the benchmark dataset. Post bodies are a pool of a few hundred distinct markdown sources:
 * every post of the demo community (real, hand-written posts: short chat, tips, answers) plus
 * generated ones that are longer and use more markdown (lists, code, quotes, tables, links,
 * headings), like troubleshooting reports and write-ups. The pool is rendered once through the real
 * pipeline; posts reuse it, some with a plain one-sentence suffix (see `suffixFor`).
 */

const products = ['Metro M3', 'Metro M3 ST', 'Fold F20', 'Haul C2', 'Ridgeline R5', 'Ridgeline R7', 'Beacon display', 'Beacon Mini', 'FC-4 charger', 'Ride app'];
const parts = ['belt', 'rear hub', 'battery', 'charger', 'display', 'brakes', 'kickstand', 'rack', 'headlight', 'torque sensor', 'speed sensor', 'fork', 'saddle', 'tyres', 'chain'];
const symptoms = [
  'cuts out under load',
  'shows E-07 after a few minutes',
  'will not charge past 80 %',
  'makes a clicking noise uphill',
  'loses about a third of its range in the cold',
  'drops the Bluetooth connection',
  'squeaks in the rain',
  'feels sluggish in Eco',
  'reports the wrong speed',
  'takes much longer to charge than before',
  'rattles over cobbles',
  'switches off when I hit a pothole',
];
const events = ['the 3.2.2 firmware update', 'a wet commute', 'a service at the dealer', 'a long train trip', 'winter storage', 'swapping the tyres', 'a fall on gravel', 'moving house'];
const places = ['Utrecht', 'Leeds', 'Portland', 'Lyon', 'Squamish', 'Hamburg', 'Melbourne', 'Montreal', 'Bologna', 'Copenhagen'];
const fillers = [
  'I ride about 15 km a day, mostly flat, with one steep climb at the end.',
  'The bike is just over a year old and has been serviced once.',
  'Tyre pressure is where the manual says it should be.',
  'It happens in every assist mode, but it is worst in Sport.',
  'My partner has the same model and theirs does not do it.',
  'I have already tried turning it off and on again, twice.',
  'The shop could not reproduce it on their stand, of course.',
  'It started gradually, so I am not sure exactly when.',
  'The weather here has been around freezing for two weeks.',
  'I use the original charger and charge indoors overnight.',
];
const thanks = ['Thanks in advance!', 'Any ideas welcome.', 'Cheers,', 'Thanks for reading this far.', 'Grateful for any pointers.'];
const steps = [
  'Reseat the battery until it clicks twice',
  'Clean the contacts with a dry cloth',
  'Check the speed sensor gap (it should be 5–15 mm)',
  'Update the Ride app and reconnect the bike',
  'Calibrate the torque sensor: pedals level, no weight on them, hold the power button for 10 s',
  'Charge to 100 % and let it balance for an hour',
  'Check the connector under the bottom bracket for moisture',
  'Reset the display to factory settings',
];

function sentence(random: Random): string {
  return random.pick(fillers);
}

function question(random: Random): string {
  const product = random.pick(products);
  const lines = [
    `Since ${random.pick(events)} my ${product} ${random.pick(symptoms)}. ${sentence(random)} ${sentence(random)} ${sentence(random)}`,
    '',
    `${sentence(random)} ${sentence(random)}`,
    '',
    `**What I tried so far:**`,
    '',
    ...Array.from({ length: 2 + random.int(3) }, (_, index) => `${index + 1}. ${random.pick(steps)}`),
    '',
    `Firmware \`3.${random.int(3)}.${random.int(5)}\`, Ride app \`4.${random.int(7)}\`. ${random.pick(thanks)}`,
  ];
  return lines.join('\n');
}

function answer(random: Random): string {
  const part = random.pick(parts);
  const lines = [
    `> ${random.pick(symptoms).replace(/^./, (first) => first.toUpperCase())}`,
    '',
    `That sounds like the ${part}. ${sentence(random)} ${sentence(random)} Here is what fixed it for me:`,
    '',
    ...Array.from({ length: 2 + random.int(4) }, () => `- ${random.pick(steps)}`),
    '',
    `If that does not help, the [troubleshooting guide](https://support.fernwheel.example/guides/${part.replace(/ /g, '-')}) has a flowchart, and *please* post the error log so we can have a look.`,
  ];
  return lines.join('\n');
}

function logReport(random: Random): string {
  const entries = Array.from({ length: 6 + random.int(14) }, (_, index) => {
    const code = random.pick(['E-07', 'E-21', 'E-30', 'W-02', 'I-10']);
    return `2024-0${1 + random.int(9)}-1${random.int(10)} 0${random.int(10)}:${10 + random.int(50)}:${10 + random.int(50)}  ${code}  ${random.pick(['speed=0', 'temp=71C', 'soc=43%', 'torque=0.0Nm', 'volt=36.1V'])}  seq=${1000 + index}`;
  });
  return [
    `Here is the log from the Ride app (*Bike → Diagnostics → Export*), the last ride only:`,
    '',
    '```',
    ...entries,
    '```',
    '',
    `The \`E-30\` lines line up with the climb out of ${random.pick(places)}. ${sentence(random)}`,
  ].join('\n');
}

function writeUp(random: Random): string {
  const product = random.pick(products);
  const sections = Array.from({ length: 2 + random.int(4) }, () => {
    const heading = random.pick(['Range', 'Comfort', 'Brakes', 'The app', 'Maintenance', 'What I would change', 'Accessories', 'Costs so far']);
    const body = Array.from({ length: 2 + random.int(4) }, () => sentence(random)).join(' ');
    return `## ${heading}\n\n${body}`;
  });
  const table = [
    '| Month | Distance | Charges | Issues |',
    '|---|---:|---:|---|',
    ...Array.from({ length: 3 + random.int(6) }, (_, index) => `| ${index + 1} | ${200 + random.int(600)} km | ${5 + random.int(20)} | ${random.pick(['none', 'flat tyre', 'E-07 once', 'loose fender'])} |`),
  ].join('\n');
  return [
    `After ${3 + random.int(20)} months and ${1000 + random.int(9000)} km on the ${product} around ${random.pick(places)}, here are my long-term notes.`,
    '',
    ...sections.flatMap((section) => [section, '']),
    table,
    '',
    `_Happy to answer questions below._`,
  ].join('\n');
}

function shortReply(random: Random): string {
  return random.pick([
    `Same here on the ${random.pick(products)}, following.`,
    `+1, ${random.pick(symptoms)} on mine too since ${random.pick(events)}.`,
    `Thanks, step ${1 + random.int(4)} fixed it for me!`,
    `Did you check the ${random.pick(parts)}? ${sentence(random)}`,
    `**Update:** the dealer replaced the ${random.pick(parts)} under warranty. All good now.`,
    `Great write-up, thank you. Bookmarked.`,
  ]);
}

/** Distinct markdown sources: the demo's posts plus `generated` longer, richer ones. */
export function bodySources(random: Random, generated: number): string[] {
  const demo = demoThreads.flatMap((thread) => thread.posts.map((post) => post.body));
  const makers = [question, question, answer, answer, answer, logReport, writeUp, shortReply, shortReply];
  const extra = Array.from({ length: generated }, () => random.pick(makers)(random));
  // Interleaved, so that any prefix of the pool mixes hand-written and generated bodies.
  const mixed = demo.flatMap((body, index) => [body, ...extra.slice(index * 2, index * 2 + 2)]).concat(extra.slice(demo.length * 2));
  return [...new Set(mixed)];
}

/** Thread titles: the demo's plus generated ones in the same voice. */
export function titleFor(random: Random): string {
  const product = random.pick(products);
  const demo = demoThreads.map((thread) => thread.title);
  switch (random.int(6)) {
    case 0:
      return random.pick(demo);
    case 1:
      return `${product} ${random.pick(symptoms)} after ${random.pick(events)}`;
    case 2:
      return `Is it normal that the ${random.pick(parts)} ${random.pick(symptoms)}?`;
    case 3:
      return `Long-term review: ${product} after ${1 + random.int(3)} years in ${random.pick(places)}`;
    case 4:
      return `How do I replace the ${random.pick(parts)} on a ${product}?`;
    default:
      return `${random.pick(['Tips', 'Advice', 'Help', 'Question'])}: ${random.pick(parts)} on the ${product}`;
  }
}

/*
 * A plain closing sentence appended to some posts so that they are not all byte-identical. It holds
 * only letters, digits, spaces, commas and periods, so its markdown is exactly one paragraph and its
 * HTML is `<p>…</p>`; the seed checks that equivalence against the real renderer before using it.
 * Some carry a rare word, so a search benchmark has terms with few matches.
 */
const closers = ['Update', 'Edit', 'Also', 'PS', 'For the record', 'Side note'];
const afterthoughts = [
  'still working fine after a week',
  'the dealer in town confirmed it',
  'same result on the second battery',
  'ordered the part, will report back',
  'it is fine in warm weather',
  'the support team answered within a day',
  'tried it again this morning, no change',
];
export const RARE_WORDS = ['quillfeather', 'marrowgate', 'tinderbluff', 'oxleigh', 'brackenmoor', 'vellichor'];

export function suffixFor(random: Random, rareChance: number): string {
  const rare = random.chance(rareChance) ? ` near ${random.pick(RARE_WORDS)}` : '';
  return `${random.pick(closers)}, ${random.pick(afterthoughts)}${rare}.`;
}

/** The markdown and the HTML of a suffix, given how the base body and its HTML end. */
export function withSuffix(body: string, html: string, text: string, suffix: string): { body: string; html: string; text: string } {
  return { body: `${body}\n\n${suffix}`, html: `${html}${html.endsWith('\n') ? '' : '\n'}<p>${suffix}</p>\n`, text: text ? `${text} ${suffix}` : suffix };
}

const firstNames = ['ana', 'ben', 'chloe', 'dev', 'elif', 'finn', 'greta', 'hugo', 'ines', 'jon', 'kai', 'lea', 'max', 'nora', 'omar', 'pia', 'quinn', 'rosa', 'sami', 'tom', 'una', 'vik', 'wren', 'yara', 'zoe'];
const nameTails = ['rides', 'bikes', 'cargo', 'trail', 'commutes', 'wrench', 'folds', 'pedals', ''];

/** A unique, valid username (letters, digits, `_`, `-`; 3–20 characters) for member number `index`. */
export function usernameFor(index: number): string {
  const first = firstNames[index % firstNames.length]!;
  const tail = nameTails[Math.floor(index / firstNames.length) % nameTails.length]!;
  return `${first}${tail ? `_${tail}` : ''}${index}`.slice(0, 20);
}

/** Bodies for replies sent during the benchmark (rendered by the server, so any markdown will do). */
export function replySources(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => random.pick([shortReply, answer, question])(random));
}
