import { threads } from '../src/demo/demo-content.js';
threads.forEach((t, i) => { if (t.posts.length >= 5) { console.log(`#${i} ${t.title} (${t.posts.length})`); t.posts.forEach((p, n) => console.log(`   ${n + 1} ${p.author}: ${p.body.slice(0, 110).replace(/\n/g, ' ')}`)); } });
