import { beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../src/build/load-content.ts'
import { packCorpus } from '../../src/build/pack.ts'
import type { Env } from '../../src/config.ts'
import { FAULT_POLICY } from '../../src/faults/policy.ts'
import { FORMATS } from '../../src/feeds/formats.ts'
import { createWorker } from '../../src/worker.ts'
import { articleText, files } from '../fixtures/articles.ts'
import { RICH_IMAGE, RICH_MARKDOWN } from '../fixtures/rich-article.ts'
import { type Fault, FaultWorker } from '../helpers/faults.ts'

// The content binding is a real Worker behind a service binding (tests/helpers/fault-worker.js)
// serving the files the build lays out, and failing on command. Deadlines are cut to milliseconds.
const LIMITS = { requestBudgetMs: 600, readTimeoutMs: 400, cacheTimeoutMs: 200 }
const ORIGIN = 'https://faults.example'
const faults = new FaultWorker('FAULTS_CONTENT')
const env: Env = { ASSETS: faults.binding }

/** 100 articles tagged `alpha` (so: a deep index page, archive pages, a tag's feed) and the Markdown example with its image. */
async function corpus(): Promise<{ files: Map<string, string | Uint8Array>; slug: string; media: string }> {
  const texts: Record<string, string | Uint8Array> = {
    '2024-05-rich-article.md': RICH_MARKDOWN,
    'images/pipeline.png': RICH_IMAGE,
  }
  for (let i = 0; i < 100; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString()
    texts[`post-${i}.txt`] = articleText(`Post ${i}`, `Body of post ${i}.`, { published: day, tags: 'alpha' })
  }
  const content = await loadContent(files(texts))
  const [media] = [...content.media.keys()]
  const slug = content.articles.find((a) => a.title === 'Post 42')?.slug
  if (!media || !slug) throw new Error('the corpus lacks its image or its article')
  return { files: packCorpus(content.articles, content.media), slug, media: media.slice('media/'.length) }
}

/** What a reader gets: status, the headers that matter, the bytes, and how long it took (ms). */
interface Got {
  status: number
  cacheControl: string | null
  retryAfter: string | null
  body: Uint8Array
  ms: number
}

async function get(worker: ReturnType<typeof createWorker>, path: string, accept = '*/*'): Promise<Got> {
  const start = Date.now()
  const response = await worker.fetch(new Request(`${ORIGIN}${path}`, { headers: { Accept: accept } }), env)
  const body = new Uint8Array(await response.arrayBuffer())
  const { headers } = response
  return {
    status: response.status,
    cacheControl: headers.get('Cache-Control'),
    retryAfter: headers.get('Retry-After'),
    body,
    ms: Date.now() - start,
  }
}

let routes: string[] = []
const FEEDS = ['/feed.xml', '/atom.xml', '/feed.json']
/** Routes that read no article chunk: a cut chunk does not touch them. */
let noChunk: string[] = []
const healthy = new Map<string, Got>()

beforeAll(async () => {
  const built = await corpus()
  await faults.serve(built.files)
  await faults.inject({ mode: 'none' })
  routes = [
    ...FEEDS,
    '/feed',
    '/feeds.opml',
    '/tags',
    '/',
    '/page/4',
    `/articles/${built.slug}`,
    '/tags/alpha/feed.xml',
    '/tags/alpha',
    '/archive/1/feed.xml',
    '/sitemap.xml',
    `/media/${built.media}`,
  ]
  noChunk = ['/sitemap.xml', `/media/${built.media}`, '/feeds.opml', '/tags']
  const worker = createWorker({ limits: LIMITS })
  for (const path of routes) {
    const got = await get(worker, path)
    expect(got.status, path).toBe(200)
    healthy.set(path, got)
  }
})

/** Every answer under a fault: the healthy bytes and headers, or a 503 that says when to come back and is kept by no cache. */
function expectNoHarm(path: string, got: Got): void {
  expect([200, 503], `${path}: ${got.status} ${new TextDecoder().decode(got.body)}`).toContain(got.status)
  // Bounded: answered, within the budget and the time to write the answer (a liveness check, not a benchmark).
  expect(got.ms, path).toBeLessThan(LIMITS.requestBudgetMs + 3_000)
  if (got.status === 200) {
    const before = healthy.get(path) as Got
    expect(got.body, path).toEqual(before.body)
    expect(got.cacheControl, path).toBe(before.cacheControl)
    return
  }
  expect(got.retryAfter, path).toBe(String(FAULT_POLICY.retryAfterSeconds))
  expect(got.cacheControl, path).toBe('no-store')
  expect(new TextDecoder().decode(got.body), path).not.toMatch(/_content|manifest|\.json/)
}

/** Which routes a fault must answer with 503 (the rest are served, correctly), fresh and with the feeds in memory. */
interface FaultCase {
  name: string
  fault: Fault
  fails: (path: string, warm: boolean) => boolean | 'either'
}

const every = () => true
const FAULTS: FaultCase[] = [
  { name: 'every read answers 500', fault: { mode: 'status', status: 500 }, fails: every },
  { name: 'every read throws', fault: { mode: 'throw' }, fails: every },
  { name: 'the connection resets mid-body', fault: { mode: 'reset' }, fails: every },
  { name: 'every read hangs', fault: { mode: 'hang' }, fails: every },
  { name: 'every body stalls halfway', fault: { mode: 'stall' }, fails: every },
  { name: 'every read is slow (within the budget)', fault: { mode: 'slow', ms: 60 }, fails: () => false },
  {
    name: 'chunks are cut to half their articles (valid JSON)',
    fault: { mode: 'cut' },
    fails: (p) => !noChunk.includes(p),
  },
  // With the manifest read already, nothing else is missing: a warm isolate serves everything.
  { name: 'the manifest is missing', fault: { mode: 'no-manifest' }, fails: (_p, warm) => !warm },
  { name: 'every read answers 404', fault: { mode: 'all-404' }, fails: every },
  { name: 'one read in three answers 500', fault: { mode: 'flaky' }, fails: () => 'either' },
]

describe.each(FAULTS)('when $name', ({ fault, fails }) => {
  for (const warm of [false, true]) {
    it(`${warm ? 'an isolate with the feeds in memory' : 'a fresh isolate'} answers every route with the healthy bytes or a 503, then recovers`, async () => {
      const worker = createWorker({ limits: LIMITS })
      if (warm) for (const path of FEEDS) expect((await get(worker, path)).status).toBe(200)
      await faults.inject(fault)
      const answers = await Promise.all(routes.map(async (path) => [path, await get(worker, path)] as const))
      for (const [path, got] of answers) {
        expectNoHarm(path, got)
        // What is in memory is served through any fault (the feeds, `/feed` with their bytes, and the
        // index, whose chunks the feeds' reads left in the chunk cache); the rest fails as the fault says.
        const expected = warm && [...FEEDS, '/feed', '/'].includes(path) ? false : fails(path, warm)
        if (expected !== 'either') expect(got.status, path).toBe(expected ? 503 : 200)
      }
      // Nothing poisoned: once the fault clears, the same isolate serves every route's healthy bytes.
      await faults.inject({ mode: 'none' })
      for (const path of routes) {
        const got = await get(worker, path)
        expect(got.status, path).toBe(200)
        expect(got.body, path).toEqual(healthy.get(path)?.body)
      }
    })
  }
})

describe('a 503', () => {
  it('is for faults of what the Worker reads: a bug in its own code stays a 500', async () => {
    const broken = FORMATS.map((f) => ({
      ...f,
      render: () => {
        throw new TypeError('a bug')
      },
    }))
    const got = await get(createWorker({ formats: broken, limits: LIMITS }), '/feed.xml')
    expect([got.status, got.retryAfter]).toEqual([500, null])
  })

  it('is written in the format the client accepts, naming no file', async () => {
    const worker = createWorker({ limits: LIMITS })
    await faults.inject({ mode: 'status', status: 500 })
    const html = await get(worker, '/', 'text/html')
    const json = await get(worker, '/feed.json', 'application/feed+json')
    const text = await get(worker, '/feed.xml', 'application/rss+xml')
    await faults.inject({ mode: 'none' })
    expect([html.status, json.status, text.status]).toEqual([503, 503, 503])
    expect(new TextDecoder().decode(html.body)).toContain('<title>')
    expect(JSON.parse(new TextDecoder().decode(json.body))).toEqual({
      error: { status: 503, message: expect.stringContaining('try again in 30 seconds') },
    })
    expect(new TextDecoder().decode(text.body)).toMatch(/^503 The content cannot be read right now/)
  })

  it('comes within the budget when reads are slower than what is left of it, and the corpus opens for the next request', async () => {
    const worker = createWorker({ limits: LIMITS })
    await faults.inject({ mode: 'slow', ms: 350 })
    // A fresh isolate reads the manifest, then a chunk: 700 ms of reads against 600 ms of budget.
    const first = await get(worker, '/feed.xml')
    // The manifest arrived within its own deadline: now one read of 350 ms fits.
    const second = await get(worker, '/feed.xml')
    await faults.inject({ mode: 'none' })
    expect([first.status, second.status]).toEqual([503, 200])
    expectNoHarm('/feed.xml', first)
    expectNoHarm('/feed.xml', second)
  })
})
