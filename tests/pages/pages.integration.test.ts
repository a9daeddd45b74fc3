import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { tagKey } from '../../src/content/tag-key.ts'
import { FORMATS } from '../../src/feeds/formats.ts'
import { PATHS } from '../../src/paths.ts'
import { hostileArticles } from '../fixtures/hostile.ts'
import { appWith } from '../helpers/app.ts'
import { bundledArticles } from '../helpers/bundled.ts'
import { findElements } from '../helpers/html.ts'
import { child, children, parseXml } from '../helpers/xml.ts'

const articles = await bundledArticles()

const worker = exports.default
const ORIGIN = 'http://localhost:8787'
const ARTICLE = `/articles/${articles[0]!.slug}`
const NAVIGATION = {
  'Sec-Fetch-Dest': 'document',
  'Sec-Fetch-Mode': 'navigate',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
}

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await worker.fetch(ORIGIN + path, { headers })
  return { res, html: await res.text() }
}
const meta = async (html: string, property: string) =>
  (await findElements(html, `meta[property="${property}"], meta[name="${property}"]`))[0]?.attributes.content

describe('article page', () => {
  it('has a canonical URL, feed autodiscovery and Open Graph / Twitter metadata', async () => {
    const { html } = await page(ARTICLE)
    const a = articles[0]!
    expect((await findElements(html, 'link[rel="canonical"]'))[0]?.attributes.href).toBe(ORIGIN + ARTICLE)
    // The site's feeds first (readers that take the first subscribe to the site), then each tag's.
    expect((await findElements(html, 'link[rel="alternate"]')).map((l) => l.attributes.href)).toEqual([
      ...FORMATS.map((f) => ORIGIN + f.path),
      ...a.tags.flatMap((t) => FORMATS.map((f) => ORIGIN + PATHS.tag(tagKey(t)) + f.path)),
    ])
    expect(await meta(html, 'og:type')).toBe('article')
    expect(await meta(html, 'og:url')).toBe(ORIGIN + ARTICLE)
    expect(await meta(html, 'og:description')).toBe(a.summary)
    expect(await meta(html, 'article:published_time')).toBe(a.published)
    expect(await meta(html, 'twitter:card')).toBe('summary')
    expect((await findElements(html, 'meta[property="article:tag"]')).length).toBe(a.tags.length)
  })

  it('is semantic: one article with its heading, date, author and tags, and the feeds linked', async () => {
    const { html } = await page(ARTICLE)
    expect(await findElements(html, 'main article header h1')).toHaveLength(1)
    expect((await findElements(html, 'article time'))[0]?.attributes.datetime).toBe(articles[0]!.published)
    expect((await findElements(html, 'article .author'))[0]?.text).toBe('Feed Endpoint')
    expect((await findElements(html, 'article .tags li')).map((t) => t.text)).toEqual(articles[0]!.tags)
    const hrefs = (await findElements(html, 'a[href]')).map((l) => l.attributes.href)
    for (const f of FORMATS) expect(hrefs).toContain(ORIGIN + f.path)
  })

  it('loads no external asset and no inline script or style', async () => {
    const { html } = await page(ARTICLE)
    for (const el of await findElements(html, 'script, link[rel="stylesheet"], img')) {
      const url = el.attributes.src ?? el.attributes.href ?? ''
      expect(url.startsWith(`${ORIGIN}/`), url).toBe(true)
    }
    expect((await findElements(html, 'script')).every((s) => s.attributes.src && s.text === '')).toBe(true)
    expect(await findElements(html, 'style, [style]')).toEqual([])
  })
})

describe('Content-Security-Policy', () => {
  it('forbids inline script, foreign origins and framing on every page', async () => {
    for (const path of ['/', ARTICLE, '/feed.xml', '/nope']) {
      const csp =
        (await worker.fetch(ORIGIN + path, { headers: NAVIGATION })).headers.get('Content-Security-Policy') ?? ''
      expect(csp, path).toContain("default-src 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).toContain("frame-ancestors 'none'")
    }
  })
})

describe('feed URLs in a browser', () => {
  it.each(FORMATS.map((f) => [f.path, f] as const))(
    '%s shows a readable page to a navigation, and the feed to everyone else',
    async (path, format) => {
      const nav = await page(path, NAVIGATION)
      expect(nav.res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      expect(nav.res.headers.get('Vary')).toContain('Sec-Fetch-Dest')
      expect((await findElements(nav.html, '.notice'))[0]?.text).toContain('This is a feed')
      expect((await findElements(nav.html, '.feedrow input'))[0]?.attributes.value).toBe(ORIGIN + path)
      expect((await findElements(nav.html, 'ul.items li h2 a')).map((a) => a.attributes.href)).toEqual(
        articles.slice(0, 20).map((a) => `${ORIGIN}/articles/${a.slug}`),
      )

      const reader = await page(path, { Accept: format.mediaType })
      const plain = await page(path)
      const fetchFromScript = await page(path, { 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Mode': 'cors' })
      for (const other of [reader, fetchFromScript]) {
        expect(other.res.headers.get('Content-Type')).toBe(`${format.mediaType}; charset=utf-8`)
        expect(other.html).toBe(plain.html)
        expect(other.res.headers.get('Vary')).toContain('Sec-Fetch-Dest')
      }
    },
  )

  it('keeps a separate ETag for the page and the feed', async () => {
    const nav = await page('/feed.xml', NAVIGATION)
    const feed = await page('/feed.xml')
    expect(nav.res.headers.get('ETag')).not.toBe(feed.res.headers.get('ETag'))
    expect(
      (await worker.fetch(`${ORIGIN}/feed.xml`, { headers: { 'If-None-Match': feed.res.headers.get('ETag')! } }))
        .status,
    ).toBe(304)
  })

  it('links RSS and Atom to the XSLT, which is served as XSL and is well-formed', async () => {
    for (const path of ['/feed.xml', '/atom.xml'])
      expect((await page(path)).html).toMatch(
        /^<\?xml version="1.0" encoding="utf-8"\?>\n<\?xml-stylesheet type="text\/xsl" href="\/feed.xsl"\?>\n</,
      )
    const xsl = await page('/feed.xsl')
    expect(xsl.res.headers.get('Content-Type')).toBe('text/xsl; charset=utf-8')
    expect(parseXml(xsl.html).local).toBe('stylesheet')
  })

  it('serves the feed as application/xml on ?view=xslt, so browsers apply the XSLT', async () => {
    const res = await page('/atom.xml?view=xslt', NAVIGATION)
    expect(res.res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    expect(res.html).toBe((await page('/atom.xml')).html)
  })
})

describe('index page and OPML', () => {
  it('offers each feed with its URL, a copy button and a feed: link, and the OPML', async () => {
    const { html } = await page('/')
    const rows = await findElements(html, '.subscribe .feedrow input')
    expect(rows.map((r) => r.attributes.value)).toEqual(FORMATS.map((f) => ORIGIN + f.path))
    expect((await findElements(html, '.subscribe button.copy')).map((b) => b.attributes['data-copy'])).toEqual(
      FORMATS.map((f) => ORIGIN + f.path),
    )
    const hrefs = (await findElements(html, '.subscribe a[href]')).map((a) => a.attributes.href)
    expect(hrefs).toContain(`feed:${ORIGIN}/feed.xml`)
    expect(hrefs).toContain(`${ORIGIN}/feeds.opml`)
    expect(hrefs).toContain(`${ORIGIN}/feeds-all.opml`)
  })

  /** The folders of an OPML document: the site's, then the tags', each with its outlines' type, URL and page. */
  async function opmlFolders(path: string) {
    const { res, html } = await page(path)
    expect(res.headers.get('Content-Type')).toBe('text/x-opml; charset=utf-8')
    const opml = parseXml(html)
    expect(opml.attributes.version).toBe('2.0')
    expect(child(child(opml, 'head'), 'title').text).toBe('Feed Endpoint')
    const folders = children(child(opml, 'body'), 'outline')
    expect(folders.map((f) => f.attributes.text)).toEqual(['Feed Endpoint', 'Feed Endpoint: tags'])
    return folders.map((folder) =>
      children(folder, 'outline').map((o) => [o.attributes.type, o.attributes.xmlUrl, o.attributes.htmlUrl]),
    )
  }
  const tagKeys = () =>
    [...new Set(articles.flatMap((a) => a.tags.map(tagKey)))].sort((x, y) => x.localeCompare(y, 'en'))

  it("serves OPML 2.0 subscribing once to the site's feed and once to every tag's (Atom)", async () => {
    const [site, tags] = await opmlFolders('/feeds.opml')
    expect(site).toEqual([['rss', `${ORIGIN}/atom.xml`, `${ORIGIN}/`]])
    expect(tags).toEqual(
      tagKeys().map((key) => ['rss', `${ORIGIN + PATHS.tag(key)}/atom.xml`, ORIGIN + PATHS.tag(key)]),
    )
  })

  it('serves every format of every feed in /feeds-all.opml, JSON Feeds typed JSONFeed', async () => {
    const [site, tags] = await opmlFolders('/feeds-all.opml')
    const type = (f: (typeof FORMATS)[number]) => (f.name === 'jsonFeed' ? 'JSONFeed' : 'rss')
    expect(site).toEqual(FORMATS.map((f) => [type(f), ORIGIN + f.path, `${ORIGIN}/`]))
    expect(tags).toEqual(
      tagKeys().flatMap((key) =>
        FORMATS.map((f) => [type(f), ORIGIN + PATHS.tag(key) + f.path, ORIGIN + PATHS.tag(key)]),
      ),
    )
  })
})

describe('hostile article text in pages', () => {
  it('is escaped in the feed preview, the index and the article page', async () => {
    const list = await hostileArticles()
    const app = appWith({ articles: list })
    for (const [path, headers] of [
      ['/feed.xml', NAVIGATION],
      ['/', {}],
      [`/articles/${list[0]!.slug}`, {}],
    ] as const) {
      const html = await (await app.request(path, { headers })).text()
      expect(await findElements(html, 'main script, main img, main b, main i'), path).toEqual([])
      expect(html).not.toContain('<script>alert')
    }
  })
})

describe('index pages', () => {
  /** 65 articles, newest first: three pages of 30, 30 and 5. */
  async function many() {
    const { articleText, files, loadArticles } = await import('../fixtures/articles.ts')
    const texts: Record<string, string> = {}
    for (let i = 0; i < 65; i++)
      texts[`a${i}.txt`] = articleText(`Article ${i}`, 'Body.', {
        published: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString(),
      })
    return appWith({ articles: await loadArticles(files(texts)) })
  }

  it('lists 30 articles per page, newest first, with next and previous links', async () => {
    const app = await many()
    const titles = async (path: string) =>
      (await findElements(await (await app.request(path)).text(), 'ul.items li h2 a')).map((a) => a.text)
    expect(await titles('/')).toEqual(Array.from({ length: 30 }, (_, i) => `Article ${64 - i}`))
    expect((await titles('/page/2'))[0]).toBe('Article 34')
    expect(await titles('/page/3')).toEqual(['Article 4', 'Article 3', 'Article 2', 'Article 1', 'Article 0'])
    const page2 = await (await app.request('/page/2')).text()
    expect((await findElements(page2, 'a[rel="prev"]'))[0]?.attributes.href).toBe('http://localhost/')
    expect((await findElements(page2, 'a[rel="next"]'))[0]?.attributes.href).toBe('http://localhost/page/3')
    expect((await findElements(page2, 'link[rel="canonical"]'))[0]?.attributes.href).toBe('http://localhost/page/2')
  })

  it('has one URL per page: /page/1 redirects home, other names are 404', async () => {
    const app = await many()
    const one = await app.request('/page/1')
    expect(one.status).toBe(301)
    expect(one.headers.get('Location')).toBe('http://localhost/')
    for (const path of ['/page/4', '/page/0', '/page/01', '/page/-1', '/page/abc', '/page/99999999999'])
      expect((await app.request(path)).status, path).toBe(404)
  })
})
