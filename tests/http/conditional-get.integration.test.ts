import { exports, env as workerEnv } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Env } from '../../src/config.ts'
import { FORMATS } from '../../src/feeds/formats.ts'
import { parseHttpDate } from '../../src/http/conditional-get.ts'
import { appWith, type TestWorker, testWorker } from '../helpers/app.ts'
import { bundledArticles } from '../helpers/bundled.ts'
import { countingFormats } from '../helpers/counting-formats.ts'

const articles = await bundledArticles()
const env = workerEnv as unknown as Env

const worker = exports.default
const ORIGIN = 'http://localhost:8787'
const PATHS = [...FORMATS.map((f) => f.path), '/feed', '/', `/articles/${articles[0]!.slug}`]

async function first(path: string, headers: Record<string, string> = {}) {
  const res = await worker.fetch(ORIGIN + path, { headers })
  await res.arrayBuffer()
  return res
}

describe.each(PATHS)('conditional GET of %s', (path) => {
  it('sends a strong ETag and a Last-Modified: the later of the newest content and the deployment', async () => {
    const res = await first(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('ETag')).toMatch(/^"[A-Za-z0-9_-]{20,}"$/)
    const deployed = env.CF_VERSION_METADATA?.timestamp as string
    const later = Math.max(Date.parse(articles[0]!.updated), Date.parse(deployed))
    expect(res.headers.get('Last-Modified')).toBe(new Date(later).toUTCString())
  })

  it('answers 304 for a matching ETag, with ETag, Cache-Control and Vary and no body', async () => {
    const fresh = await first(path)
    const etag = fresh.headers.get('ETag')!
    const res = await worker.fetch(ORIGIN + path, { headers: { 'If-None-Match': etag } })
    expect(res.status).toBe(304)
    expect(res.headers.get('ETag')).toBe(etag)
    expect(res.headers.get('Cache-Control')).toBe(fresh.headers.get('Cache-Control'))
    expect(res.headers.get('Vary')).toBe(fresh.headers.get('Vary'))
    expect(res.headers.get('Content-Type')).toBeNull()
    expect(await res.text()).toBe('')
  })

  it('matches an ETag inside a list, a weak form of it, and *', async () => {
    const etag = (await first(path)).headers.get('ETag')!
    for (const value of [`"nope", ${etag}`, `W/${etag}`, `"a",W/"b" ,  ${etag}`, '*']) {
      const res = await worker.fetch(ORIGIN + path, { headers: { 'If-None-Match': value } })
      expect(res.status, value).toBe(304)
    }
  })

  it('answers 200 for a stale ETag, even with a later If-Modified-Since (If-None-Match wins)', async () => {
    const res = await worker.fetch(ORIGIN + path, {
      headers: { 'If-None-Match': '"stale"', 'If-Modified-Since': 'Fri, 01 Jan 2100 00:00:00 GMT' },
    })
    expect(res.status).toBe(200)
    expect((await res.text()).length).toBeGreaterThan(0)
  })

  it('answers 304 for an If-Modified-Since at or after Last-Modified, 200 before it', async () => {
    const lastModified = (await first(path)).headers.get('Last-Modified')!
    const later = new Date(Date.parse(lastModified) + 1000).toUTCString()
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString()
    expect((await worker.fetch(ORIGIN + path, { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304)
    expect((await worker.fetch(ORIGIN + path, { headers: { 'If-Modified-Since': later } })).status).toBe(304)
    const stale = await worker.fetch(ORIGIN + path, { headers: { 'If-Modified-Since': earlier } })
    expect(stale.status).toBe(200)
    await stale.arrayBuffer()
  })

  it('ignores a malformed If-Modified-Since', async () => {
    for (const value of ['yesterday', '2100-01-01', '', 'Fri, 99 Foo 2100 00:00:00 GMT']) {
      const res = await worker.fetch(ORIGIN + path, { headers: { 'If-Modified-Since': value } })
      expect(res.status, value).toBe(200)
      await res.arrayBuffer()
    }
  })

  it('answers HEAD with the headers of GET, the same Content-Length, and no body', async () => {
    const get = await first(path)
    const head = await worker.fetch(ORIGIN + path, { method: 'HEAD' })
    expect(head.status).toBe(200)
    for (const name of ['Content-Type', 'Content-Length', 'ETag', 'Last-Modified', 'Cache-Control', 'Vary', 'Link']) {
      expect(head.headers.get(name), name).toBe(get.headers.get(name))
    }
    expect(Number(head.headers.get('Content-Length'))).toBeGreaterThan(0)
    expect(await head.text()).toBe('')
  })

  it('answers a conditional HEAD with 304', async () => {
    const etag = (await first(path)).headers.get('ETag')!
    const res = await worker.fetch(ORIGIN + path, { method: 'HEAD', headers: { 'If-None-Match': etag } })
    expect(res.status).toBe(304)
  })
})

describe('representations are built once', () => {
  it('renders each format once per base URL, however many GET, HEAD and 304 follow', async () => {
    const { formats, renders } = countingFormats()
    const app = appWith({ articles, formats })
    for (const format of formats) {
      const res = await app.request(format.path)
      const etag = res.headers.get('ETag')!
      await app.request(format.path, { method: 'HEAD' })
      for (let i = 0; i < 5; i++)
        expect((await app.request(format.path, { headers: { 'If-None-Match': etag } })).status).toBe(304)
      expect((await app.request('/feed', { headers: { Accept: format.mediaType } })).status).toBe(200)
    }
    expect(Object.fromEntries(renders)).toEqual({ rss: 1, atom: 1, jsonFeed: 1 })
    await app.request('http://other.example/feed.xml')
    expect(renders.get('rss')).toBe(2)
  })

  it('reads a representation from the Cache API in a fresh isolate instead of rendering it again', async () => {
    const env = { CF_VERSION_METADATA: { id: `test-${crypto.randomUUID()}` } }
    const one = countingFormats()
    const a = await appWith({ articles, formats: one.formats }).request('/atom.xml', {}, env)
    expect(one.renders.get('atom')).toBe(1)
    const two = countingFormats() // a new app = a new isolate's memo, same data-center cache
    const b = await appWith({ articles, formats: two.formats }).request('/atom.xml', {}, env)
    expect(two.renders.get('atom')).toBeUndefined()
    expect(b.headers.get('ETag')).toBe(a.headers.get('ETag'))
    expect(await b.text()).toBe(await a.text())
  })

  it('never shares Cache API entries between deployments', async () => {
    const one = countingFormats()
    await appWith({ articles, formats: one.formats }).request(
      '/atom.xml',
      {},
      { CF_VERSION_METADATA: { id: `v1-${crypto.randomUUID()}` } },
    )
    const two = countingFormats()
    await appWith({ articles, formats: two.formats }).request(
      '/atom.xml',
      {},
      { CF_VERSION_METADATA: { id: `v2-${crypto.randomUUID()}` } },
    )
    expect(two.renders.get('atom')).toBe(1)
  })
})

describe('one app, several configurations', () => {
  it('never serves bytes rendered for other settings', async () => {
    const app = appWith({ articles })
    const a = await (await app.request('/feed.xml', {}, { SITE_TITLE: 'First' })).text()
    const b = await (await app.request('/feed.xml', {}, { SITE_TITLE: 'Second' })).text()
    expect(a).toContain('<title>First</title>')
    expect(b).toContain('<title>Second</title>')
  })
})

describe('parseHttpDate', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 37)],
  ])('reads the RFC 9110 form %j', (value, ms) => {
    expect(parseHttpDate(value)).toBe(ms)
  })

  it.each([
    '1994-11-06T08:49:37Z',
    'Sun, 06 Nov 1994 08:49:37 +0000',
    'Sat, 01 Jan 10000 00:00:00 GMT',
    'Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT',
    'Sun, 99 Nov 1994 08:49:37 GMT',
    '',
  ])('refuses %j', (value) => {
    expect(parseHttpDate(value)).toBeUndefined()
  })
})

describe('Last-Modified moves whenever the bytes do', () => {
  const deployment = (timestamp: string, vars: Record<string, string> = {}) => ({
    ...env,
    ...vars,
    CF_VERSION_METADATA: { id: `v-${timestamp}`, timestamp },
  })
  const get = async (app: TestWorker, path: string, settings: object, headers = {}) => {
    const res = await app.fetch(new Request(ORIGIN + path, { headers }), settings)
    await res.arrayBuffer()
    return res
  }
  const ALL = [
    '/assets/site.css',
    '/assets/site.js',
    '/feed.xsl',
    '/feeds.opml',
    '/feed.xml',
    '/',
    `/articles/${articles[0]!.slug}`,
  ]

  it.each(ALL)(
    '%s: a new deployment (new code, a new SITE_TITLE) answers 200 to the old If-Modified-Since',
    async (path) => {
      const before = deployment('2025-01-01T00:00:00Z')
      const after = deployment('2025-06-01T00:00:00Z', { SITE_TITLE: 'Renamed' })
      const old = await get(testWorker(), path, before)
      const lastModified = old.headers.get('Last-Modified') as string
      expect(Date.parse(lastModified)).toBeGreaterThanOrEqual(Date.parse('2025-01-01T00:00:00Z'))
      // The same deployment: the client's copy is current.
      expect((await get(testWorker(), path, before, { 'If-Modified-Since': lastModified })).status).toBe(304)
      // The next deployment: its bytes may differ, so If-Modified-Since alone must not give 304.
      const next = await get(testWorker(), path, after, { 'If-Modified-Since': lastModified })
      expect(next.status).toBe(200)
      expect(Date.parse(next.headers.get('Last-Modified') as string)).toBeGreaterThan(Date.parse(lastModified))
    },
  )

  it('without a known deployment time sends no Last-Modified, and If-Modified-Since alone never gives 304', async () => {
    const { CF_VERSION_METADATA: _, ...unversioned } = env
    for (const path of ALL) {
      const res = await get(testWorker(), path, unversioned, { 'If-Modified-Since': 'Fri, 01 Jan 2100 00:00:00 GMT' })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Last-Modified'), path).toBeNull()
      expect(res.headers.get('ETag'), path).toMatch(/^"/)
    }
  })
})
