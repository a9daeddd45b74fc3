import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { type Env, readConfig } from '../../src/config.ts'
import { FORMATS } from '../../src/feeds/formats.ts'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import { INDEX_PAGE_SIZE } from '../../src/paging.ts'
import { appWith } from '../helpers/app.ts'
import { bundledArticles } from '../helpers/bundled.ts'
import { findElements } from '../helpers/html.ts'
import { decodeHtml } from '../helpers/reader-text.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

const articles = await bundledArticles()
// What a feed and the first index page list, whatever the size of seeds/ (the first N, newest first).
const feedItems = readConfig(env as unknown as Env).feedItems

const worker = exports.default
const ORIGIN = 'http://localhost:8787'

/** Item links and ids of a served feed, read with a strict parser. */
function itemsOf(format: string, body: string): { id: string; url: string }[] {
  if (!FORMATS.find((f) => f.name === format)?.xml)
    return (JSON.parse(body) as JsonFeed).items.map((i) => ({ id: i.id, url: i.url }))
  const doc = parseXml(body)
  if (format === 'rss')
    return children(child(doc, 'channel'), 'item').map((i) => ({
      id: child(i, 'guid').text,
      url: child(i, 'link', '').text,
    }))
  return children(doc, 'entry', NS.atom).map((e) => ({
    id: child(e, 'id', NS.atom).text,
    url: child(e, 'link', NS.atom).attributes.href ?? '',
  }))
}

describe.each(FORMATS)('$label at $path', (format) => {
  it('answers 200 with its media type, charset and nosniff', async () => {
    const res = await worker.fetch(ORIGIN + format.path)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe(`${format.mediaType}; charset=utf-8`)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(itemsOf(format.name, await res.text()).map((i) => i.id)).toEqual(
      articles.slice(0, feedItems).map((a) => a.id),
    )
  })

  it('links every item to an article page that exists', async () => {
    const items = itemsOf(format.name, await (await worker.fetch(ORIGIN + format.path)).text())
    for (const item of items) {
      expect(item.url.startsWith(`${ORIGIN}/articles/`)).toBe(true)
      const page = await worker.fetch(item.url)
      expect(page.status).toBe(200)
      expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      const [h1] = await findElements(await page.text(), 'h1')
      // HTMLRewriter hands text over as written in the page: decode its character references.
      expect(decodeHtml(h1?.text ?? '')).toBe(articles.find((a) => item.url === `${ORIGIN}/articles/${a.slug}`)?.title)
    }
  })

  it('keeps ids when served from another host, and links to the host it was asked on', async () => {
    const local = itemsOf(format.name, await (await worker.fetch(ORIGIN + format.path)).text())
    const other = itemsOf(format.name, await (await worker.fetch(`https://news.example.org${format.path}`)).text())
    expect(other.map((i) => i.id)).toEqual(local.map((i) => i.id))
    expect(other.every((i) => i.url.startsWith('https://news.example.org/articles/'))).toBe(true)
  })

  it('links to the configured SITE_URL whatever host the request came to', async () => {
    const app = appWith({ articles })
    const res = await app.request(`http://127.0.0.1:9999${format.path}`, {}, { SITE_URL: 'https://feeds.example.com/' })
    const body = await res.text()
    expect(itemsOf(format.name, body).every((i) => i.url.startsWith('https://feeds.example.com/articles/'))).toBe(true)
    expect(body).not.toContain('127.0.0.1')
  })

  it('answers HEAD with the same headers and no body', async () => {
    const get = await worker.fetch(ORIGIN + format.path)
    const head = await worker.fetch(ORIGIN + format.path, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('Content-Type')).toBe(get.headers.get('Content-Type'))
    expect(await head.text()).toBe('')
  })

  it('answers other methods with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await worker.fetch(ORIGIN + format.path, { method })
      expect(res.status).toBe(405)
      expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
    }
  })
})

describe('the index page', () => {
  it('lists the newest articles, a page of them, and advertises every feed for autodiscovery', async () => {
    const res = await worker.fetch(`${ORIGIN}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    const alternates = await findElements(html, 'head link[rel="alternate"]')
    expect(alternates.map((l) => [l.attributes.type, l.attributes.href])).toEqual(
      FORMATS.map((f) => [f.mediaType, ORIGIN + f.path]),
    )
    const links = await findElements(html, 'ul.items a[href]')
    expect(links.map((a) => a.attributes.href)).toEqual(
      articles.slice(0, INDEX_PAGE_SIZE).map((a) => `${ORIGIN}/articles/${a.slug}`),
    )
  })
})

describe('errors', () => {
  it('answers an unknown path with 404, as HTML for browsers', async () => {
    const res = await worker.fetch(`${ORIGIN}/nope`, {
      headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    })
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect((await findElements(await res.text(), 'h1'))[0]?.text).toBe('404')
  })

  it('answers 404 as JSON to JSON clients and as text otherwise', async () => {
    const json = await worker.fetch(`${ORIGIN}/nope`, { headers: { Accept: 'application/feed+json' } })
    expect(json.status).toBe(404)
    expect(await json.json()).toEqual({ error: { status: 404, message: 'Nothing at /nope.' } })
    const text = await worker.fetch(`${ORIGIN}/nope`)
    expect(text.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
  })

  it('redirects a trailing slash to the page’s one URL', async () => {
    const res = await worker.fetch(`${ORIGIN}/articles/${articles[0]!.slug}/`, { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe(`${ORIGIN}/articles/${articles[0]!.slug}`)
  })

  it('answers an unknown article with 404', async () => {
    const res = await worker.fetch(`${ORIGIN}/articles/no-such-article`)
    expect(res.status).toBe(404)
  })

  it('answers a broken configuration with 500 naming the variable', async () => {
    const app = appWith({ articles })
    const res = await app.request('/feed.xml', {}, { SITE_URL: 'not a url', FEED_ITEMS: '0' })
    expect(res.status).toBe(500)
    const body = await res.text()
    expect(body).toContain('SITE_URL must be an absolute http(s) URL')
    expect(body).toContain('FEED_ITEMS must be a whole number')
  })

  it('answers every request with that 500 while the settings are broken, however the path is written', async () => {
    const app = appWith({ articles })
    const cases: [string, Record<string, string>][] = [
      ['/page/0', {}],
      ['/page/01', {}],
      ['/archive/0/feed.xml', {}],
      ['/feed', { Accept: 'image/png' }],
      ['/articles/nope', {}],
    ]
    for (const [path, headers] of cases) {
      const res = await app.request(path, { headers }, { FEED_ITEMS: 'abc' })
      expect(res.status, path).toBe(500)
      expect(await res.text(), path).toContain('FEED_ITEMS must be a whole number')
    }
  })
})
