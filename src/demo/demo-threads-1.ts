import type { DemoThread } from './demo-content.js';

// Demo conversations, part 1: the Community Lounge and the Metro & Fold city bikes.
// Bodies are markdown; multi-line bodies start at column 0 because indentation is meaningful in markdown.

export const generalThreads: DemoThread[] = [
  {
    category: 'lounge',
    title: 'Welcome to the Fernwheel Community — start here',
    author: 'maya-fernwheel',
    daysAgo: 69,
    pinned: true,
    posts: [
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 0,
        body: `Hi everyone, and welcome! 👋

I'm Maya, and I look after this community for the Fernwheel team. This is the place to swap tips with other riders, get help when something isn't right, and tell us (honestly!) what you think of our bikes.

**A few things to know before you post:**

1. **Pick the right board.** Each product line has its own category: Metro & Fold, Haul and Ridgeline. Questions about batteries, chargers, error codes, the Ride app or firmware go in [Batteries, app & firmware Q&A](/c/help).
2. **Look before you ask.** Most error codes, \`E-07\` for example, already have a thread in [the Q&A](/c/help).
3. **Include the details.** Model, frame size, firmware version (Ride app → *Bike* → *About*) and what you already tried. It saves a round of back-and-forth.
4. **Be kind.** Everyone here was a new rider once. Disagree with ideas, not people.
5. **Never post your order number, address or battery serial in public.** If we need them, we'll ask you to contact support privately.

You'll recognise the Fernwheel team by the *-fernwheel* at the end of our usernames. We're around on weekdays during European and North American hours, and we read everything, even when we don't reply straight away.

For warranty claims and orders, please use [Fernwheel Support](https://support.fernwheel.example/contact): we can't look up orders here.

Now introduce yourself below: tell us what you ride and where. 🚲

— Maya`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 5,
        body: `Hi all! Dana from Portland. Metro M3 since March, about 1,300 miles of commuting so far, rain included (so, a lot of rain). Happy to answer belt drive questions: I was the person who asked the shop 40 of them before buying.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 9,
        body: `Hello from Utrecht! Haul C2 with the Kid Rail and footboards, taking a 4- and a 6-year-old to school every day. Our car has moved about twice since October.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 20,
        body: `Ridgeline R7, size L, mostly riding the steep and rooty stuff around Squamish. Fair warning: I will have opinions about the stock tyres.`,
      },
      {
        author: 'felixfolds',
        hoursAfterStart: 30,
        body: `Fold F20 owner here. Train + bike commute: 12 km on each side of a 40-minute train ride. It lives under my desk at work. Nice to finally find a place for this.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 52,
        body: `Worked in a bike shop for eleven years before switching careers. Now I ride a Haul C2 and fix my neighbours' bikes for beer. I'll chime in on the mechanical stuff where I can.`,
      },
      {
        author: 'grandpa_gears',
        hoursAfterStart: 75,
        body: `Seventy-one and back on a bike after 30 years, thanks to my Metro M3 Step-Through. My knees say thank you. My grandkids say I'm "surprisingly fast".`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 80,
        body: `Love this, thank you all for saying hi! @grandpa_gears, "surprisingly fast" is the best review we've had all year. 😄`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 200,
        body: `Late to the party: Kwame from Leeds, Ridgeline R5 hardtail. Bought it for the commute, now accidentally riding trails every weekend.`,
      },
      {
        author: 'nadia-b',
        hoursAfterStart: 410,
        body: `Nadia, from Lyon. Metro M3, mostly to the market and back with two panniers full of cheese. Bonjour à tous !`,
      },
    ],
  },
  {
    category: 'lounge',
    title: "Riding in the cold and wet: what's your setup?",
    author: 'rainycityrider',
    daysAgo: 49.5,
    posts: [
      {
        author: 'rainycityrider',
        hoursAfterStart: 0,
        body: `Days are getting short and wet here in Seattle. Curious what everyone runs for cold, rainy commuting. Lights beyond the built-in ones? Tyres? Do you bring the battery inside? Here's mine so far:

- Metro M3, stock lights plus a helmet light
- Schwalbe Marathon Winter studded on the **front only**
- Battery comes inside overnight (the garage gets down to about 23 °F)
- A neoprene battery cover. Does anyone know if that actually does anything?`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 0.75,
        body: `Battery inside overnight is the big one. Cold cells lose capacity temporarily, and charging below freezing is hard on them; the manual says not to charge below 0 °C. I also keep the bike away from the heater vent so I don't get condensation in the connectors.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 6,
        body: `Studs on the front only is a good call: a front wheel washing out is what puts you on the ground. I'd add: when there's salt on the roads, wipe and re-lube the chain every week. Belt drive owners get to feel smug here.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 7,
        body: `Smug belt owner checking in. 😇 Also: full fenders with a long front mudflap. Your feet will thank you.`,
      },
      {
        author: 'rainycityrider',
        hoursAfterStart: 10,
        replyTo: 4,
        body: `> Belt drive owners get to feel smug here

Okay, that's fair, my M3 has the belt. Mudflap ordered.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 11,
        body: `On the neoprene cover: yes, it helps on long cold rides, because the pack keeps more of its own heat and you'll see less of a range drop. It doesn't replace bringing the battery inside, though.

**Please don't charge a battery that's below 0 °C.** Let it sit at room temperature for an hour first. The charger refuses to charge a cold pack anyway; that's the blinking orange light some of you have seen.`,
      },
      {
        author: 'bikedad_tim',
        hoursAfterStart: 50,
        body: `Ski goggles. Laugh all you want: no more watery eyes at 25 km/h in sleet.`,
      },
    ],
  },
  {
    category: 'lounge',
    title: 'Where did your bike take you this weekend?',
    author: 'pedalpusher88',
    daysAgo: 41,
    posts: [
      {
        author: 'pedalpusher88',
        hoursAfterStart: 0,
        body: `Let's have a thread for weekend rides. I'll start: 64 km loop out to the lake and back on the Metro, two bars left in Eco. Tailwind on the way home for once! Your turn.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 0.4,
        body: `Forest loop with both kids and a flask of hot chocolate on the Haul, 31 km. They both fell asleep against the Kid Rail on the way back, which I consider a parenting win.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 3.5,
        body: `Three laps of the climb trail on the R7 before lunch. Boost mode is cheating and I regret nothing.`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 4,
        replyTo: 3,
        body: `> Boost mode is cheating

Speak for yourself. I did two laps of the same climb in Eco and my legs have filed a formal complaint.`,
      },
      {
        author: 'felixfolds',
        hoursAfterStart: 6,
        body: `Took the Fold on the train to the coast, rode 20 km along the seafront and folded it up next to my table in the café. Nobody even blinked.`,
      },
      {
        author: 'grandpa_gears',
        hoursAfterStart: 9,
        body: `Farmers' market and back, 9 km, with six jars of honey in the basket. Don't laugh, it's a personal best for honey.`,
      },
      {
        author: 'nadia-b',
        hoursAfterStart: 11,
        body: `First ride longer than 30 km, ever! Along the Saône to Neuville and back on my M3. Legs fine, backside less fine.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 13,
        replyTo: 7,
        body: `@nadia-b congrats! A proper saddle fitting fixed that for me. Having your sit bones measured at a shop takes five minutes and is usually free.`,
      },
      {
        author: 'sofia_commutes',
        hoursAfterStart: 20,
        body: `Rode my commute route on a Sunday morning with no traffic, just to enjoy it. Funny how different it feels at 8 am without the buses.`,
      },
      {
        author: 'kwame_o',
        hoursAfterStart: 27,
        body: `Ladybower reservoir loop in the Peak District. The R5 ate the gravel sections. The range estimate said 40 km left at the end, which seems optimistic, but I'll take it.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 33,
        body: `Moved house across town with the Haul C2 and a borrowed trailer. Four trips. I don't recommend it, but I will brag about it.`,
      },
      {
        author: 'pedalpusher88',
        hoursAfterStart: 34,
        replyTo: 11,
        body: `@jpetrov that is the most Fernwheel thing I've ever read. 😂`,
      },
    ],
  },
  {
    category: 'lounge',
    title: 'Insurance for e-bikes: what do you use?',
    author: 'sofia_commutes',
    daysAgo: 29.5,
    posts: [
      {
        author: 'sofia_commutes',
        hoursAfterStart: 0,
        body: `My home insurance covers bikes up to €1,000, which doesn't come close to the price of the M3. Do you insure separately? Anything to watch out for in the small print? I'm in Germany, if that matters.`,
      },
      {
        author: 'nadia-b',
        hoursAfterStart: 27,
        body: `In France I use a specialist bike insurer. Theft cover required an approved lock, and read the lock clause carefully: mine says the **frame** has to be locked to a fixed object. The built-in wheel lock alone doesn't count.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 29,
        body: `Also check whether they cover the battery when it's stolen on its own. My first policy excluded "removable parts", so a stolen battery would have been on me. I had to add it separately.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 31,
        body: `And keep the receipt plus a photo of the frame number in your email. Half the theft claims I saw at the shop stalled because nobody could prove the frame number.`,
      },
      {
        author: 'sofia_commutes',
        hoursAfterStart: 33,
        body: `Great tips, thank you. Found one that covers battery theft and requires a lock rated at least ART 2 stars, which I already have. Signed up, and the frame number photo is now in three places.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 34,
        body: `Adding one thing: register your frame number in the Ride app (*Bike → Ownership*). It doesn't replace insurance, but if a bike is reported stolen we flag its frame number, and any Fernwheel dealer or service centre that scans it gets a warning.

We can't recommend specific insurers here, sorry: it varies too much from country to country.`,
      },
    ],
  },
  {
    category: 'lounge',
    title: 'Dealer service vs doing it yourself?',
    author: 'jpetrov',
    daysAgo: 55,
    posts: [
      {
        author: 'jpetrov',
        hoursAfterStart: 0,
        body: `The manual says first service at 500 km. My dealer wants €89 for it. Is there anything in the first service I can't do myself with basic tools? I'm reasonably handy.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 0.3,
        body: `Mechanically, the first service is:

- check spoke tension (new wheels settle)
- re-torque stem, bars, crank and rack bolts
- check the brakes, bleed if spongy
- take up cable stretch on the gears

All doable with a torque wrench and some patience. The part you *can't* do yourself is the dealer's diagnostic and firmware check on their service tool.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 5,
        body: `Marcus has it right. **To clarify the warranty part, since it comes up a lot:** doing your own maintenance does *not* void your warranty.

What we ask is that the 500 km check gets done by someone, and for electrical claims we'll want a diagnostic log. Any dealer can pull one in a few minutes, or you can export it yourself: Ride app → *Bike → Diagnostics → Share log*.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 8,
        body: `Perfect, that's what I wanted to hear. I'll do the mechanical check myself and export the log.`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 20,
        replyTo: 2,
        body: `Slight disagreement: spoke tension is where people go wrong. If you don't own a tensiometer, pay the shop for that part. I've watched a DIY "quick true" turn a wheel into a taco.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 23,
        replyTo: 5,
        body: `@hollis_mtb fair. "Doable" and "doable without a tensiometer" are two different things; the pluck test only gets you so far.`,
      },
    ],
  },
  {
    category: 'lounge',
    title: 'Hot take: every new rider should do a week in Eco only',
    author: 'trailgoat',
    daysAgo: 36.5,
    posts: [
      {
        author: 'trailgoat',
        hoursAfterStart: 0,
        body: `Hear me out. I did a week of Eco-only on the R7 after losing a bet. My bike handling improved, my range doubled and I stopped treating hills like an elevator. I think every new rider should do it.

Fight me (politely).`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 1,
        body: `Agreed, and I'd add: riding in Eco teaches you to shift properly. People who live in Boost never shift.`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 2,
        replyTo: 1,
        body: `Respectfully: I have 40 kg of children on the back and a school bell at 8:25. Turbo is a lifestyle choice and I'm keeping it.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 2.5,
        replyTo: 3,
        body: `@lena-k cargo parents are exempt. 😄`,
      },
      {
        author: 'grandpa_gears',
        hoursAfterStart: 5,
        body: `I bought an e-bike so I could ride with my grandkids at all. Eco into a headwind at my age isn't "better bike handling", it's a lie-down afterwards.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 6,
        replyTo: 5,
        body: `Fair. Maybe "every rider who *can*", then. I was thinking of the sporty crowd.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 9,
        body: `Data point from my logs: my Wh/km in Eco is about 40% of what it is in Boost. So the range difference is real, not just a feeling.`,
      },
      {
        author: 'sofia_commutes',
        hoursAfterStart: 12,
        body: `Counterpoint: in Normal or Sport I arrive at work without being sweaty. That's the whole reason I commute by bike instead of by car. Eco would mean a shower my office doesn't have.`,
      },
      {
        author: 'hollis_mtb',
        hoursAfterStart: 14,
        body: `The commute angle is fair. Different goals, different modes.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 26,
        body: `Enjoying this debate. Everyone's right for their own riding, which is kind of the point of having modes. 🙂

Fun fact from anonymised app data: across all our bikes, riders spend about **45% of their time in Eco**, but on cargo bikes the top assist level is the most-used mode by far. So Lena is in very good company.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 28,
        body: `Okay, I concede. Hot take downgraded to lukewarm take.`,
      },
    ],
  },
  {
    category: 'lounge',
    title: 'Feature request: a proper range planner in the Ride app',
    author: 'bikedad_tim',
    daysAgo: 15,
    posts: [
      {
        author: 'bikedad_tim',
        hoursAfterStart: 0,
        body: `The range estimate on the bike is OK, but I want to plan a route at home: put in the route, the elevation, rider + cargo weight and the assist mode, and get an estimate. Route planners know the elevation; Fernwheel knows the motor. Put them together, please!

Anyone else want this?`,
      },
      {
        author: 'lena-k',
        hoursAfterStart: 3,
        body: `Yes please. On a cargo bike the load changes everything: 40 kg of kids is a completely different bike.`,
      },
      {
        author: 'trailgoat',
        hoursAfterStart: 5,
        body: `Honestly, I'd rather they fixed the Bluetooth reconnect bug first. Every time I open the app it takes three tries to connect to the R7.`,
      },
      {
        author: 'bikedad_tim',
        hoursAfterStart: 6,
        replyTo: 3,
        body: `@trailgoat fair, but those aren't mutually exclusive. 🙂`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 9,
        body: `Counterpoint: these estimates are never accurate, because wind and temperature dominate. I'd rather have good per-ride energy logging so I can estimate myself.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 10.5,
        body: `Thanks for this. I've passed the request to the app team along with the votes from this thread. Nothing to announce yet.

@chen_wei good news: energy per ride is already logged. Open a ride in the Ride app and look at the *Energy* tab for Wh/km.

@trailgoat the reconnect problem is a known bug on Android 14. The fix is in testing, and I'll post in [the Q&A board](/c/help) when it ships.`,
      },
      {
        author: 'pedalpusher88',
        hoursAfterStart: 26,
        body: `Didn't even know the Energy tab existed. My commute comes out at 9.8 Wh/km. Now I need to know if that's good.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 29,
        body: `That's pretty typical for a hub motor commuter in mixed assist. I average about 11 Wh/km on the Ridgeline on the road and 18+ on trails.`,
      },
    ],
  },
  {
    category: 'lounge',
    title: 'Just picked up my first e-bike!',
    author: 'ruthie-on-wheels',
    daysAgo: 0.4,
    posts: [
      {
        author: 'ruthie-on-wheels',
        hoursAfterStart: 0,
        body: `Collected my Metro M3 Step-Through (sage green!) from the shop this morning. Rode it home in Eco, then immediately went straight back out again.

Any advice for a total beginner? I haven't cycled in about 15 years.`,
      },
      {
        author: 'grandpa_gears',
        hoursAfterStart: 0.3,
        body: `Congratulations! Advice from someone who was in your shoes not long ago:

1. Stay in Eco until you're used to how quickly it pulls away.
2. Practise braking hard in an empty car park, so you know what the bike does.
3. Stop pedalling a moment *before* you brake or shift gear; the hub shifts much more smoothly without load.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 1.5,
        body: `And charge it fully once before your first long ride, so the range estimate has something to learn from. Welcome! Sage green is the best colour, don't let anyone tell you otherwise.`,
      },
    ],
  },
  {
    category: 'lounge',
    title: 'Anyone going on the Fernwheel group ride in Leeds on Saturday?',
    author: 'kwame_o',
    daysAgo: 1.6,
    posts: [
      {
        author: 'kwame_o',
        hoursAfterStart: 0,
        body: `Saw the poster at the dealer on Kirkstall Road: group ride from the canal basin, 10:00 on Saturday, about 35 km at a relaxed pace, all brands welcome. Anyone going?

I'm on the grey R5. I'll be the one with too many snacks.`,
      },
    ],
  },
];

export const metroThreads: DemoThread[] = [
  {
    category: 'metro',
    title: 'Belt drive after 2,000 km: long-term notes on the Metro M3',
    author: 'dana_rides',
    daysAgo: 61,
    posts: [
      {
        author: 'dana_rides',
        hoursAfterStart: 0,
        body: `I promised a long-term write-up, so here it is. **Metro M3, 2,140 km (1,330 miles), mostly commuting in Portland rain.**

What's been great:

- **Zero drivetrain maintenance.** I've rinsed the belt twice. That's it. No lube, no grease on my trousers.
- The Nexus 8 hub shifts while stopped, which is lovely at traffic lights.
- Battery: still getting about 70 km in Normal on a full charge, same as when it was new.

What's been less great:

- **Belt squeak** in dry weather after a muddy week. Fixed with a spray of plain water (seriously). Gates says not to put lube on the belt.
- Taking the rear wheel out for a flat is fiddlier than on a chain bike, because you have to unhook the shifter cable at the hub. Practise at home before you have to do it at the roadside.
- The kickstand is a bit short when the panniers are full.

Overall: would buy again. Questions welcome!`,
      },
      {
        author: 'sofia_commutes',
        hoursAfterStart: 4,
        body: `Super helpful. How did you get the rear wheel off the first time? The diagram in the manual is tiny.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 6,
        replyTo: 2,
        body: `Shift to gear 1 so the cable goes slack, pull the cable housing out of the cassette joint on the hub, then undo the axle nuts (15 mm). Going back on, shift to gear 4 and line up the two yellow marks on the cassette joint. Shimano has a decent video on the Nexus cassette joint if you search for it.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 9,
        body: `One more for the belt: **check the tension** every few thousand km. Too slack and it can skip under hard starts from a standstill. Gates has a free phone app that measures the tension from the sound of the belt when you pluck it.`,
      },
      {
        author: 'nadia-b',
        hoursAfterStart: 30,
        replyTo: 1,
        body: `> Fixed with a spray of plain water (seriously)

I honestly thought my belt was dying. Tried it, squeak gone. Thank you!`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 33,
        body: `Great write-up, Dana, thanks for taking the time.

Confirming Marcus's tension tip: on the Metro M3 the belt should read **35–40 Hz** in the Gates Carbon Drive app. And the short kickstand is fair feedback: the current M3 ships with a longer one (part \`FW-KS-305\`), and dealers can fit it to older bikes.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 35,
        body: `Ooh, ordering that kickstand. Thanks Maya!`,
      },
    ],
  },
  {
    category: 'metro',
    title: 'Fold F20 on trains: folded size and weight in practice',
    author: 'felixfolds',
    daysAgo: 51.5,
    posts: [
      {
        author: 'felixfolds',
        hoursAfterStart: 0,
        body: `For anyone considering the Fold F20 for a train commute, some real-world numbers:

- Folded, it's about **82 × 68 × 40 cm**
- **19.4 kg** on my scale with the battery in
- It fits the luggage rack at the end of the carriage on regional trains, and under the table on intercity trains if nobody is sitting opposite

Carrying it up stairs is the weak point. Where I can, I roll it along on the little wheels on the rear rack. Happy to answer questions.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 28,
        body: `Does the battery come out easily so you can carry it separately? That would knock a couple of kilos off.`,
      },
      {
        author: 'felixfolds',
        hoursAfterStart: 30,
        replyTo: 2,
        body: `Yes, the FW-360 slides out of the rear rack once you unlock it, and it's 2.3 kg on its own. On days with a lot of stairs I carry it in my backpack.`,
      },
      {
        author: 'sofia_commutes',
        hoursAfterStart: 35,
        body: `How is it on rough roads? 20-inch wheels on cobbles scare me a bit.`,
      },
      {
        author: 'felixfolds',
        hoursAfterStart: 38,
        replyTo: 4,
        body: `Honest answer: fine on tarmac, busy on cobbles. I run the tyres at 3 bar instead of 4 and it's much better.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 41,
        body: `Lower pressure on small wheels is the way. Just don't go below the minimum printed on the sidewall: pinch flats on 20" wheels are miserable to fix on a train platform.`,
      },
    ],
  },
  {
    category: 'metro',
    title: 'Best lock for a Metro M3? Frame lock plus a chain?',
    author: 'pedalpusher88',
    daysAgo: 43.5,
    posts: [
      {
        author: 'pedalpusher88',
        hoursAfterStart: 0,
        body: `I park outside a train station, 9 hours a day. At the moment I only use the built-in frame lock (the wheel lock), which I know isn't enough. What do you pair it with? It's a 24 kg bike, so a 2 kg lock doesn't bother me.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 1,
        body: `Frame lock plus a heavy chain that plugs into the frame lock (a "plug-in chain"). One key for both, and the chain goes through the frame to a rack.`,
      },
      {
        author: 'sofia_commutes',
        hoursAfterStart: 3,
        body: `Make sure the chain is rated high enough for your insurer. Mine needed ART 2 stars at least, and for 9 hours at a station I'd go higher than that.`,
      },
      {
        author: 'rainycityrider',
        hoursAfterStart: 6,
        body: `Also take the battery with you. A bike without a battery is a much less attractive target, and a battery on its own is the easiest thing to steal.`,
      },
      {
        author: 'pedalpusher88',
        hoursAfterStart: 8,
        body: `Didn't know plug-in chains were a thing. That's exactly what I wanted. Thanks!`,
      },
      {
        author: 'felixfolds',
        hoursAfterStart: 11,
        body: `Or... get a Fold and take it inside with you. 😇`,
      },
    ],
  },
  {
    category: 'metro',
    title: 'Rattle from the rear rack on my Metro M3',
    author: 'nadia-b',
    daysAgo: 35,
    posts: [
      {
        author: 'nadia-b',
        hoursAfterStart: 0,
        body: `Since last week there's a rattle from the back over bumps, but only with the panniers off. I checked the fender and it seems tight. The bike is 8 months old, about 3,000 km. Any idea where to look?`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 2,
        body: `Classic culprits, most likely first:

1. **Rack bolts at the dropouts.** 4 mm hex, they should be at 5 Nm.
2. The **rear light cable** clip under the rack.
3. The **battery** having a little play in its lock.
4. The **kickstand** spring.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 5,
        body: `Mine was number 2! The light cable was tapping against the rack. One zip tie, silence.`,
      },
      {
        author: 'nadia-b',
        hoursAfterStart: 22,
        body: `It was number 1: one of the rack bolts was almost out. 😳 I added a drop of blue threadlocker and tightened it. Silence. Thank you both!`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 25,
        body: `Glad it's sorted, and good call on the threadlocker: medium-strength (blue) is what we use on those bolts at the factory.

If anyone else finds a loose rack bolt on a Metro M3 built before 2024, mention it to your dealer at your next service. We updated the assembly spec, and they'll redo the others while they're at it.`,
      },
    ],
  },
  {
    category: 'metro',
    title: 'Metro M3 or M3 Step-Through for a 165 cm rider?',
    author: 'ruthie-on-wheels',
    daysAgo: 12.5,
    posts: [
      {
        author: 'ruthie-on-wheels',
        hoursAfterStart: 0,
        body: `I'm 165 cm with a 76 cm inseam. I test rode the M3 in size S and the Step-Through in M, and both felt fine on a ten-minute ride. Which would you pick for daily commuting, maybe with a child seat later on?`,
      },
      {
        author: 'grandpa_gears',
        hoursAfterStart: 3,
        body: `Step-through, no question, if a child seat is on the cards. Swinging a leg over the saddle with a child sitting behind it is a circus act.`,
      },
      {
        author: 'jpetrov',
        hoursAfterStart: 5,
        body: `I'd disagree a little: the diamond frame is stiffer with heavy loads. With a child seat and panniers, a step-through can feel a touch flexy at speed.`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 8,
        body: `Both true. The step-through flex is mostly noticeable above ~25 km/h when loaded, and the motor stops helping at 25 anyway. For a child seat, the getting-on-and-off argument wins for me.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 10,
        body: `Two facts that might help you decide:

- Both frames are rated for the **same 140 kg total** (rider + luggage + bike), and both take a rear child seat on the rack (rack load 27 kg).
- For 165 cm and a 76 cm inseam, our size chart puts you on an **M3 in S or an M3 ST in M**, so exactly the two bikes you tried.

Go with the one that felt more natural to you.`,
      },
      {
        author: 'ruthie-on-wheels',
        hoursAfterStart: 44,
        body: `Ordered the Step-Through in sage green! Thanks everyone, and especially for the honest disagreement, it really helped me think it through.`,
      },
    ],
  },
  {
    category: 'metro',
    title: 'Firmware 3.2.1: smoother start in Normal?',
    author: 'chen_wei',
    daysAgo: 12,
    posts: [
      {
        author: 'chen_wei',
        hoursAfterStart: 0,
        body: `Updated my M3 to 3.2.1 yesterday. The release notes say "improved assist ramp-up". Is it just me, or is the start from a standstill much smoother in Normal now? Before, there was a noticeable lurch about half a pedal stroke in.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 2,
        body: `Not just you. Feels like a different bike in stop-and-go traffic.`,
      },
      {
        author: 'pedalpusher88',
        hoursAfterStart: 4,
        body: `Mine feels *weaker* now? Especially up the hill to my office. Maybe it's placebo.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 5,
        replyTo: 3,
        body: `@pedalpusher88 it ramps up more gradually, so the peak arrives a bit later in the stroke. But check whether your custom assist levels survived the update. Mine were reset.`,
      },
      {
        author: 'pedalpusher88',
        hoursAfterStart: 7,
        body: `...they were reset. Sport was back to the default. Set it up again and the hill is fine. Thanks!`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 9,
        body: `Thanks for flagging the reset.

**Known issue in 3.2.1:** custom assist levels are reset to the defaults during the update. Nothing else is lost; just enter them again under *Ride app → Assist → Custom*. The fix will be in 3.2.2, and we've added a warning to the 3.2.1 release notes in the meantime.`,
      },
    ],
  },
  {
    category: 'metro',
    title: 'Adjusting the stem for a more upright position',
    author: 'grandpa_gears',
    daysAgo: 9,
    posts: [
      {
        author: 'grandpa_gears',
        hoursAfterStart: 0,
        body: `My M3 ST has the adjustable stem, and I'd like the bars about 3 cm higher and a bit closer. The manual says "adjust the stem angle" but not how. There are two bolts on the side. Do I just loosen those?`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 2,
        body: `Yes, but carefully:

1. Loosen the angle bolt (usually 6 mm hex) just enough to move the stem.
2. Set the angle you want.
3. **Tighten to the torque printed on the stem**, often 18 Nm for the angle bolt.
4. Check the bars aren't twisted, and that the cables still have slack with the bars turned all the way to each side.`,
      },
      {
        author: 'grandpa_gears',
        hoursAfterStart: 5,
        body: `I don't own a torque wrench. Is "firmly" all right?`,
      },
      {
        author: 'marcus_wrench',
        hoursAfterStart: 6,
        replyTo: 3,
        body: `For a stem, I'd honestly borrow or buy one. A basic 2–24 Nm torque wrench costs about €35, and stems are the one place where "firmly" can go wrong in both directions.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 19,
        body: `Seconding Marcus. Your dealer will also do this for free during the first year if you pop in; it takes them five minutes.`,
      },
      {
        author: 'grandpa_gears',
        hoursAfterStart: 46,
        body: `Dealer did it for free this morning, and I bought the torque wrench anyway. Bars up 3 cm and my shoulders are very happy.`,
      },
    ],
  },
  {
    category: 'metro',
    title: 'Metro M3 and M3 ST firmware 3.2.2 is rolling out',
    author: 'maya-fernwheel',
    daysAgo: 6,
    posts: [
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 0,
        body: `Hi all, **firmware 3.2.2 for the Metro M3 and M3 Step-Through** is rolling out in the Ride app from today. It's staged over about a week, so don't worry if you don't see it yet.

**What's new**

- Custom assist levels are no longer reset during updates (the 3.2.1 issue, see [the Q&A](/c/help))
- Walk assist starts more gently on steep ramps
- The range estimate now learns from your last 10 rides instead of the last 3, so it jumps around less
- Display brightness follows the light sensor more smoothly at dusk

**How to update:** Ride app → *Bike → Firmware*. Keep the charger connected and the app in the foreground; it takes about 10 minutes.

As always, tell us here if anything seems off after updating.`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 3,
        body: `Updated, and my custom modes survived this time. 🎉`,
      },
      {
        author: 'pedalpusher88',
        hoursAfterStart: 8,
        body: `The range estimate is so much calmer. It used to swing between 40 and 70 km depending on the last hill I climbed.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 30,
        body: `Still not showing up for me. Is there a way to force it?`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 34,
        body: `@dana_rides not at the moment, sorry. The staged rollout picks bikes at random so we can pause it if anything goes wrong. Every bike should have it within 7 days of the start.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 70,
        body: `Got it this morning. All good!`,
      },
    ],
  },
  {
    category: 'metro',
    title: 'Headlight flickers over bumps',
    author: 'rainycityrider',
    daysAgo: 3,
    posts: [
      {
        author: 'rainycityrider',
        hoursAfterStart: 0,
        body: `The front light on my M3 flickers whenever I hit a bump. It's powered by the main battery, so I suspect a loose connector somewhere. Has anyone had this? The bike is about a year and a half old.`,
      },
      {
        author: 'dana_rides',
        hoursAfterStart: 5,
        body: `Had exactly this. The connector behind the headlight bracket had water in it. I dried it out and added a little dielectric grease, and it's been fine since.`,
      },
      {
        author: 'rainycityrider',
        hoursAfterStart: 26,
        body: `Found it: the connector was half out and a bit green. Cleaned it with contact cleaner, greased it and pushed it home until it clicked. Flicker gone. Thanks!`,
      },
    ],
  },
  {
    category: 'metro',
    title: 'Tyre pressure for the Metro M3: what do you run?',
    author: 'ruthie-on-wheels',
    daysAgo: 0.2,
    posts: [
      {
        author: 'ruthie-on-wheels',
        hoursAfterStart: 0,
        body: `The sidewall says 2.5–5 bar. I'm 62 kg and ride on city streets with some tram tracks. The shop pumped them to 4.5 and it feels quite harsh. What do other people run?`,
      },
    ],
  },
];
