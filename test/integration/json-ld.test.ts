import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCategory, makeReply, makeThread } from '../../src/demo/factories.js';
import { createForumContext } from '../helpers/forum.js';

let ctx: Awaited<ReturnType<typeof createForumContext>>;
let base: string;
beforeAll(async () => {
  ctx = await createForumContext({ rateLimit: false });
  base = ctx.config.baseUrl;
  makeCategory(ctx.services, { name: 'Kettle help', slug: 'help', kind: 'questions' });
});
afterAll(() => ctx.close());

/** Every JSON-LD block of a page, parsed. */
function jsonLd(page: string): Record<string, any>[] {
  return [...page.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!));
}

const meta = (page: string, property: string) => page.match(new RegExp(`<meta property="${property}" content="([^"]*)">`))?.[1];

describe('thread pages carry schema.org JSON-LD', () => {
  it('describes a question as a QAPage with its accepted and suggested answers', async () => {
    const q = await makeThread(ctx.services, ctx.member, { category: 'help', title: 'Kettle clicks off at 90 °C', body: 'It **stops** early & beeps.' });
    const answer = await makeReply(ctx.services, ctx.other, { threadId: q.threadId, body: 'Descale it: use *citric acid*.' });
    const other = await makeReply(ctx.services, ctx.manager, { threadId: q.threadId, body: 'Also update the firmware.' });
    const hidden = await makeReply(ctx.services, ctx.other, { threadId: q.threadId, body: 'Secret hidden words' });
    await ctx.http.post(`/p/${hidden.postId}/hide`, { reason: 'Spam' }, { as: ctx.manager });
    await ctx.http.post(`/p/${answer.postId}/accept`, {}, { as: ctx.member });
    await ctx.http.post(`/p/${answer.postId}/helpful`, {}, { as: ctx.manager });
    await ctx.http.post(`/p/${q.postId}/helpful`, {}, { as: ctx.other });
    const path = `/t/${q.threadId}/${q.slug}`;
    // Search engines read pages as visitors: a member's page (here a manager's, viewed first, who
    // can read the hidden post) carries no JSON-LD, and the visitor's leaves the hidden post out.
    expect(jsonLd(await (await ctx.http.get(path, { as: ctx.manager })).text())).toEqual([]);
    {
      const page = await (await ctx.http.get(path)).text();
      const [data, ...more] = jsonLd(page);
      expect(more).toEqual([]);
      expect(data).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'QAPage',
        mainEntity: {
          '@type': 'Question',
          name: 'Kettle clicks off at 90 °C',
          text: 'It stops early & beeps.',
          answerCount: 2,
          upvoteCount: 1,
          author: { '@type': 'Person', name: 'alice', url: `${base}/u/alice` },
          acceptedAnswer: { '@type': 'Answer', text: 'Descale it: use citric acid.', url: `${base}${path}#post-2`, upvoteCount: 1, author: { name: 'bob' } },
          suggestedAnswer: [{ '@type': 'Answer', text: 'Also update the firmware.', url: `${base}${path}#post-3`, upvoteCount: 0, author: { name: 'mia' } }],
        },
      });
      expect(new Date(data!['mainEntity'].dateCreated).toISOString()).toBe(data!['mainEntity'].dateCreated);
      expect(JSON.stringify(data)).not.toContain('Secret hidden words');
    }
    expect(other.postId).toBeGreaterThan(answer.postId);
  });

  it("leaves the asker's own replies out of the suggested answers and the answer count", async () => {
    const q = await makeThread(ctx.services, ctx.member, { category: 'help', title: 'Kettle will not pair with the app', body: 'Bluetooth pairing fails.' });
    await makeReply(ctx.services, ctx.other, { threadId: q.threadId, body: 'Hold the power button for ten seconds, then pair.' });
    await makeReply(ctx.services, ctx.member, { threadId: q.threadId, body: 'Thanks! That worked.' });
    const page = await (await ctx.http.get(`/t/${q.threadId}/${q.slug}`)).text();
    const [data] = jsonLd(page);
    expect(data!['mainEntity'].suggestedAnswer.map((answer: { text: string; author: { name: string } }) => [answer.author.name, answer.text])).toEqual([
      ['bob', 'Hold the power button for ten seconds, then pair.'],
    ]);
    expect(data!['mainEntity'].answerCount).toBe(1);
  });

  it('describes a discussion as a DiscussionForumPosting with its replies as comments', async () => {
    const t = await makeThread(ctx.services, ctx.member, { category: 'kettles', title: 'Show us your kettle', body: 'Mine is [blue](https://example.com).' });
    await makeReply(ctx.services, ctx.other, { threadId: t.threadId, body: 'Mine is red.' });
    const path = `/t/${t.threadId}/${t.slug}`;
    const page = await (await ctx.http.get(path)).text();
    const [data] = jsonLd(page);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'DiscussionForumPosting',
      headline: 'Show us your kettle',
      text: 'Mine is blue.',
      author: { '@type': 'Person', name: 'alice' },
      url: `${base}${path}`,
      commentCount: 1,
      interactionStatistic: { '@type': 'InteractionCounter', interactionType: 'https://schema.org/CommentAction', userInteractionCount: 1 },
      comment: [{ '@type': 'Comment', text: 'Mine is red.', author: { name: 'bob' }, url: `${base}${path}#post-2` }],
    });
    expect(meta(page, 'og:title')).toBe('Show us your kettle');
    expect(meta(page, 'og:type')).toBe('article');
    expect(meta(page, 'og:url')).toBe(`${base}${path}`);
    expect(meta(page, 'og:site_name')).toBeTruthy();
    expect(meta(page, 'og:description')).toBe('Mine is blue.');
    expect(page).toContain(`<link rel="canonical" href="${base}${path}">`);
  });

  it('keeps a hostile post inside the data block', async () => {
    const evil = '</script><script>alert(1)</script> <!-- \u2028 & done';
    const t = await makeThread(ctx.services, ctx.member, { category: 'help', title: 'Evil </script> title', body: `\`${evil}\`\n\n${evil}` });
    await makeReply(ctx.services, ctx.other, { threadId: t.threadId, body: evil });
    const page = await (await ctx.http.get(`/t/${t.threadId}/${t.slug}`)).text();
    const block = page.match(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/)![1]!;
    expect(block).not.toMatch(/[<>\u2028]/);
    expect(block).not.toContain('&');
    const data = JSON.parse(block);
    expect(data.mainEntity.name).toBe('Evil </script> title');
    expect(data.mainEntity.text).toContain('</script><script>alert(1)</script>');
    expect(data.mainEntity.suggestedAnswer[0].text).toContain('</script><script>alert(1)</script>');
    // Nothing else on the page became a script.
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('has no JSON-LD on pages of threads that are not published', async () => {
    makeCategory(ctx.services, { name: 'Held', slug: 'held', moderation: 'all' });
    const response = await ctx.http.post('/t', { category: 'held', title: 'Waiting question here', body: 'Waiting body' }, { as: ctx.member });
    const page = await (await ctx.http.get(response.headers.get('location')!, { as: ctx.member })).text();
    expect(jsonLd(page)).toEqual([]);
  });
});
