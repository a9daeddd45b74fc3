import { describe, expect, it } from 'vitest'
import { DEFAULTS, type Env } from '../../src/config.ts'
import { SITEMAP_URLS } from '../../src/content/layout.ts'
import { FORMATS } from '../../src/feeds/formats.ts'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import type { Article } from '../../src/model/article.ts'
import { archivePages } from '../../src/paging.ts'
import { dailyArticles } from '../fixtures/articles.ts'
import { appWith } from '../helpers/app.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

const ORIGIN = 'http://localhost:8787'
const articles = await dailyArticles(250)
const app = appWith({ articles })
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
/** The newest archive page of 250 articles. */
const LAST_ARCHIVE = archivePages(250, DEFAULTS.feedItems)
const DEPLOYED: Env = { CF_VERSION_METADATA: { id: 'v1', timestamp: '2026-01-01T00:00:00Z' } }

/** Every URL this issue added, in each kind: tag feeds, archive pages, their `…/feed`, pages, discovery files. */
const NEW_URLS = [
  '/tags',
  '/tags/rust',
  '/tags/rust/page/2',
  '/tags/rust/feed.xml',
  '/tags/rust/atom.xml',
  '/tags/rust/feed.json',
  '/tags/rust/archive/1/feed.xml',
  '/archive/1/atom.xml',
  `/archive/${LAST_ARCHIVE}/feed.json`,
  '/sitemap.xml',
  '/robots.txt',
  '/icon.png',
  '/favicon.png',
  '/favicon.ico',
  '/apple-touch-icon.png',
  '/feed-image.png',
  '/feeds-all.opml',
]

describe('sitemap.xml and robots.txt', () => {
  it('lists the home page, /tags, every tag page and every article with its lastmod (sitemaps.org 0.9)', async () => {
    const res = await app.request(`${ORIGIN}/sitemap.xml`)
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    const urlset = parseXml(await res.text())
    expect([urlset.local, urlset.uri]).toEqual(['urlset', SITEMAP_NS])
    const urls = children(urlset, 'url', SITEMAP_NS).map(
      (u) => [child(u, 'loc', SITEMAP_NS).text, child(u, 'lastmod', SITEMAP_NS).text] as const,
    )
    const byLoc = new Map(urls.map(([loc, lastmod]) => [loc, lastmod]))
    expect(byLoc.size).toBe(urls.length)
    for (const a of articles) expect(byLoc.get(`${ORIGIN}/articles/${a.slug}`), a.slug).toBe(a.updated)
    expect(byLoc.get(`${ORIGIN}/`)).toBe(articles[0]!.updated)
    expect(byLoc.has(`${ORIGIN}/tags`)).toBe(true)
    expect([...byLoc.keys()].filter((loc) => /\/tags\/./.test(loc))).toHaveLength(8)
    for (const loc of byLoc.keys()) expect((await app.request(loc as string)).status, loc).toBe(200)
  })

  it(`becomes a sitemap index past ${SITEMAP_URLS.toLocaleString('en')} URLs, each sitemap within the limit`, async () => {
    const base = articles[0] as Article
    // Past the limit with synthetic copies (the page of each is never requested here).
    const many = Array.from({ length: SITEMAP_URLS + 5 }, (_, i) => ({ ...base, slug: `a-${i}`, id: `urn:x:${i}` }))
    const big = appWith({ articles: many })
    const index = parseXml(await (await big.request(`${ORIGIN}/sitemap.xml`)).text())
    expect([index.local, index.uri]).toEqual(['sitemapindex', SITEMAP_NS])
    const locs = children(index, 'sitemap', SITEMAP_NS).map((s) => child(s, 'loc', SITEMAP_NS).text)
    expect(locs).toEqual([`${ORIGIN}/sitemap-1.xml`, `${ORIGIN}/sitemap-2.xml`])
    const counts: number[] = []
    const seen = new Set<string>()
    for (const loc of locs) {
      const urlset = parseXml(await (await big.request(loc)).text())
      const urls = children(urlset, 'url', SITEMAP_NS).map((u) => child(u, 'loc', SITEMAP_NS).text)
      counts.push(urls.length)
      for (const url of urls) seen.add(url)
    }
    expect(counts[0]).toBe(SITEMAP_URLS)
    expect(seen.size).toBe(many.length + 2 + new Set(base.tags).size)
    expect((await big.request(`${ORIGIN}/sitemap-3.xml`)).status).toBe(404)
    expect((await app.request(`${ORIGIN}/sitemap-1.xml`)).status).toBe(404)
  })

  it('robots.txt allows everything and names the sitemap', async () => {
    const res = await app.request(`${ORIGIN}/robots.txt`)
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\n`)
  })
})

describe('feed icons', () => {
  /** Width and height from a PNG's IHDR chunk. */
  const pngSize = (bytes: Uint8Array) => {
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    return [view.getUint32(16), view.getUint32(20)]
  }

  /** A served PNG's width and height, checking its type. */
  const served = async (path: string) => {
    const res = await app.request(ORIGIN + path)
    expect(res.headers.get('Content-Type'), path).toBe('image/png')
    return pngSize(new Uint8Array(await res.arrayBuffer()))
  }

  it('serves square PNGs at 512, 180, 144 and 64 pixels, and each feed names the one its format asks for', async () => {
    expect(await served('/icon.png')).toEqual([512, 512])
    expect(await served('/apple-touch-icon.png')).toEqual([180, 180])
    expect(await served('/feed-image.png')).toEqual([144, 144])
    expect(await served('/favicon.png')).toEqual([64, 64])
    const json = (await (await app.request(`${ORIGIN}/feed.json`)).json()) as JsonFeed
    expect([json.icon, json.favicon]).toEqual([`${ORIGIN}/icon.png`, `${ORIGIN}/favicon.png`])
    // RFC 4287 §4.2.5: a square icon; §4.2.8 asks a 2:1 logo, which a square icon is not, so there is none.
    const atom = parseXml(await (await app.request(`${ORIGIN}/atom.xml`)).text())
    expect(child(atom, 'icon', NS.atom).text).toBe(`${ORIGIN}/favicon.png`)
    expect(children(atom, 'logo', NS.atom)).toEqual([])
    // RSS 2.0 <image>: at most 144 pixels wide, its size given (a reader assumes 88 × 31 otherwise).
    const channel = child(parseXml(await (await app.request(`${ORIGIN}/feed.xml`)).text()), 'channel')
    const image = child(channel, 'image')
    expect(['url', 'title', 'link', 'width', 'height'].map((name) => child(image, name, '').text)).toEqual([
      `${ORIGIN}/feed-image.png`,
      child(channel, 'title').text,
      child(channel, 'link', '').text,
      '144',
      '144',
    ])
  })

  it('serves /favicon.ico (16, 32 and 48 pixels), and every page links a fetchable icon and touch icon', async () => {
    const ico = await app.request(`${ORIGIN}/favicon.ico`)
    expect(ico.headers.get('Content-Type')).toBe('image/x-icon')
    const bytes = new Uint8Array(await ico.arrayBuffer())
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    // ICONDIR: reserved 0, type 1 (icon), then one 16-byte entry per image, each a PNG at its offset.
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 3])
    const sizes = [0, 1, 2].map((i) => {
      const size = view.getUint32(6 + 16 * i + 8, true)
      const offset = view.getUint32(6 + 16 * i + 12, true)
      expect(offset + size).toBeLessThanOrEqual(bytes.length)
      return pngSize(bytes.subarray(offset, offset + size))
    })
    expect(sizes).toEqual([
      [16, 16],
      [32, 32],
      [48, 48],
    ])
    for (const path of ['/', `/articles/${articles[0]!.slug}`, '/tags', '/tags/rust', '/no-such-page']) {
      const html = await (await app.request(ORIGIN + path, { headers: { Accept: 'text/html' } })).text()
      const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1]
      expect(icon, path).toMatch(/^(http:\/\/localhost:8787)?\/favicon\.png$/)
      expect((await app.request(new URL(icon as string, ORIGIN).href)).status, path).toBe(200)
      if (path !== '/no-such-page')
        expect(html, path).toContain(`<link rel="apple-touch-icon" href="${ORIGIN}/apple-touch-icon.png"/>`)
    }
  })

  it('uses SITE_ICON everywhere when it is set', async () => {
    const env: Env = { SITE_ICON: 'https://cdn.example.com/logo.png' }
    const json = (await (await app.request(`${ORIGIN}/tags/rust/feed.json`, {}, env)).json()) as JsonFeed
    expect([json.icon, json.favicon]).toEqual([env.SITE_ICON, env.SITE_ICON])
    const rss = await (await app.request(`${ORIGIN}/archive/1/feed.xml`, {}, env)).text()
    expect(child(child(child(parseXml(rss), 'channel'), 'image'), 'url').text).toBe(env.SITE_ICON)
    const atom = await (await app.request(`${ORIGIN}/atom.xml`, {}, env)).text()
    expect(child(parseXml(atom), 'icon', NS.atom).text).toBe(env.SITE_ICON)
    const html = await (await app.request(`${ORIGIN}/`, {}, env)).text()
    expect(html).toContain(`<link rel="icon" href="${env.SITE_ICON}"/>`)
    expect(html).toContain(`<link rel="apple-touch-icon" href="${env.SITE_ICON}"/>`)
    expect((await app.request(`${ORIGIN}/`, {}, { SITE_ICON: 'javascript:alert(1)' })).status).toBe(500)
  })
})

describe('HTTP on the new URLs', () => {
  it('validators and 304s, CORS, HEAD and a 405 work on each as on the feeds', async () => {
    const deployed = appWith({ articles })
    for (const path of NEW_URLS) {
      const res = await deployed.request(ORIGIN + path, {}, DEPLOYED)
      expect(res.status, path).toBe(200)
      const etag = res.headers.get('ETag')
      expect(etag, path).toMatch(/^"[\w-]+"$/)
      expect(res.headers.get('Last-Modified'), path).toBeTruthy()
      expect(res.headers.get('Access-Control-Allow-Origin'), path).toBe('*')
      const again = await deployed.request(ORIGIN + path, { headers: { 'If-None-Match': etag as string } }, DEPLOYED)
      expect([again.status, await again.text()], path).toEqual([304, ''])
      expect(again.headers.get('Access-Control-Allow-Origin'), path).toBe('*')
      const since = res.headers.get('Last-Modified') as string
      const dated = await deployed.request(ORIGIN + path, { headers: { 'If-Modified-Since': since } }, DEPLOYED)
      expect(dated.status, path).toBe(304)
      const head = await deployed.request(ORIGIN + path, { method: 'HEAD' }, DEPLOYED)
      expect([head.status, head.headers.get('ETag'), await head.text()], path).toEqual([200, etag, ''])
      const post = await deployed.request(ORIGIN + path, { method: 'POST' }, DEPLOYED)
      expect(post.status, path).toBe(405)
    }
  })

  it('negotiates …/feed by Accept for tag feeds and archive pages, naming the fixed URL', async () => {
    for (const prefix of ['/tags/rust', '/archive/2', '/tags/rust/archive/1']) {
      for (const format of FORMATS) {
        const res = await app.request(`${ORIGIN}${prefix}/feed`, { headers: { Accept: format.mediaType } })
        expect(res.status, prefix).toBe(200)
        expect(res.headers.get('Content-Type'), prefix).toBe(`${format.mediaType}; charset=utf-8`)
        expect(res.headers.get('Content-Location'), prefix).toBe(ORIGIN + prefix + format.path)
        expect(res.headers.get('Vary'), prefix).toContain('Accept')
        expect(await res.text()).toBe(await (await app.request(ORIGIN + prefix + format.path)).text())
      }
      const refused = await app.request(`${ORIGIN}${prefix}/feed`, { headers: { Accept: 'image/png' } })
      expect(refused.status, prefix).toBe(406)
    }
  })

  it('shows a browser the readable page of tag feeds and archive pages, at the same URL', async () => {
    const navigation = { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html' }
    for (const path of ['/tags/rust/feed.xml', '/archive/1/atom.xml', '/tags/東京/feed.json']) {
      const res = await app.request(encodeURI(ORIGIN + path), { headers: navigation })
      expect(res.headers.get('Content-Type'), path).toBe('text/html; charset=utf-8')
      expect(res.headers.get('Vary'), path).toContain('Sec-Fetch-Dest')
      expect(res.headers.get('Content-Security-Policy'), path).toContain("default-src 'none'")
    }
  })

  it('caches full archive pages as immutable, and the newest one and tag feeds for CACHE_MAX_AGE', async () => {
    const cache = async (path: string) => (await app.request(ORIGIN + path)).headers.get('Cache-Control')
    expect(await cache('/archive/1/feed.xml')).toBe('public, max-age=31536000, immutable')
    expect(await cache(`/archive/${LAST_ARCHIVE - 1}/feed.json`)).toBe('public, max-age=31536000, immutable')
    expect(await cache(`/archive/${LAST_ARCHIVE}/atom.xml`)).toMatch(/^public, max-age=300, /)
    expect(await cache('/tags/rust/feed.xml')).toMatch(/^public, max-age=300, /)
    // The readable page a browser gets at the same URL is made by code too: cached like a page.
    const preview = await app.request(`${ORIGIN}/archive/1/feed.xml`, { headers: { 'Sec-Fetch-Dest': 'document' } })
    expect(preview.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(preview.headers.get('Cache-Control')).toMatch(/^public, max-age=300, /)
  })
})
