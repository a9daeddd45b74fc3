// The edges of a reveal: tags that only hidden articles have, two articles in one second, the
// sitemap's dates, validators of pages an older article slides onto, what is not made again, and
// a preview build that leaves the machine.
import { describe, expect, it } from 'vitest'
import { packCorpus } from '../../src/build/pack.ts'
import type { Env } from '../../src/config.ts'
import type { Article } from '../../src/model/article.ts'
import { TAG_LIST_PAGE_SIZE } from '../../src/paging.ts'
import { sampleArticles } from '../fixtures/articles.ts'
import { appWith, testWorker } from '../helpers/app.ts'
import { memoryFiles } from '../helpers/memory-files.ts'
import { child, children, parseXml } from '../helpers/xml.ts'

const T0 = Date.parse('2026-06-01T12:00:00Z')
const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const ORIGIN = 'https://news.example.com'
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const [base] = (await sampleArticles()) as [Article]

/** A synthetic article (the page of each is rendered from `base`'s body). */
function post(slug: string, published: number, tags: string[], updated = published): Article {
  return {
    ...base,
    slug,
    id: `urn:x:${slug}`,
    title: `Title ${slug}`,
    published: iso(published),
    updated: iso(updated),
    tags,
  }
}

/** Newest first, as `loadContent` returns them. */
const newestFirst = (articles: Article[]) => articles.sort((a, b) => (a.published < b.published ? 1 : -1))

/** A Worker over `articles` built at T0, its clock set by the test, deployed just before the build. */
function site(articles: Article[], env: Env = {}) {
  const clock = { now: T0 }
  const worker = appWith({ articles: newestFirst(articles), builtAt: T0, clock: () => clock.now })
  const settings: Env = {
    SITE_URL: ORIGIN,
    FEED_ITEMS: '5',
    CF_VERSION_METADATA: { id: crypto.randomUUID(), timestamp: iso(T0 - 1_000) },
    ...env,
  }
  const get = (path: string, headers: Record<string, string> = {}) =>
    worker.fetch(new Request(`${ORIGIN}${path}`, { headers }), settings)
  return { clock, get, worker }
}

const text = async (res: Response | Promise<Response>) => (await res).text()

describe('tags that only hidden articles have', () => {
  // Exactly one page of visible tags, and one scheduled article bringing a tag that sorts last.
  const visible = Array.from({ length: TAG_LIST_PAGE_SIZE }, (_, i) =>
    post(`p${i}`, T0 - (i + 1) * HOUR, [`t${String(i).padStart(3, '0')}`]),
  )
  const { clock, get } = site([...visible, post('later', T0 + HOUR, ['zzz-new', 't000'])])

  it('count for nothing until their article appears: no second /tags page, no entry in the OPML', async () => {
    const tags = await text(get('/tags'))
    expect(tags).not.toContain('/tags/page/2')
    expect(tags).not.toContain('zzz')
    expect((await get('/tags/page/2')).status).toBe(404)
    expect(await text(get('/tags/page/2'))).toContain('the tags fill 1')
    expect(await text(get('/feeds.opml'))).not.toContain('zzz')
    expect((await get('/tags/zzz-new')).status).toBe(404)
  })

  it('then get their page, a second /tags page and their OPML entry', async () => {
    clock.now = T0 + HOUR
    expect(await text(get('/tags'))).toContain('/tags/page/2')
    const second = await get('/tags/page/2')
    expect(second.status).toBe(200)
    expect(await second.text()).toContain('/tags/zzz-new')
    expect(await text(get('/feeds.opml'))).toContain('/tags/zzz-new/')
    // t000 counts its scheduled article too.
    expect((await text(get('/tags'))).replace(/\s+/g, ' ')).toMatch(/>t000<\/a> <span class="count">2</)
  })
})

describe('two articles scheduled within one second', () => {
  const old = post('old', T0 - HOUR, ['Go'])
  const first = post('first', T0 + 5_100, ['Go'])
  const second = post('second', T0 + 5_700, ['Go'])

  it('appear together, at the whole second after them, so Last-Modified tells every edition apart', async () => {
    const { clock, get } = site([old, first, second])
    const before = await get('/feed.json')
    const listed = async () => (JSON.parse(await text(get('/feed.json'))) as { items: { id: string }[] }).items
    for (const t of [T0 + 5_100, T0 + 5_700, T0 + 5_999]) {
      clock.now = t
      expect((await listed()).map((i) => i.id)).toEqual([old.id])
    }
    clock.now = T0 + 6_000
    expect((await listed()).map((i) => i.id)).toEqual([second.id, first.id, old.id])
    const after = await get('/feed.json')
    expect(after.headers.get('Last-Modified')).toBe(new Date(T0 + 6_000).toUTCString())
    // A client with the old date only is sent the new feed.
    const polled = await get('/feed.json', { 'If-Modified-Since': before.headers.get('Last-Modified') as string })
    expect(polled.status).toBe(200)
  })
})

describe('pages an older article slides onto', () => {
  it('move their Last-Modified to the reveal: a client with only If-Modified-Since gets the new bytes', async () => {
    // 40 visible articles, 5 per feed: archive page 2 (of 2) is the head; a reveal pushes an article onto it.
    const visible = Array.from({ length: 40 }, (_, i) => post(`a${i}`, T0 - (i + 1) * HOUR, ['Go']))
    const { clock, get } = site([...visible, post('new', T0 + 60_000, ['Go'])])
    for (const path of ['/archive/2/feed.xml', '/tags/go/archive/2/atom.xml', '/page/2']) {
      clock.now = T0
      const before = await get(path)
      const lastModified = before.headers.get('Last-Modified') as string
      expect(lastModified, path).toBe(new Date(T0 - 1_000).toUTCString())
      clock.now = T0 + 120_000
      const after = await get(path, { 'If-Modified-Since': lastModified })
      expect([after.status, after.headers.get('Last-Modified')], path).toEqual([
        200,
        new Date(T0 + 60_000).toUTCString(),
      ])
      expect(await after.text(), path).not.toBe(await before.text())
    }
    // A full archive page does not change, and keeps its date.
    clock.now = T0
    const full = (await get('/archive/1/feed.xml')).headers.get('Last-Modified')
    clock.now = T0 + 120_000
    expect((await get('/archive/1/feed.xml')).headers.get('Last-Modified')).toBe(full)
  })
})

describe('the cut freshness on a 304', () => {
  it('reaches Workers Cache too: a revalidated entry may not outlive the reveal', async () => {
    const { clock, get } = site([post('old', T0 - HOUR, ['Go']), post('new', T0 + 100_000, ['Go'])])
    clock.now = T0
    const etag = (await get('/feed.xml')).headers.get('ETag') as string
    const revalidated = await get('/feed.xml', { 'If-None-Match': etag })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('Cache-Control')).toBe('public, max-age=100')
    expect(revalidated.headers.get('Cloudflare-CDN-Cache-Control')).toBe('public, max-age=100')
  })

  it('keeps Workers Cache out when there is no SITE_URL', async () => {
    const { get } = site([post('old', T0 - HOUR, ['Go']), post('new', T0 + 100_000, ['Go'])], { SITE_URL: '' })
    const etag = (await get('/feed.xml')).headers.get('ETag') as string
    const revalidated = await get('/feed.xml', { 'If-None-Match': etag })
    expect(revalidated.headers.get('Cache-Control')).toBe('public, max-age=100')
    expect(revalidated.headers.get('Cloudflare-CDN-Cache-Control')).toBe('no-store')
  })
})

describe('the sitemap across reveals', () => {
  it('moves the lastmod of the tags an article joins, lists the tags it brings, and never dates the future', async () => {
    const { clock, get } = site([
      post('old', T0 - 2 * HOUR, ['Go'], T0 - HOUR),
      // Its own date says it was updated two hours after it appears: the sitemap may not say so before then.
      post('new', T0 + 60_000, ['Go', 'Zig'], T0 + 60_000 + 2 * HOUR),
    ])
    const lastmods = async () => {
      const urlset = parseXml(await text(get('/sitemap.xml')))
      return new Map(
        children(urlset, 'url', SITEMAP_NS).map((u) => [
          child(u, 'loc', SITEMAP_NS).text.slice(ORIGIN.length),
          children(u, 'lastmod', SITEMAP_NS)[0]?.text,
        ]),
      )
    }
    const before = await lastmods()
    expect([...before.keys()]).toEqual(['/', '/tags', '/tags/go', '/articles/old'])
    expect(before.get('/tags/go')).toBe(iso(T0 - HOUR))
    clock.now = T0 + 90_000
    const after = await lastmods()
    expect([...after.keys()]).toEqual(['/', '/tags', '/tags/go', '/articles/old', '/tags/zig', '/articles/new'])
    const revealed = iso(T0 + 60_000)
    for (const path of ['/', '/tags', '/tags/go', '/tags/zig', '/articles/new'])
      expect(after.get(path), path).toBe(revealed)
  })

  it('adds /tags with the first tag, and moves the index dates of the files that changed', async () => {
    // 1,001 URLs (the home page and 1,000 articles without tags): two files, the second holding the oldest article.
    const visible = Array.from({ length: 1000 }, (_, i) => post(`a${i}`, T0 - (i + 2) * HOUR, []))
    const { clock, get } = site([...visible, post('first-tag', T0 + 60_000, ['Zig'])])
    const index = async () =>
      children(parseXml(await text(get('/sitemap.xml'))), 'sitemap', SITEMAP_NS).map(
        (s) => child(s, 'lastmod', SITEMAP_NS).text,
      )
    const locs = async (n: number) =>
      children(parseXml(await text(get(`/sitemap-${n}.xml`))), 'url', SITEMAP_NS).map((u) =>
        child(u, 'loc', SITEMAP_NS).text.slice(ORIGIN.length),
      )
    expect(await index()).toEqual([iso(T0 - 2 * HOUR), iso(T0 - 1001 * HOUR)])
    expect(await locs(2)).toEqual(['/articles/a999'])
    clock.now = T0 + 60_000
    expect(await index()).toEqual([iso(T0 + 60_000), iso(T0 + 60_000)])
    expect(await locs(1)).not.toContain('/tags')
    // The articles that appear (and the pages they bring) are appended to the last file.
    expect(await locs(2)).toEqual(['/articles/a999', '/tags', '/tags/zig', '/articles/first-tag'])
  })
})

describe('what a reveal does not change', () => {
  it('is not made again: an article page is rendered once across reveals', async () => {
    const built: string[] = []
    const articles = newestFirst([post('old', T0 - HOUR, ['Go']), post('new', T0 + 60_000, ['Go'])])
    const clock = { now: T0 }
    const worker = appWith({ articles, builtAt: T0, clock: () => clock.now, onBuild: (key) => built.push(key) })
    const env: Env = { CF_VERSION_METADATA: { id: crypto.randomUUID(), timestamp: iso(T0 - 1_000) } }
    const get = (path: string) => worker.fetch(new Request(`${ORIGIN}${path}`), env)
    const page = await text(get('/articles/old'))
    clock.now = T0 + 60_000
    expect(await text(get('/articles/old'))).toBe(page)
    await (await get('/feed.xml')).text()
    expect(built.filter((k) => k.startsWith('article ')).length).toBe(1)
  })
})

describe('a preview build', () => {
  it('answers this machine only: anywhere else every URL is a 503 that says how to build for a deploy', async () => {
    const preview = testWorker({
      files: memoryFiles(packCorpus([post('draft', T0 - HOUR, ['Go'])], new Map(), { preview: true })),
    })
    for (const origin of [
      'http://localhost:8787',
      'http://127.0.0.1:8787',
      'http://[::1]:8787',
      'http://blog.localhost',
    ]) {
      expect((await preview.fetch(new Request(`${origin}/articles/draft`))).status, origin).toBe(200)
    }
    for (const path of ['/articles/draft', '/feed.xml', '/', '/sitemap.xml']) {
      const res = await preview.fetch(new Request(`${ORIGIN}${path}`))
      const body = await res.text()
      expect([res.status, res.headers.get('Cache-Control')], path).toEqual([503, 'no-store'])
      expect(body, path).toContain('preview build')
      expect(body, path).not.toContain('Title draft')
    }
  })
})
