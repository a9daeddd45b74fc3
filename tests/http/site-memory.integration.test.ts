import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import type { FeedFormat } from '../../src/feeds/feed-format.ts'
import { FORMATS } from '../../src/feeds/formats.ts'
import { SITE_LIMITS } from '../../src/site/site-memo.ts'
import { MAX_SITES } from '../../src/site/sites.ts'
import { articleText, files, loadArticles } from '../fixtures/articles.ts'
import { appWith } from '../helpers/app.ts'
import { countingFormats } from '../helpers/counting-formats.ts'

/** `count` small articles, one hour apart, through the real pipeline. */
async function corpus(count: number) {
  const texts: Record<string, string> = {}
  for (let i = 0; i < count; i++)
    texts[`${String(i).padStart(4, '0')}.txt`] = articleText(`Article number ${i}`, `Body of article ${i}.`, {
      published: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    })
  return loadArticles(files(texts))
}

/** An app that counts what it builds, by key. */
function counted(articles: Awaited<ReturnType<typeof corpus>>, formats?: readonly FeedFormat[]) {
  const builds = new Map<string, number>()
  const app = appWith({
    articles,
    ...(formats && { formats }),
    onBuild: (key) => builds.set(key, (builds.get(key) ?? 0) + 1),
  })
  return { app, builds }
}

const articles = await corpus(SITE_LIMITS.articles.entries + 100)

describe('what an isolate keeps', () => {
  it('keeps the feeds and the newest articles however many other pages are served, and bounds the long tail', async () => {
    const { app, builds } = counted(articles)
    const newest = articles[0]!.slug
    const tail = articles.slice(20) // past FEED_ITEMS: the long tail
    await app.request('/feed.xml')
    await app.request(`/articles/${newest}`)
    for (const a of tail) expect((await app.request(`/articles/${a.slug}`)).status).toBe(200)
    await app.request('/feed.xml')
    await app.request(`/articles/${newest}`)
    expect(builds.get('feed rss')).toBe(1)
    expect(builds.get(`article ${newest}`)).toBe(1)
    // The first tail page was evicted by the ones after it: asking again builds it again.
    await app.request(`/articles/${tail[0]!.slug}`)
    expect(builds.get(`article ${tail[0]!.slug}`)).toBe(2)
    // The most recent tail page is still there.
    await app.request(`/articles/${tail.at(-1)!.slug}`)
    expect(builds.get(`article ${tail.at(-1)!.slug}`)).toBe(1)
  })

  it(`keeps at most ${MAX_SITES} origins (a Host header is client data)`, async () => {
    const { app, builds } = counted(articles)
    for (let i = 0; i <= MAX_SITES; i++) await app.request(`http://host-${i}.example/feed.xml`)
    expect(builds.get('feed rss')).toBe(MAX_SITES + 1)
    await app.request(`http://host-${MAX_SITES}.example/feed.xml`)
    expect(builds.get('feed rss')).toBe(MAX_SITES + 1)
    await app.request('http://host-0.example/feed.xml')
    expect(builds.get('feed rss')).toBe(MAX_SITES + 2)
  })

  it('renders a feed once for its fixed URL and /feed, which only adds headers', async () => {
    const { app, builds } = counted(articles)
    const fixed = await app.request('/atom.xml')
    const negotiated = await app.request('/feed', { headers: { Accept: 'application/atom+xml' } })
    expect(await negotiated.text()).toBe(await fixed.text())
    expect(negotiated.headers.get('Content-Location')).toBe('http://localhost/atom.xml')
    expect(builds.get('feed atom')).toBe(1)
    expect(builds.get('feed atom negotiated')).toBeUndefined()
  })
})

describe('the Cache API write after the response (waitUntil)', () => {
  it('stores the rendered bytes through the execution context, so a fresh isolate renders nothing', async () => {
    const env = { CF_VERSION_METADATA: { id: `wait-until-${crypto.randomUUID()}` } }
    const first = countingFormats()
    const ctx = createExecutionContext()
    const res = await appWith({ articles, formats: first.formats }).fetch(
      new Request('http://localhost/atom.xml'),
      env,
      ctx,
    )
    const body = await res.text()
    await waitOnExecutionContext(ctx)
    expect(first.renders.get('atom')).toBe(1)
    const second = countingFormats()
    const again = await appWith({ articles, formats: second.formats }).fetch(
      new Request('http://localhost/atom.xml'),
      env,
      createExecutionContext(),
    )
    expect(second.renders.get('atom')).toBeUndefined()
    expect(await again.text()).toBe(body)
    expect(again.headers.get('ETag')).toBe(res.headers.get('ETag'))
  })
})

describe('the hot path', () => {
  it('answers a polled feed exactly as the routes do', async () => {
    const app = appWith({ articles })
    for (const format of FORMATS) {
      const routed = await app.request(format.path, { headers: { 'Accept-Encoding': 'gzip' } })
      const fast = await app.request(format.path, { headers: { 'Accept-Encoding': 'gzip' } })
      expect([...fast.headers]).toEqual([...routed.headers])
      expect(new Uint8Array(await fast.arrayBuffer())).toEqual(new Uint8Array(await routed.arrayBuffer()))
      const etag = routed.headers.get('ETag')!
      expect(
        (await app.request(format.path, { headers: { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' } })).status,
      ).toBe(304)
    }
  })
})
