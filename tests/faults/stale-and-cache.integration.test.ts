import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/build/load-content.ts'
import { packCorpus } from '../../src/build/pack.ts'
import type { Env } from '../../src/config.ts'
import { createWorker } from '../../src/worker.ts'
import { articleText, files } from '../fixtures/articles.ts'
import { countingFormats } from '../helpers/counting-formats.ts'
import { type Fault, FaultWorker } from '../helpers/faults.ts'

// The content binding and the Cache API both go through a real Worker behind a service binding
// (tests/helpers/fault-worker.js), which fails on command.
const LIMITS = { requestBudgetMs: 600, readTimeoutMs: 400, cacheTimeoutMs: 200 }
const T0 = Date.parse('2026-06-01T12:00:00Z')
const REVEAL = T0 + 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const faults = new FaultWorker('FAULTS_CACHE')
const FEEDS = ['/feed.xml', '/atom.xml', '/feed.json']

// 30 articles before the build at T0, and one scheduled for an hour later.
const texts: Record<string, string> = {
  'later.txt': articleText('Quokka hour', 'Quokka text.', { published: iso(REVEAL), tags: 'zoo' }),
}
for (let i = 0; i < 30; i++)
  texts[`old-${i}.txt`] = articleText(`Old post ${i}`, `Body ${i}.`, {
    published: iso(T0 - (30 - i) * 3_600_000),
    tags: 'zoo',
  })
const content = await loadContent(files(texts))
await faults.serve(packCorpus(content.articles, content.media, { now: T0 }))

function envOf(version: string): Env {
  return {
    ASSETS: faults.binding,
    SITE_URL: 'https://news.example.com',
    CF_VERSION_METADATA: { id: version, timestamp: iso(T0 - 86_400_000) },
  }
}

async function get(worker: ReturnType<typeof createWorker>, env: Env, path: string, headers: HeadersInit = {}) {
  const response = await worker.fetch(new Request(`https://news.example.com${path}`, { headers }), env)
  return { response, body: await response.text() }
}

describe('after a reveal, while the binding fails', () => {
  it('renders what the chunks in memory allow, serves a stale copy of what needs a read, and fresh bytes once it can', async () => {
    let now = T0
    const worker = createWorker({ limits: LIMITS, clock: () => now })
    const env = envOf(crypto.randomUUID())
    // The sitemap and /tags read their files on every render (no chunk holds them).
    const READS = ['/sitemap.xml', '/tags']
    const before = new Map<string, { body: string; etag: string | null }>()
    for (const path of [...FEEDS, ...READS]) {
      const { response, body } = await get(worker, env, path)
      expect(response.status).toBe(200)
      before.set(path, { body, etag: response.headers.get('ETag') })
    }
    now = REVEAL + 2 * 60_000
    await faults.inject({ mode: 'status', status: 500 })
    // The feeds' chunk (the scheduled article is filed in it) is in memory: the new feeds, fresh.
    for (const path of FEEDS) {
      const { response, body } = await get(worker, env, path)
      expect([response.status, response.headers.get('Age')], path).toEqual([200, null])
      expect(body, path).toContain('Quokka hour')
    }
    for (const path of READS) {
      const { response, body } = await get(worker, env, path)
      expect(response.status, path).toBe(200)
      expect(body, path).toBe(before.get(path)?.body)
      expect(response.headers.get('Age'), path).toBe(String((now - T0) / 1000))
      expect(response.headers.get('Cache-Control'), path).toBe('no-cache')
      expect(response.headers.get('Cloudflare-CDN-Cache-Control'), path).toBe('no-store')
      // A reader that holds that copy is told it is still the one to use: no body to fetch again.
      const again = await get(worker, env, path, { 'If-None-Match': before.get(path)?.etag ?? '' })
      expect([again.response.status, again.response.headers.get('Cache-Control')], path).toEqual([304, 'no-cache'])
    }
    // What the previous edition never made has no stale copy: a 503.
    const page = await get(worker, env, '/tags/zoo')
    expect([page.response.status, page.response.headers.get('Retry-After')]).toEqual([503, '30'])
    await faults.inject({ mode: 'none' })
    for (const path of READS) {
      const { response, body } = await get(worker, env, path)
      expect([response.status, response.headers.get('Age')], path).toEqual([200, null])
      expect(body, path).not.toBe(before.get(path)?.body)
      expect(response.headers.get('Cache-Control'), path).toMatch(/^public, max-age=/)
    }
  })
})

describe('after a reveal, while the binding fails, in an isolate that never made the documents', () => {
  it('serves the previous edition as another isolate stored it in the Cache API, marked stale and never kept', async () => {
    let now = T0
    const env = envOf(crypto.randomUUID())
    const cache = async () => faults.cache()
    const PATHS = ['/sitemap.xml', '/feed.xml', '/feed']
    // One isolate made them before the reveal and stored them; another only opened the corpus.
    const maker = createWorker({ limits: LIMITS, clock: () => now, cache })
    const before = new Map<string, string>()
    for (const path of PATHS) before.set(path, (await get(maker, env, path)).body)
    const other = createWorker({ limits: LIMITS, clock: () => now, cache })
    expect((await get(other, env, '/robots.txt')).response.status).toBe(200)
    now = REVEAL + 60_000
    await faults.inject({ mode: 'status', status: 500 })
    for (const path of PATHS) {
      const { response, body } = await get(other, env, path)
      expect(response.status, path).toBe(200)
      expect(body, path).toBe(before.get(path))
      expect(response.headers.get('Age'), path).toBe(String((now - T0) / 1000))
      expect(response.headers.get('Cache-Control'), path).toBe('no-cache')
    }
    await faults.inject({ mode: 'none' })
    for (const path of PATHS) {
      const fresh = await get(other, env, path)
      expect([fresh.response.status, fresh.response.headers.get('Age')], path).toEqual([200, null])
      expect(fresh.body, path).not.toBe(before.get(path))
    }
  })
})

describe('while the binding fails, in an isolate with the corpus open', () => {
  it("serves this edition's bytes that another isolate stored in the Cache API, as fresh", async () => {
    const env = envOf(crypto.randomUUID())
    const cache = async () => faults.cache()
    const maker = createWorker({ limits: LIMITS, clock: () => T0, cache })
    const made = await get(maker, env, '/sitemap.xml')
    const other = createWorker({ limits: LIMITS, clock: () => T0, cache })
    expect((await get(other, env, '/robots.txt')).response.status).toBe(200)
    await faults.inject({ mode: 'status', status: 500 })
    const { response, body } = await get(other, env, '/sitemap.xml')
    await faults.inject({ mode: 'none' })
    expect([response.status, response.headers.get('Age'), body]).toEqual([200, null, made.body])
    expect(response.headers.get('Cache-Control')).toBe(made.response.headers.get('Cache-Control'))
  })

  it('answers 503 at the budget when the Cache API lookup would outlast it (the backstop)', async () => {
    const env = envOf(crypto.randomUUID())
    // A Cache API lookup longer than the whole budget: only the backstop (Hono's timeout) can answer in time.
    const limits = { requestBudgetMs: 300, readTimeoutMs: 200, cacheTimeoutMs: 3_000 }
    const worker = createWorker({ limits, clock: () => T0, cache: async () => faults.cache() })
    expect((await get(worker, env, '/robots.txt')).response.status).toBe(200)
    await faults.inject({ mode: 'cache-hang' })
    const start = Date.now()
    const { response } = await get(worker, env, '/sitemap.xml')
    const ms = Date.now() - start
    await faults.inject({ mode: 'none' })
    expect([response.status, response.headers.get('Retry-After')]).toEqual([503, '30'])
    expect(ms).toBeLessThan(limits.cacheTimeoutMs)
  })
})

describe('the Cache API', () => {
  /** A fresh isolate over a Cache API reached through the fault Worker; `renders` counts the feeds it renders. */
  function isolate() {
    const { formats, renders } = countingFormats()
    const worker = createWorker({ formats, limits: LIMITS, cache: async () => faults.cache() })
    return { worker, renders }
  }

  const CASES: { name: string; fault: Fault }[] = [
    { name: 'match throws', fault: { mode: 'cache-throw' } },
    { name: 'match hangs', fault: { mode: 'cache-hang' } },
    { name: 'match returns half the body', fault: { mode: 'cache-cut' } },
    { name: 'match returns the body with one bit changed', fault: { mode: 'cache-flip' } },
  ]

  it('when put hangs, answers within its deadline with the rendered bytes', async () => {
    const env = envOf(crypto.randomUUID())
    const healthy = isolate()
    const expected = new Map<string, string>()
    await faults.inject({ mode: 'cache-put-hang' })
    for (const path of FEEDS) {
      const start = Date.now()
      const { response, body } = await get(healthy.worker, env, path)
      expect(response.status, path).toBe(200)
      expect(Date.now() - start, path).toBeLessThan(LIMITS.requestBudgetMs + 3_000)
      expected.set(path, body)
    }
    await faults.inject({ mode: 'none' })
    const check = isolate()
    for (const path of FEEDS)
      expect((await get(check.worker, envOf(crypto.randomUUID()), path)).body).toBe(expected.get(path))
  })

  it.each(CASES)('when $name, renders instead, serves the right bytes and stores nothing wrong', async ({ fault }) => {
    const env = envOf(crypto.randomUUID())
    await faults.inject({ mode: 'none' })
    const first = isolate()
    const healthy = new Map<string, string>()
    for (const path of FEEDS) healthy.set(path, (await get(first.worker, env, path)).body)
    expect([...first.renders.values()]).toEqual([1, 1, 1])
    // Another isolate of the same deployment reads them from the Cache API: nothing rendered.
    const reader = isolate()
    for (const path of FEEDS) expect((await get(reader.worker, env, path)).body).toBe(healthy.get(path))
    expect(reader.renders.size).toBe(0)

    await faults.inject(fault)
    const faulty = isolate()
    for (const path of FEEDS) {
      const start = Date.now()
      const { response, body } = await get(faulty.worker, env, path)
      expect([response.status, body], path).toEqual([200, healthy.get(path)])
      expect(Date.now() - start, path).toBeLessThan(LIMITS.requestBudgetMs + 3_000)
    }
    expect([...faulty.renders.values()]).toEqual([1, 1, 1])

    // Nothing poisoned: once the fault clears, a fresh isolate reads the right bytes from the Cache API again.
    await faults.inject({ mode: 'none' })
    const after = isolate()
    for (const path of FEEDS) expect((await get(after.worker, env, path)).body).toBe(healthy.get(path))
    expect(after.renders.size).toBe(0)
  })
})
