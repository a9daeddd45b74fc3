import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/feeds/formats.ts'
import { appWith } from '../helpers/app.ts'
import { bundledArticles } from '../helpers/bundled.ts'

const articles = await bundledArticles()
const worker = exports.default
const ORIGIN = 'http://localhost:8787'
const BROWSER_ONLY = [
  'Content-Security-Policy',
  'Strict-Transport-Security',
  'Referrer-Policy',
  'Cross-Origin-Opener-Policy',
  'Cross-Origin-Resource-Policy',
]
/** Headers Hono's secure-headers middleware used to add everywhere, for browsers that no longer exist. */
const OBSOLETE = [
  'X-XSS-Protection',
  'X-Download-Options',
  'X-DNS-Prefetch-Control',
  'X-Permitted-Cross-Domain-Policies',
  'X-Frame-Options',
  'Origin-Agent-Cluster',
]

/** Bytes of the header block as HTTP/1.1 sends it. */
const bytes = (headers: Headers) => [...headers].reduce((n, [k, v]) => n + k.length + v.length + 4, 0)

describe.each(FORMATS)('what a poller of $path gets', (format) => {
  it('a 304 with only what RFC 9110 §15.4.5 asks for and CORS, in well under 350 bytes', async () => {
    const etag = (await worker.fetch(ORIGIN + format.path)).headers.get('ETag')!
    const res = await worker.fetch(ORIGIN + format.path, { headers: { 'If-None-Match': etag } })
    expect(res.status).toBe(304)
    expect([...res.headers.keys()].sort()).toEqual(['access-control-allow-origin', 'cache-control', 'etag', 'vary'])
    expect(bytes(res.headers)).toBeLessThanOrEqual(350)
  })

  it('a 200 with no header meant for browsers that no longer exist, in at most 700 bytes of headers', async () => {
    const app = appWith({ articles })
    const res = await app.request(
      `https://news.example.com${format.path}`,
      { headers: { 'Accept-Encoding': 'gzip' } },
      { SITE_URL: 'https://news.example.com' },
    )
    expect(res.status).toBe(200)
    for (const name of OBSOLETE) expect(res.headers.get(name), name).toBeNull()
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(bytes(res.headers)).toBeLessThanOrEqual(700)
  })
})

describe('headers by consumer', () => {
  it('gives the JSON Feed, read by programs, no browser policy', async () => {
    const res = await worker.fetch(`${ORIGIN}/feed.json`)
    for (const name of BROWSER_ONLY) expect(res.headers.get(name), name).toBeNull()
  })

  it('gives RSS and Atom, which a browser may render through the XSLT, a Content-Security-Policy', async () => {
    for (const path of ['/feed.xml', '/atom.xml']) {
      const csp = (await worker.fetch(ORIGIN + path)).headers.get('Content-Security-Policy') ?? ''
      expect(csp, path).toContain("default-src 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
    }
  })

  it('gives HTML pages every header a browser acts on', async () => {
    for (const path of ['/', `/articles/${articles[0]!.slug}`]) {
      const res = await worker.fetch(ORIGIN + path)
      for (const name of BROWSER_ONLY) expect(res.headers.get(name), `${path} ${name}`).not.toBeNull()
      for (const name of OBSOLETE) expect(res.headers.get(name), `${path} ${name}`).toBeNull()
    }
  })
})

describe('Workers Cache headers', () => {
  it('tag each representation by kind and by name, for purges', async () => {
    const tags = async (path: string) => (await worker.fetch(ORIGIN + path)).headers.get('Cache-Tag')
    expect(await tags('/feed.xml')).toBe('feeds,feed:rss')
    expect(await tags('/feed.json')).toBe('feeds,feed:jsonFeed')
    expect(await tags('/')).toBe('index,index:1')
    expect(await tags(`/articles/${articles[0]!.slug}`)).toBe(`articles,article:${articles[0]!.slug}`)
    expect(await tags('/assets/site.css')).toBe('assets,asset:css')
  })

  it('keep responses whose links depend on the Host out of the shared cache when no SITE_URL is set', async () => {
    const app = appWith({ articles })
    const unset = await app.request('/feed.xml')
    expect(unset.headers.get('Cloudflare-CDN-Cache-Control')).toBe('no-store')
    expect(unset.headers.get('Cache-Control')).toContain('public')
    const set = await app.request('/feed.xml', {}, { SITE_URL: 'https://news.example.com' })
    expect(set.headers.get('Cloudflare-CDN-Cache-Control')).toBeNull()
    expect(set.headers.get('Cache-Control')).toContain('public')
  })

  it('never store an error', async () => {
    const res = await worker.fetch(`${ORIGIN}/nope`)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('Cache-Tag')).toBeNull()
  })
})
