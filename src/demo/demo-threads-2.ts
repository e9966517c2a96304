import type { DemoThread } from './demo-content.js';

// Demo conversations, part 2: Haul cargo bikes, Ridgeline e-MTB and the Q&A board.
// Bodies are markdown; multi-line bodies start at column 0 because indentation is meaningful in markdown.

export const haulThreads: DemoThread[] = [
  {
    category: 'haul',
    title: 'Two kids on the Haul C2: our setup after six months',
    author: 'lena-k',
    daysAgo: 64.5,
    posts: [
      {
        author: 'lena-k',
        hoursAfterStart: 0,
        body: `Lots of people ask me about this at the school gate, so here's our setup for two kids (4 and 6 years old, 17 and 21 kg):

- **Kid Rail** (the wraparound bar): non-negotiable for us
- **Footboards** on both sides, so they can climb on by themselves
- Two **seat pads**, the rear one with the little backrest
- The **rain cover** from the Haul accessories, not a generic one
- **Dual battery**: honestly we rarely need it, but on cold days with a headwind it's nice to have

Total with me on it: about 150 kg. The rear rack is rated for 80 kg and the bike for 200 kg in total, so we're well inside the limits.

Tips: let a little air out of the tyres for comfort, and teach the kids to *sit still when stopping*. The centre stand is excellent, but a wriggling 6-year-old can still tip it on a slope.`,
      },
      {
        author: 'bikedad_tim',
        hoursAfterStart: 3,
        body: `This is so useful. How do the brakes feel fully loaded going downhill?`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 5,
        body: `Very good. The 4-piston brakes with 203 mm rotors are the reason I chose the C2. I can feather down a long hill with 150 kg on board and there's no fade.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 8,
        body: `Worth adding: with that kind of load, pads wear faster than you'd think. Check them monthly. Organic pads on a loaded cargo bike can be gone in 800 km.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 10,
        body: `Do the kids fight over who sits at the front? Asking for... me, with twins.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 11,
        body: `Every. Single. Day. We have a calendar on the fridge. 😅`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 24,
        body: `Thank you Lena, this is the best overview we've seen. Would you mind if we linked it from the Haul C2 FAQ?

And Marcus is right about pads: for heavy family use, ask your dealer for **sintered pads** (\`FW-BP-4S\`). They last about twice as long as the organic ones the bike ships with.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 27,
        body: `Of course, link away!`,
      },
    ],
  },
  {
    category: 'haul',
    title: 'PSA: check your Haul C2 rear axle nuts after the first 200 km',
    author: 'marcus_wrench',
    daysAgo: 37.5,
    posts: [
      {
        author: 'marcus_wrench',
        hoursAfterStart: 0,
        body: `Three Haul C2s from friends on my street, and all three had slightly loose rear axle nuts after the first couple of hundred km. Heavy loads plus a bolt-on axle means things settle.

It's a two-minute check with a 15 mm spanner. The torque spec is on the sticker next to the dropout: **35 Nm**.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 4,
        body: `Checked mine, and one side was loose-ish. Thanks Marcus.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 6,
        body: `Thanks Marcus, we've confirmed this with our quality team. The axle nuts are part of the 500 km check, but on a cargo bike checking them at 200 km is a good idea, and we're adding that to the Haul C2 manual. The correct torque is **35 Nm**, as Marcus says.`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 26,
        body: `Good PSA. Same thing happens with thru-axles on mountain bikes; people just don't notice until it creaks.`,
      },
    ],
  },
  {
    category: 'haul',
    title: "Haul C2 centre stand folds up when parked on a slope",
    author: 'bikedad_tim',
    daysAgo: 27,
    posts: [
      {
        author: 'bikedad_tim',
        hoursAfterStart: 0,
        body: `Our driveway has a slight slope. With a kid on the back, the stand sometimes folds up when the bike rolls forward a little. It's terrifying. Is there a parking brake for this bike?`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 2,
        body: `There's a parking brake accessory: a little clip that holds the rear brake lever. Game changer on slopes.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 4,
        body: `Also check the stand's spring and the stop bolt underneath (5 mm hex). If the stop has worn, the stand can go over centre and fold.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 6,
        body: `**Official answer, since this is a safety topic:** please don't leave a child on a Haul C2 parked on a slope without the parking brake on.

- The brake lever lock (\`FW-PB-01\`) holds the rear brake while parked. It's included with every C2 sold since June 2024, and **free for earlier owners**: ask your dealer.
- Park with the front wheel pointing uphill or across the slope, never downhill.
- If your stand folds on *flat* ground, please have it checked by your dealer. That's a warranty repair.`,
      },
      {
        author: 'bikedad_tim',
        hoursAfterStart: 100,
        body: `Ordered the free lock through my dealer and it arrived in four days. Works great. Thanks Maya.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 103,
        body: `Didn't know about the free lock either. Requested mine too.`,
      },
    ],
  },
  {
    category: 'haul',
    title: 'Dual battery range on the Haul C2: real-world numbers',
    author: 'jpetrov',
    daysAgo: 19,
    posts: [
      {
        author: 'jpetrov',
        hoursAfterStart: 0,
        body: `Sharing numbers, because the advertised range of "60–170 km" is... broad. My data, with me (85 kg) + about 25 kg of shopping:

- Single 625 Wh, **Eco**, flat: 92 km
- Single, **Tour**, with hills: 54 km
- Dual 1250 Wh, **Tour**, with hills: 103 km
- Dual, **Turbo**, 2 °C and windy: 61 km

All rides until the display said 0%.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 4,
        body: `Nice data, thank you. Interesting that dual isn't quite 2× single. The extra 3.5 kg of battery, maybe?`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 6,
        body: `Partly, plus the routes weren't identical. Close enough for planning, I think.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 9,
        body: `Matches ours. We did 85 km on dual in Tour with both kids on the back.`,
      },
      {
        author: 'bikedad_tim',
        hoursAfterStart: 12,
        body: `Does it drain both batteries at the same time, or one after the other?`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 22,
        body: `It alternates: the system draws from the fuller battery and switches back and forth in steps of about 10%, so both packs wear evenly. When you charge through the frame port, the emptier pack charges first until they match, then both together. Charging both from empty takes about 7 hours with the FC-4 charger.`,
      },
    ],
  },
  {
    category: 'haul',
    title: 'Rain cover fogs up inside and the kids are complaining',
    author: 'lena-k',
    daysAgo: 7,
    posts: [
      {
        author: 'lena-k',
        hoursAfterStart: 0,
        body: `The Haul rain cover is brilliant in a downpour, but the inside fogs up within ten minutes, and the kids say it's "like a steamy bathroom". Has anyone found a fix?`,
      },
      {
        author: 'bikedad_tim',
        hoursAfterStart: 3,
        body: `Open the two small vents at the top, even when it's raining. They have a little overhang so the rain doesn't get in. Took me weeks to notice them.`,
      },
      {
        author: 'sofia_commutes',
        hoursAfterStart: 5,
        body: `Anti-fog spray for ski goggles works on the window too.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 6.5,
        body: `Vents! I had no idea they opened. 🙈 Tried it on the school run this morning: much better.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 7,
        body: `That's the fix 👍 Vents open, and if it's really muggy, unzip the back about 5 cm as well. You're not the first to miss the vents, so we'll make them clearer in the next version of the instructions.`,
      },
    ],
  },
  {
    category: 'haul',
    title: 'Is 60 kg of firewood OK on the rear rack?',
    author: 'jpetrov',
    daysAgo: 2,
    posts: [
      {
        author: 'jpetrov',
        hoursAfterStart: 0,
        body: `Three sacks of firewood, 20 kg each. The rack is rated for 80 kg, so on paper it's fine. Any issues with that much dead weight, compared to kids who at least balance themselves?`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 1.5,
        body: `Within spec, but **keep it low and centred**. Put the sacks in the side bags or on the footboards rather than stacking them on the rack. Dead weight up high makes the bike twitchy and puts a lot of load on the stand.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 3,
        body: `And strap it down well. Sacks shift over bumps and you'll feel the whole bike wag.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 30,
        body: `Did it with two sacks low on the footboards and one on the rack, all strapped. Felt stable for the 4 km home. The stove is happy.`,
      },
    ],
  },
  {
    category: 'haul',
    title: 'Has anyone fitted a front basket to a Haul C2?',
    author: 'bikedad_tim',
    daysAgo: 1.3,
    posts: [
      {
        author: 'bikedad_tim',
        hoursAfterStart: 0,
        body: `I'm looking for a front basket that mounts to the head tube rather than the handlebars, so the steering doesn't get heavy. The Fernwheel one is out of stock until spring. Has anyone fitted a third-party basket, and which mounts does the head tube have?`,
      },
    ],
  },
];

export const ridgelineThreads: DemoThread[] = [
  {
    category: 'ridgeline',
    title: 'Stock tyres on the R7 are the weak link. What are you running?',
    author: 'trailgoat',
    daysAgo: 67,
    posts: [
      {
        author: 'trailgoat',
        hoursAfterStart: 0,
        body: `I'll say it: the stock tyres are fine on groomed trails and sketchy everywhere else, the rear especially. I've gone to a Maxxis Assegai 2.5 front and DHR II 2.4 rear, both in DoubleDown casing. Game changer on wet roots.

What are you all running?`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 3,
        body: `Completely disagree that they're "sketchy". They're trail tyres on a trail bike. If you ride enduro lines, sure, go heavier. Stock works for 80% of what I ride.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 4,
        body: `Fair. My 80% is steep and wet. Context matters.`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 9,
        body: `Running stock on my R5 hardtail. Pinch-flatted the rear once at 22 psi, went tubeless, problem solved.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 12,
        body: `Worth knowing: DoubleDown adds roughly 400 g per tyre, and that costs range. I saw about 5% less on my regular loop.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 13,
        body: `5% for not sliding off a root? I'll take that trade every time.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 26,
        body: `Love this thread. For the record, the R7 ships with tyres chosen for mixed trail riding, which is exactly Hollis's 80%.

If you go bigger: the frame clears **2.6" tyres front and rear** on the stock mullet setup (29" front, 27.5" rear). And the bike is tubeless-ready out of the box: rims taped, valves installed, so you only need to add sealant.`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 28,
        body: `> the bike is tubeless-ready out of the box

Wait, mine came with inner tubes installed. Is that a regional thing?`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 31,
        body: `Good catch. In some countries bikes ship with tubes because of shipping rules for sealant. The rims are still taped, and the tubeless valves are in the accessory box. Your dealer can convert them at the first service.`,
      },
    ],
  },
  {
    category: 'ridgeline',
    title: 'R7 suspension setup: sag, rebound and what worked for me',
    author: 'hollis_mtb',
    daysAgo: 48,
    posts: [
      {
        author: 'hollis_mtb',
        hoursAfterStart: 0,
        body: `Lots of new R7 owners ask me about this in the car park, so here's how I set mine up (I'm 78 kg with kit on):

1. **Sag.** Shock at 30% (about 195 psi for me), fork at 20% (about 82 psi). Use the sag markings on the shock body.
2. **Rebound.** Start in the middle of the range, then do the kerb test: roll off a kerb, and the bike should settle after one bounce, not pogo.
3. **Compression.** Leave the fork fully open at first. Add 2 clicks of low-speed compression if it dives under braking.
4. **Tyre pressure.** 22 psi front, 25 rear with inserts; add 2 psi without inserts.

Write your settings down in the notes in the Ride app. I lost mine once after a service.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 4,
        body: `30% on the rear is a good baseline. I run 28% because I like it poppy. The R7 gets a bit linear towards the end of the travel, so I also added a volume spacer.`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 7,
        body: `Is any of this relevant on the R5 hardtail? Fork only, I guess?`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 8,
        body: `@kwame_o yes, fork only: 20% sag and the same rebound test. The R5 fork doesn't have a compression adjuster, just the lockout.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 22,
        body: `Bookmark-worthy, thank you Hollis. The official starting points are on the sticker under the top tube and in the [R7 setup guide](https://support.fernwheel.example/ridgeline/r7-setup).

One tip to add: set sag **with the battery installed**. 4 kg makes a real difference.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 30,
        body: `The battery tip is a great one. I set mine with the battery on the charger and then wondered why the bike felt harsh.`,
      },
    ],
  },
  {
    category: 'ridgeline',
    title: 'Which assist mode for technical switchback climbs?',
    author: 'chen_wei',
    daysAgo: 31.5,
    posts: [
      {
        author: 'chen_wei',
        hoursAfterStart: 0,
        body: `On tight uphill switchbacks, Boost surges too much and I either lose traction or overshoot the turn. Eco doesn't give me enough help. Trail mode is supposed to adapt, but it feels laggy. How do you handle these?`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 30,
        body: `Trail mode plus smooth pressure. Trail responds to how hard you push, so if you keep the pressure even it feeds in evenly. It's jabbing at the pedals that makes it surge.`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 33,
        body: `Also shift down *before* the corner. Mid-drives hate shifting under load, and the motor briefly cuts out while you shift, which is the "lag" you're feeling.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 52,
        body: `Tried both on the quarry loop this morning: Trail mode, smoother pressure and shifting early. Cleared two switchbacks I always put a foot down on. Thanks!`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 55,
        body: `Nice! If you want to go further, *Ride app → Assist → Custom* lets you reduce Trail mode's **max support** and **response** for a gentler feed. Lots of riders drop the response from 5 to 3 for technical climbing.`,
      },
    ],
  },
  {
    category: 'ridgeline',
    title: 'Ridgeline R5 as a commuter: worth it?',
    author: 'kwame_o',
    daysAgo: 24.5,
    posts: [
      {
        author: 'kwame_o',
        hoursAfterStart: 0,
        body: `I'm using my R5 for a 15 km commute each way, partly on the canal towpath. Wondering whether to add fenders and a rack, or whether I should just have bought a Metro. Anyone else doing this?`,
      },
      {
        author: 'rainycityrider',
        hoursAfterStart: 4,
        body: `Commuted on a hardtail for years. Semi-slick tyres make the biggest difference: knobbly tyres on tarmac are slow and loud.`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 6,
        body: `Any fender recommendations that fit 2.4" tyres?`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 9,
        body: `A clip-on guard on the down tube for the front and a seatpost-mounted one for the rear. Not as good as full fenders, but they never rattle.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 11,
        body: `The R5 does have rack and fender mounts at the dropouts. The Fernwheel trail fender set (\`FW-FD-R5\`) fits tyres up to 2.5", and the R5 takes a rack with up to 25 kg.`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 150,
        body: `Went for the FW fender set and a semi-slick on the rear. The commute is 6 minutes faster and I arrive dry. 👍`,
      },
    ],
  },
  {
    category: 'ridgeline',
    title: 'Creak from the bottom bracket area on my R7',
    author: 'trailgoat',
    daysAgo: 16,
    posts: [
      {
        author: 'trailgoat',
        hoursAfterStart: 0,
        body: `Creak from somewhere around the bottom bracket when I put the power down standing up. Not every pedal stroke, mainly on climbs. About 1,100 km on the bike. Could it be the motor mounts?`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 3,
        body: `Could be a lot of things. Most likely first: pedals (grease the threads), chainring bolts, crank arm bolts, then the motor mount bolts. Work through them **one at a time**, so you know which one fixed it.`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 6,
        body: `Also check the main pivot nearest the motor. On my R7 it was the pivot, and it sounded exactly like the bottom bracket.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 30,
        body: `Pedal threads. Cleaned and greased them: silence. I spent two weeks worrying about the motor. 🤦`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 32,
        body: `It's always the pedals. 😄`,
      },
    ],
  },
  {
    category: 'ridgeline',
    title: 'The R7 vs the competition: honest thoughts after a demo day',
    author: 'hollis_mtb',
    daysAgo: 10,
    posts: [
      {
        author: 'hollis_mtb',
        hoursAfterStart: 0,
        body: `Rode three other full-power e-MTBs back to back at a demo day. Without naming brands: the R7 has the most natural-feeling motor of the lot and the best handling, but it's the heaviest (24.8 kg in L) and the app is the weakest.

What matters most to you?`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 2,
        body: `Natural feel over weight, for me. The R7 climbs like it's on rails.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 5,
        body: `Most of the weight difference is battery: 720 Wh against about 600 on most of the competition. So you're comparing range as much as weight.`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 7,
        body: `The app is the thing I'd most like improved, honestly. The connection drops are annoying.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 21,
        body: `Appreciate the honest comparison; this kind of feedback genuinely reaches the product team.

- **App:** the Android reconnection fix is in Ride app **4.6**, rolling out this week.
- **Weight:** Chen's right that the 720 Wh pack accounts for most of it. The 2026 R7 will also be offered with a lighter 600 Wh pack for riders who prefer that.`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 24,
        body: `A 600 Wh option is exactly what I'd go for. Good to know.`,
      },
    ],
  },
  {
    category: 'ridgeline',
    title: 'Tubeless sealant: how often do you top up?',
    author: 'trailgoat',
    daysAgo: 1.5,
    posts: [
      {
        author: 'trailgoat',
        hoursAfterStart: 0,
        body: `Question for the tubeless crowd: how often do you top up? It's been four months on my R7 and I suspect it's dry. Any way to check without breaking the bead?`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 6,
        body: `Shake test: spin the wheel with the valve at 3 o'clock and put your ear close; you should hear sloshing. Or pull the valve core and dip a zip tie in.`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 20,
        body: `Every 3 months in summer, every 4–5 in winter for me. If it's dry, you'll find a rubbery blob in there when you change the tyre anyway.`,
      },
    ],
  },
  {
    category: 'ridgeline',
    title: 'Renting an R7 near Whistler in May: beginner-friendly trails?',
    author: 'pedalpusher88',
    daysAgo: 2.2,
    posts: [
      {
        author: 'pedalpusher88',
        hoursAfterStart: 0,
        body: `I'm a city rider (Metro M3) and I've booked a few days in Whistler in May, with an R7 rental. I've never ridden proper trails. Any beginner-friendly routes you'd recommend, and anything I should know about riding a full-suspension e-MTB for the first time?`,
      },
    ],
  },
];

export const helpThreads: DemoThread[] = [
  {
    category: 'help',
    title: 'E-07 on my Metro M3: motor stops after a few seconds',
    author: 'pedalpusher88',
    daysAgo: 63.5,
    solvedBy: 2,
    posts: [
      {
        author: 'pedalpusher88',
        hoursAfterStart: 0,
        body: `The display shows **E-07** and the motor cuts out a few seconds after I start riding. The lights still work. It started right after I replaced the rear tyre myself. Metro M3, firmware 3.1.4. Help!`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 1,
        body: `E-07 is the speed sensor. On the M3 there's a magnet on one of the rear spokes and a sensor on the chainstay. When you changed the tyre you probably knocked one of them. The magnet has to pass the line marked on the sensor, with a gap of 5–15 mm.`,
      },
      {
        author: 'pedalpusher88',
        hoursAfterStart: 2,
        body: `The magnet had slid about 3 cm along the spoke. Moved it back so it lines up with the mark on the sensor, and E-07 is gone!`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 3.5,
        body: `Exactly right, thanks Marcus. For anyone who finds this thread later: **E-07 means "no speed signal"**, and the motor stops assisting after a few seconds because that's a legal requirement. Checklist:

1. The magnet lines up with the mark on the sensor.
2. The gap between magnet and sensor is **5–15 mm**.
3. The sensor cable isn't pinched, and the connector at the chainstay is pushed fully home.
4. Clear the code by turning the bike off and on again.

If it keeps coming back after that, the sensor may be damaged. Dealers keep them in stock (\`FW-SS-02\`).`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 40,
        body: `Saving this. The same thing happened to my neighbour last month; I'm sending him the link.`,
      },
    ],
  },
  {
    category: 'help',
    title: "Charger light blinks orange and the battery won't charge",
    author: 'lena-k',
    daysAgo: 57.5,
    solvedBy: 2,
    posts: [
      {
        author: 'lena-k',
        hoursAfterStart: 0,
        body: `My FC-4 charger shows a blinking orange light and the battery (the Haul C2's FW-625) won't charge. The bike was in the shed overnight and it was cold. Is something broken?`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 1,
        body: `Blinking orange means the battery is outside its charging temperature range. Bring it inside, give it an hour or two at room temperature, then try again.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 3,
        body: `That was it, it's charging now (solid red). It'll be living inside from now on.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 4.5,
        body: `To complete the picture for future readers, here's what the FC-4 charger's light means:

- **Solid red:** charging
- **Solid green:** full, or not connected to a battery
- **Blinking orange:** battery too cold or too hot to charge (it charges between 0 and 45 °C)
- **Blinking red:** fault. Unplug both ends, wait 30 seconds and try again; if it keeps blinking red, contact support

The full table is in the [charger manual](https://support.fernwheel.example/chargers/fc-4).`,
      },
    ],
  },
  {
    category: 'help',
    title: "Ride app can't find my bike on a new iPhone",
    author: 'sofia_commutes',
    daysAgo: 50.5,
    solvedBy: 4,
    posts: [
      {
        author: 'sofia_commutes',
        hoursAfterStart: 0,
        body: `New phone (iPhone 15). I installed the Ride app and signed in, but *Add bike* never finds my Metro M3. Bluetooth is on and the display is on. My old phone still connects fine.`,
      },
      {
        author: 'felixfolds',
        hoursAfterStart: 4.5,
        body: `On older firmware the bike only pairs with one phone at a time. Remove the bike on the old phone first (Ride app → *Bike → Remove bike*), then try again on the new one.`,
      },
      {
        author: 'sofia_commutes',
        hoursAfterStart: 5,
        body: `Removed it on the old phone. Still nothing on the new one.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 6,
        body: `Did you allow Bluetooth for the Ride app itself? Go to iOS *Settings → Ride → Bluetooth*. It's off if you tapped "Don't Allow" on the first launch.`,
      },
      {
        author: 'sofia_commutes',
        hoursAfterStart: 7,
        body: `THAT was it. I'd tapped "Don't Allow" because I thought it was asking for my location. It found the bike immediately. Thanks Dana!`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 9,
        body: `Great teamwork, both of you. Felix's point is right too: firmware **3.2.0 and later** lets you pair up to three phones; earlier versions only one. Now that you're connected, the app will offer you the update.`,
      },
    ],
  },
  {
    category: 'help',
    title: 'Range dropped by 30%: is my FW-720 battery degrading?',
    author: 'chen_wei',
    daysAgo: 44.5,
    solvedBy: 6,
    markedByStaff: true,
    posts: [
      {
        author: 'chen_wei',
        hoursAfterStart: 0,
        body: `R7, 14 months old, about 260 charge cycles. My usual loop used to leave me with 45% battery; now it's about 25%. Is that normal degradation, or is something wrong? How can I check the battery's health?`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 2,
        body: `Did you change tyres? 😉 I lost some range going to DoubleDown casings.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 3,
        body: `Ha, no. Same stock tyres, same loop, similar temperatures.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 5,
        body: `Let's check the numbers first. In the Ride app, go to *Bike → Battery → Health*: it shows the capacity as a percentage of new.

Losing up to about 10% over the first 300 cycles is normal. 30% would not be, and would be a warranty case: the FW-720 is warranted for **2 years or 500 cycles, to 70% capacity**. What does yours say?`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 7,
        body: `Health says 94%. So the battery is fine... then where is my range going?`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 9,
        body: `Check your brakes for drag. I had a sticky piston in the rear caliper once. Lift the back wheel and give it a spin: if it stops after a turn or two, that's your range going.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 30,
        body: `The rear wheel stopped after barely one turn. Cleaned the pistons and re-centred the caliper, and now it spins freely. Back to 42% left at the end of my loop. Classic.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 31.5,
        body: `Great find, Hollis. "Check for brake drag" is going into our range troubleshooting guide.`,
      },
    ],
  },
  {
    category: 'help',
    title: 'Firmware update fails with "code 14"',
    author: 'grandpa_gears',
    daysAgo: 40,
    solvedBy: 3,
    posts: [
      {
        author: 'grandpa_gears',
        hoursAfterStart: 0,
        body: `The Ride app shows a red dot: "Firmware 3.2.0 available". I tap *Update*, the progress bar sits at 0% for ages, and then it says "Update failed (code 14)". I've tried three times.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 2,
        body: `Code 14 usually means the bike went to sleep during the transfer. Keep the display awake by pressing a button every couple of minutes, or better, plug the charger in during the update: that keeps the system awake.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 4,
        body: `Chen is right about code 14. Step by step:

1. Plug the charger into the bike; it keeps the system awake.
2. Turn the bike on, open the Ride app and keep the phone **within 1 metre** of the display.
3. Keep the app in the foreground: iOS pauses transfers when the app is in the background.
4. Tap *Update*. It takes 8–12 minutes. Don't ride or switch the bike off in the meantime.

If it still fails, send us the log (*Bike → Diagnostics → Share log*) through [support](https://support.fernwheel.example/contact).`,
      },
      {
        author: 'grandpa_gears',
        hoursAfterStart: 25,
        body: `Charger plugged in, phone on the handlebar, app kept open. It worked, and 3.2.0 is installed! The charger trick is the thing.`,
      },
    ],
  },
  {
    category: 'help',
    title: 'E-21 and weak assist after washing my R5',
    author: 'kwame_o',
    daysAgo: 33,
    solvedBy: 4,
    posts: [
      {
        author: 'kwame_o',
        hoursAfterStart: 0,
        body: `Washed my R5 with a garden hose yesterday (gently, no pressure washer, promise). This morning the display shows **E-21** and the assist feels weak. What did I do?`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 1,
        body: `E-21 is the torque sensor calibration. Did you have a foot on a pedal when you switched the bike on?`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 2,
        body: `...probably. I usually switch it on while sitting on it.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 4,
        body: `That's very likely it, and unrelated to the washing.

**E-21 means the torque sensor wasn't zeroed.** The sensor calibrates itself when you switch on, so any pressure on the pedals at that moment confuses it. To fix it: switch off, make sure nothing touches the pedals, switch on, wait until the display shows the assist level, then ride.

If E-21 is still there after two or three clean restarts, water might be the problem after all, and your dealer should check the sensor connector.`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 5,
        body: `Restarted with my feet off the pedals and it's gone. Lesson learned: stand next to the bike when switching it on.`,
      },
    ],
  },
  {
    category: 'help',
    title: 'Can I leave the battery on the charger overnight?',
    author: 'nadia-b',
    daysAgo: 22.5,
    solvedBy: 5,
    posts: [
      {
        author: 'nadia-b',
        hoursAfterStart: 0,
        body: `Is it bad for the battery to leave it charging overnight? And should I store it at 100% over the winter? I don't ride from December to February.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 5.5,
        body: `Overnight is fine; the battery's management system stops at full. For storage, 50–70% is ideal, somewhere cool but not freezing.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 6,
        body: `There's a "storage mode" in the app that stops charging at 80%. I use it for everyday charging.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 6.5,
        body: `Small correction: the 80% cap is called *Battery Care*. Storage mode is a different setting that slowly brings the pack down to 60% if you leave it on the charger. Both are under *Bike → Battery*.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 8,
        body: `**Official answer:** leaving the battery on the charger overnight is safe.

- **Every day:** for the longest battery life, switch on *Battery Care* (stops at 80%) and charge to 100% only before long rides.
- **Winter storage:** charge to **about 60%**, store it at 10–20 °C, and top it back up to 60% every 2–3 months. Please don't store it in an unheated shed, or right next to a radiator.`,
      },
      {
        author: 'nadia-b',
        hoursAfterStart: 23,
        body: `Perfect, thank you! Battery Care is on.`,
      },
    ],
  },
  {
    category: 'help',
    title: "Walk assist doesn't push on my Metro M3",
    author: 'pedalpusher88',
    daysAgo: 14,
    solvedBy: 4,
    posts: [
      {
        author: 'pedalpusher88',
        hoursAfterStart: 0,
        body: `The manual says to hold the minus button for walk assist, to push the bike up the ramp out of our bike cellar. I hold it and nothing happens. Is walk assist even a thing on the M3?`,
      },
      {
        author: 'grandpa_gears',
        hoursAfterStart: 6.5,
        body: `You have to press the walk button once first, so the display shows WALK, and *then* hold the minus button.`,
      },
      {
        author: 'pedalpusher88',
        hoursAfterStart: 7,
        body: `Tried that. The display says WALK, but the motor doesn't push.`,
      },
      {
        author: 'felixfolds',
        hoursAfterStart: 8.5,
        body: `Is your foot resting on a pedal? Walk assist only works up to 6 km/h and cancels as soon as there's any pressure on the pedals.`,
      },
      {
        author: 'pedalpusher88',
        hoursAfterStart: 9,
        body: `My foot was on the pedal. Of course it was. Works perfectly now. 🙃`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 10.5,
        body: `Glad that's sorted! Felix is spot on: walk assist goes up to 6 km/h and stops the moment the pedals feel any pressure. That's a safety feature, so the bike can't run away from you.`,
      },
    ],
  },
  {
    category: 'help',
    title: 'E-30 halfway up a long climb with a full load',
    author: 'bikedad_tim',
    daysAgo: 8,
    solvedBy: 2,
    posts: [
      {
        author: 'bikedad_tim',
        hoursAfterStart: 0,
        body: `Haul C2, me plus two kids plus the weekly shop, on a 2 km climb at about 8%, in Turbo. Two-thirds of the way up, the assist went weak and the display showed **E-30**. After a five-minute break everything was fine again. Should I be worried?`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 2,
        body: `E-30 is the motor's temperature protection. Turbo at a low cadence with a maximum load is the worst case for heat. Shift to an easier gear, keep your cadence up (70+ rpm), and use Tour instead of Turbo on long climbs.`,
      },
      {
        author: 'bikedad_tim',
        hoursAfterStart: 4,
        body: `Low cadence: guilty. I was grinding in far too high a gear. Will try.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 6,
        body: `Marcus is right. **E-30 is a protection, not a fault:** the motor reduces its power to cool down and recovers by itself. A higher cadence makes the motor more efficient, so it runs cooler.

If you ever see E-30 on flat ground or with a light load, that *would* be worth a check at your dealer.`,
      },
      {
        author: 'bikedad_tim',
        hoursAfterStart: 50,
        body: `Same hill today, Tour mode, gear 3 instead of 6, cadence around 75. No E-30, and honestly not much slower. Thanks!`,
      },
    ],
  },
  {
    category: 'help',
    title: 'Lost my battery key: can I get a replacement?',
    author: 'jpetrov',
    daysAgo: 53,
    solvedBy: 4,
    markedByStaff: true,
    posts: [
      {
        author: 'jpetrov',
        hoursAfterStart: 0,
        body: `I've lost the key for the battery lock on my Haul C2. At least the battery is locked in the frame, so I can still ride, but I can't take it out to charge it inside. The spare key was... on the same ring. 🙄`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 26,
        body: `There's a number stamped on the key, and usually on a little metal tag that came with it. Any Fernwheel dealer can order a new key with that number.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 27,
        body: `Of course the tag was on the keyring too.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 30,
        body: `No worries, this happens more often than you'd think. We can look the key up from your **frame number**: please contact [support](https://support.fernwheel.example/contact) with the frame number and your proof of purchase (not here in public!). We'll send two keys to your dealer, usually within a week.

In the meantime, you can charge through the charging port on the Haul's frame; the battery doesn't need to come out.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 52,
        body: `Didn't even realise the frame had a charging port. Keys ordered, thanks!`,
      },
    ],
  },
  {
    category: 'help',
    title: 'Fold F20 display shows "LO" with a full battery',
    author: 'felixfolds',
    daysAgo: 5,
    solvedBy: 4,
    posts: [
      {
        author: 'felixfolds',
        hoursAfterStart: 0,
        body: `Charged to 100% overnight (green light on the charger), but the Beacon Mini shows "LO" and there's no assist. The LEDs on the pack itself show 5 of 5. Any ideas before I take it to the shop?`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 2,
        body: `Contacts! The Fold's battery slides into the rack and the contacts can get dirty. Clean them with a dry cloth or a bit of isopropyl alcohol.`,
      },
      {
        author: 'felixfolds',
        hoursAfterStart: 4,
        body: `Cleaned the contacts; they looked fine anyway. Still "LO".`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 5,
        body: `Check the battery is fully clicked in. On the Fold the lock has two positions: the first click holds the battery, but it isn't connected until the second. Push until you hear the second click, then lock it.`,
      },
      {
        author: 'felixfolds',
        hoursAfterStart: 6,
        body: `It was sitting on the first click. 😑 Thank you, all good now.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 8,
        body: `That two-stage lock catches a lot of people out. The current Fold has a single-click lock, and we're updating the quick-start card for earlier bikes. Thanks for posting: someone will find this thread.`,
      },
    ],
  },
  {
    category: 'help',
    title: 'Ride app 4.6 on Android: custom modes greyed out',
    author: 'hollis_mtb',
    daysAgo: 4,
    solvedBy: 3,
    posts: [
      {
        author: 'hollis_mtb',
        hoursAfterStart: 0,
        body: `After updating to Ride app 4.6 on Android 14 (Pixel 8), my custom assist modes are greyed out with "Not supported by this bike". R7, motor firmware 1.8.3. It all worked yesterday.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 2,
        body: `Same here on a Samsung. The connection is much better in 4.6 though, so it's half a win.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 5,
        body: `Thanks both. Confirmed with the app team: 4.6 misreads the motor firmware version on R7s running **1.8.3**.

**Workaround until the fix:** update the motor to **1.8.4** (*Bike → Firmware*), which 4.6 recognises correctly. An app fix (4.6.1) is waiting for review in the Play Store.`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 20,
        body: `Updated to 1.8.4 and the custom modes are back. Thanks for the quick answer.`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 40,
        body: `Worked for me too on the R5, though the motor update took 15 minutes over Bluetooth. Keep the charger plugged in, as in the "code 14" thread.`,
      },
    ],
  },
  {
    category: 'help',
    title: 'Does the FC-2 travel charger work with the FW-504?',
    author: 'nadia-b',
    daysAgo: 0.3,
    posts: [
      {
        author: 'nadia-b',
        hoursAfterStart: 0,
        body: `Taking my Metro M3 on holiday by train, and the FC-4 charger is heavy. Does the smaller FC-2 travel charger work with the FW-504 battery, and roughly how long does a full charge take with it?`,
      },
    ],
  },
];
