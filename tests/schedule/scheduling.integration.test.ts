import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/build/load-content.ts'
import { packCorpus } from '../../src/build/pack.ts'
import type { Env } from '../../src/config.ts'
import { FORMATS } from '../../src/feeds/formats.ts'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import { freshnessLeft } from '../../src/http/cache-control.ts'
import entry from '../../src/index.ts'
import { REVEAL_TAGS } from '../../src/schedule/reveal-purge.ts'
import { createWorker } from '../../src/worker.ts'
import { articleText, files } from '../fixtures/articles.ts'
import { TINY_IMAGES } from '../fixtures/tiny-images.ts'
import { walk } from '../helpers/archive-walk.ts'
import { countingFormats } from '../helpers/counting-formats.ts'
import { memoryFiles } from '../helpers/memory-files.ts'

// The build runs at T0: 40 articles before it, one at T0 + 1 s and one at T0 + 60 s, and a draft.
const T0 = Date.parse('2026-06-01T12:00:00Z')
const SOON = T0 + 1_000
const LATER = T0 + 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const OLD = 40

const texts: Record<string, string | Uint8Array> = {
  // A Markdown article with its own image: the image is hidden with it.
  'soon.md': articleText('# Zebra launch', 'Zebra secret text.\n\n![Zebra cover](images/zebra.png)', {
    published: iso(SOON),
    tags: 'Rust, Zebra',
  }),
  'later.txt': articleText('Quokka minute', 'Quokka secret text.', { published: iso(LATER), tags: 'Rust' }),
  'draft.md': articleText('# Wombat draft', 'Wombat secret text.\n\n![Wombat cover](images/wombat.gif)', {
    published: iso(T0 - 7_200_000),
    tags: 'Wombat, Rust',
    draft: 'true',
  }),
  'images/zebra.png': TINY_IMAGES.png,
  'images/wombat.gif': TINY_IMAGES.gif,
}
for (let i = 0; i < OLD; i++)
  texts[`old-${String(i).padStart(2, '0')}.txt`] = articleText(`Old post ${i}`, `Body ${i}.`, {
    published: iso(T0 - (OLD - i) * 3_600_000),
    tags: i % 2 ? 'Rust' : 'Go',
  })
const content = await loadContent(files(texts))
const packed = packCorpus(content.articles, content.media, { now: T0, usedBy: content.usedBy })
const zebraImage = `/${[...content.media.keys()][0]}`

/** Settings of every request: 5 items per feed (so the feeds have archive pages), a known deployment. */
function envOf(version: string): Env {
  return {
    FEED_ITEMS: '5',
    SITE_URL: 'https://news.example.com',
    CF_VERSION_METADATA: { id: version, timestamp: iso(T0 - 86_400_000) },
  }
}

/** A Worker over the packed files whose clock the test sets. */
function scheduledWorker(version = crypto.randomUUID(), formats = FORMATS) {
  const clock = { now: T0 }
  const env = envOf(version)
  const worker = createWorker({ files: memoryFiles(packed), clock: () => clock.now, formats })
  const get = (path: string, init?: RequestInit) =>
    Promise.resolve(worker.fetch(new Request(`https://news.example.com${path}`, init), env))
  const request = (input: string | Request, init?: RequestInit) =>
    get(typeof input === 'string' ? input.replace(/^https?:\/\/[^/]+/, '') : new URL(input.url).pathname, init)
  return { worker, clock, env, get, app: { request } }
}

const FEEDS = FORMATS.map((f) => f.path)
/** A URL of every kind that shows a scheduled article once it has appeared. */
const HEADS = [
  '/',
  '/tags',
  '/tags/rust',
  '/feeds.opml',
  '/sitemap.xml',
  '/feed',
  ...FEEDS,
  ...FEEDS.map((p) => `/tags/rust${p}`),
]
/** Lists of tags: a scheduled article shows there only by the new tag it brings (the article at T0 + 60 s brings none). */
const TAG_LISTS = ['/tags', '/feeds.opml']
/** URLs that change when one appears (they shift by one) but never show it, and an article's page, which does not change. */
const OTHERS = ['/page/2', ...FEEDS.map((p) => `/archive/2${p}`), '/articles/old-post-39']
const LISTS = [...HEADS, ...OTHERS]
/** The URLs of the article at T0 + 1 s: 404 before it, 200 from it on. */
const ZEBRA = ['/articles/zebra-launch', '/tags/zebra', ...FEEDS.map((p) => `/tags/zebra${p}`), zebraImage]
const QUOKKA = ['/articles/quokka-minute']
const DRAFT = ['/articles/wombat-draft', '/tags/wombat', ...FEEDS.map((p) => `/tags/wombat${p}`)]

interface Seen {
  status: number
  body: string
  etag: string | null
  cacheControl: string | null
  cdnCacheControl: string | null
  lastModified: string | null
}

async function see(get: (path: string) => Promise<Response>, path: string): Promise<Seen> {
  const res = await get(path)
  const body = path.startsWith('/media/') ? '' : (await res.text()).toLowerCase()
  if (path.startsWith('/media/')) await res.body?.cancel()
  const h = res.headers
  return {
    status: res.status,
    body,
    etag: h.get('ETag'),
    cacheControl: h.get('Cache-Control'),
    cdnCacheControl: h.get('Cloudflare-CDN-Cache-Control'),
    lastModified: h.get('Last-Modified'),
  }
}

/** Every URL at the worker's current time: what is visible, and that nothing else leaks. */
async function crawl(get: (path: string) => Promise<Response>): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>()
  for (const path of [...LISTS, ...ZEBRA, ...QUOKKA, ...DRAFT]) seen.set(path, await see(get, path))
  return seen
}

/** Checks a crawl against which scheduled articles have appeared. */
function expectVisible(seen: Map<string, Seen>, zebra: boolean, quokka: boolean, when: string) {
  for (const path of LISTS) {
    const page = seen.get(path) as Seen
    const head = HEADS.includes(path)
    expect(page.status, `${when} ${path}`).toBe(200)
    expect(page.body.includes('zebra'), `${when} ${path} names the article at T0 + 1 s`).toBe(head && zebra)
    expect(page.body.includes('quokka'), `${when} ${path} names the article at T0 + 60 s`).toBe(
      head && quokka && !TAG_LISTS.includes(path),
    )
    expect(page.body.includes('wombat'), `${when} ${path} names the draft`).toBe(false)
  }
  for (const path of ZEBRA) expect(seen.get(path)?.status, `${when} ${path}`).toBe(zebra ? 200 : 404)
  for (const path of QUOKKA) expect(seen.get(path)?.status, `${when} ${path}`).toBe(quokka ? 200 : 404)
  for (const path of DRAFT) expect(seen.get(path)?.status, `${when} ${path}`).toBe(404)
  // A 404 is never stored: the URL answers 200 the moment its article appears.
  for (const path of [...ZEBRA, ...QUOKKA, ...DRAFT]) {
    const page = seen.get(path) as Seen
    if (page.status === 404) expect(page.cacheControl, `${when} ${path}`).toBe('no-store')
  }
}

const visibleAt = (t: number) => content.articles.filter((a) => Date.parse(a.published) <= t)

describe('scheduled publishing', () => {
  it('hides the articles of T0 + 1 s and T0 + 60 s on every URL until their second, then shows them everywhere', async () => {
    const { clock, get, app } = scheduledWorker()
    const checks: [number, boolean, boolean][] = [
      [T0, false, false],
      [SOON - 1, false, false],
      [SOON, true, false],
      [T0 + 30_000, true, false],
      [LATER - 1, true, false],
      [LATER, true, true],
      [LATER + 1_000, true, true],
    ]
    for (const [t, zebra, quokka] of checks) {
      clock.now = t
      const when = `at T0 + ${t - T0} ms`
      expectVisible(await crawl(get), zebra, quokka, when)
      // Every format's archive walk visits each visible article exactly once, newest first.
      const expected = visibleAt(t).map((a) => a.id)
      for (const format of FORMATS)
        expect(
          await walk(app, `https://news.example.com${format.path}`, format.name),
          `${when} ${format.name}`,
        ).toEqual(expected)
      const rust = visibleAt(t).filter((a) => a.tags.includes('Rust'))
      const tagWalk = await walk(app, 'https://news.example.com/tags/rust/feed.json', 'jsonFeed')
      expect(tagWalk, when).toEqual(rust.map((a) => a.id))
      // The tag list counts what has appeared.
      const tags = (await (await get('/tags')).text()).replace(/\s+/g, ' ')
      expect(tags, when).toMatch(new RegExp(`>Rust</a> <span class="count">${rust.length}<`))
    }
  })

  it('moves the ETag and Last-Modified at each reveal, to the time the article appeared', async () => {
    const { clock, get } = scheduledWorker()
    const at = async (t: number) => {
      clock.now = t
      return see(get, '/feed.json')
    }
    const before = await at(T0)
    const first = await at(SOON)
    const second = await at(LATER)
    expect(new Set([before.etag, first.etag, second.etag]).size).toBe(3)
    expect(before.lastModified).toBe(new Date(T0 - 3_600_000).toUTCString())
    expect(first.lastModified).toBe(new Date(SOON).toUTCString())
    expect(second.lastModified).toBe(new Date(LATER).toUTCString())
    // A reader that polls with the old validator gets the new feed, not a 304.
    clock.now = SOON
    const polled = await get('/feed.json', { headers: { 'If-None-Match': before.etag as string } })
    expect(polled.status).toBe(200)
    expect(await polled.text()).toContain('Zebra launch')
  })

  it('cuts Cache-Control (and Workers Cache’s own header) to end by the next reveal, on what the reveal changes only', async () => {
    const { clock, get } = scheduledWorker()
    const usual = 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400'
    const cases: [number, string][] = [
      [T0 - 400_000, 'public, max-age=300, stale-while-revalidate=101'],
      [T0 - 120_000, 'public, max-age=121'],
      [T0, 'public, max-age=1'],
      [SOON - 400, 'public, max-age=0'],
      [SOON, 'public, max-age=59'],
      [LATER - 1_000, 'public, max-age=1'],
      [LATER, usual],
    ]
    for (const [t, expected] of cases) {
      clock.now = t
      for (const path of LISTS.filter((p) => p !== '/articles/old-post-39')) {
        const page = await see(get, path)
        expect(page.cacheControl, `T0 + ${t - T0} ms ${path}`).toBe(expected)
        // With SITE_URL, Workers Cache may keep pages: it gets the same bound.
        if (expected !== usual) expect(page.cdnCacheControl, `T0 + ${t - T0} ms ${path}`).toBe(expected)
      }
      // What no reveal changes keeps its usual freshness: an article's page, a full archive page, an image.
      expect((await see(get, '/articles/old-post-39')).cacheControl).toBe(usual)
      expect((await see(get, '/archive/1/feed.json')).cacheControl).toBe('public, max-age=31536000, immutable')
    }
    clock.now = SOON
    expect((await see(get, '/articles/zebra-launch')).cacheControl).toBe(usual)
    expect((await see(get, zebraImage)).cacheControl).toBe('public, max-age=31536000, immutable')
    // A 304 carries the cut too.
    clock.now = SOON
    const { etag } = await see(get, '/feed.json')
    clock.now = SOON + 30_000
    const revalidated = await get('/feed.json', { headers: { 'If-None-Match': etag as string } })
    expect([revalidated.status, revalidated.headers.get('Cache-Control')]).toEqual([304, 'public, max-age=29'])
  })

  it('serves the new set after a reveal while the old one is in the isolate memo and the Cache API', async () => {
    const version = crypto.randomUUID()
    const counted = countingFormats()
    const a = scheduledWorker(version)
    const old = await see(a.get, '/feed.json')
    expect(old.body).not.toContain('zebra')
    // A second isolate of the same deployment reads the first one's bytes from the Cache API: it renders nothing.
    const b = scheduledWorker(version, counted.formats)
    expect((await see(b.get, '/feed.json')).etag).toBe(old.etag)
    expect(counted.renders.get('jsonFeed') ?? 0).toBe(0)
    a.clock.now = SOON
    b.clock.now = SOON
    // The second isolate renders the new feed; the first, with the old one in its memo, reads the new one from the Cache API.
    for (const worker of [b, a]) {
      const fresh = await see(worker.get, '/feed.json')
      expect(fresh.etag).not.toBe(old.etag)
      expect(fresh.body).toContain('zebra launch')
    }
    expect(counted.renders.get('jsonFeed')).toBe(1)
  })

  it('never serves the content files, which name scheduled articles', async () => {
    for (const path of ['/_content/manifest.json', '/_content/articles/0.json', '/_content/slugs/0.json']) {
      const res = await exports.default.fetch(`http://localhost:8787${path}`)
      await res.body?.cancel()
      expect(res.status, path).toBe(404)
    }
  })

  it('keeps drafts out of the packed files, and their images', async () => {
    expect(content.drafts.map((d) => d.title)).toEqual(['Wombat draft'])
    expect(content.media.size).toBe(1)
    for (const [path, file] of packed) {
      if (typeof file === 'string') expect(file.toLowerCase().includes('wombat'), path).toBe(false)
      else expect(file, path).not.toEqual(TINY_IMAGES.gif)
    }
  })
})

describe('the preview build', () => {
  it('serves drafts and scheduled articles with a banner on every page; a normal build has none', async () => {
    const all = await loadContent(files(texts), { drafts: true })
    const preview = createWorker({
      files: memoryFiles(packCorpus(all.articles, all.media, { preview: true })),
      clock: () => T0,
    })
    const normal = scheduledWorker()
    for (const path of ['/', '/articles/wombat-draft', '/articles/quokka-minute', '/tags', '/feed.json']) {
      // A preview answers on this machine only (see reveal-edges).
      const res = await preview.fetch(
        new Request(`http://localhost:8787${path}`, { headers: { 'Sec-Fetch-Dest': 'document' } }),
        { ...envOf('p'), SITE_URL: '' },
      )
      const body = await res.text()
      expect([res.status, body.includes('Preview: this page shows drafts and scheduled articles')], path).toEqual([
        200,
        true,
      ])
    }
    expect(await (await normal.get('/')).text()).not.toContain('Preview:')
  })
})

describe('Cache-Control cut to a reveal', () => {
  it('leaves max-age plus stale-while-revalidate within the seconds left, and the usual value when it fits', () => {
    const bound = { until: 1_000_000, maxAge: 300, staleWhileRevalidate: 600 }
    const at = (left: number) => freshnessLeft(bound, bound.until - left * 1000)
    expect(at(901)).toBeUndefined()
    expect(at(900)).toBeUndefined()
    expect(at(899.5)).toBe('public, max-age=300, stale-while-revalidate=599')
    expect(at(301)).toBe('public, max-age=300, stale-while-revalidate=1')
    expect(at(300)).toBe('public, max-age=300')
    expect(at(12.9)).toBe('public, max-age=12')
    expect(at(0)).toBe('public, max-age=0')
    // A response made just before the reveal, sent just after: nothing to keep.
    expect(at(-5)).toBe('public, max-age=0')
  })
})

describe('the Cron Trigger', () => {
  it('finds the reveals of the last two minutes and would purge what they changed; without Workers Cache it says so', async () => {
    const { worker, env } = scheduledWorker()
    const run = (t: number) =>
      worker.scheduled(
        createScheduledController({ scheduledTime: t, cron: '* * * * *' }),
        env,
        createExecutionContext(),
      )
    expect(await run(T0)).toEqual({ appeared: [], purged: false })
    expect(await run(T0 + 60_000)).toEqual({
      appeared: [iso(SOON), iso(LATER)],
      purged: false,
      reason: 'no Workers Cache in this runtime',
    })
    expect((await run(T0 + 150_000)).appeared).toEqual([iso(LATER)])
    expect((await run(T0 + 200_000)).appeared).toEqual([])
  })

  it('runs as the deployed Worker’s scheduled handler', async () => {
    const ctx = createExecutionContext()
    await entry.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, ctx)
    await waitOnExecutionContext(ctx)
  })

  it('purges the tags of every response a reveal changes', async () => {
    const { clock, get } = scheduledWorker()
    clock.now = T0
    for (const path of LISTS.filter((p) => p !== '/articles/old-post-39')) {
      const res = await get(path)
      await res.body?.cancel()
      expect(
        (res.headers.get('Cache-Tag') ?? '').split(',').some((t) => (REVEAL_TAGS as readonly string[]).includes(t)),
        path,
      ).toBe(true)
    }
  })
})

describe('scheduled articles in the JSON Feed', () => {
  it('enter at the head: the full archive pages keep their bytes', async () => {
    const { clock, get } = scheduledWorker()
    const page = async (t: number) => {
      clock.now = t
      return (await get('/archive/1/feed.json')).text()
    }
    const before = await page(T0)
    expect(await page(LATER)).toBe(before)
    const feed = JSON.parse(await (await get('/feed.json')).text()) as JsonFeed
    expect(feed.items.slice(0, 2).map((i) => i.title)).toEqual(['Quokka minute', 'Zebra launch'])
  })
})
