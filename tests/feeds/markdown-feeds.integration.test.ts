import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/build/load-content.ts'
import { feedHtml } from '../../src/feeds/feed-html.ts'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import { articleText, files } from '../fixtures/articles.ts'
import { hostileMarkdown } from '../fixtures/hostile-markdown.ts'
import { RICH_IMAGE, RICH_MARKDOWN, richArticle } from '../fixtures/rich-article.ts'
import { TINY_IMAGES } from '../fixtures/tiny-images.ts'
import { appWith } from '../helpers/app.ts'
import { findElements } from '../helpers/html.ts'
import { allElements, markupProblems } from '../helpers/html-elements.ts'
import { decodeHtml } from '../helpers/reader-text.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

const ORIGIN = 'http://localhost:8787'
const { articles, media } = await richArticle()
const article = articles[0]!
const app = appWith({ articles, media })
const CODE = /```ts\n([\s\S]*?)```/.exec(RICH_MARKDOWN)?.[1] as string

/** The article's HTML as each format carries it, read with a strict XML parser or JSON.parse. */
async function contentOf(base = ORIGIN, env = {}): Promise<Record<string, string>> {
  const get = async (path: string) => (await app.request(base + path, {}, env)).text()
  const rss = child(child(parseXml(await get('/feed.xml')), 'channel'), 'item')
  const atom = child(parseXml(await get('/atom.xml')), 'entry', NS.atom)
  const json = (JSON.parse(await get('/feed.json')) as JsonFeed).items[0]!
  return {
    rss: child(rss, 'encoded', NS.content).text,
    atom: child(atom, 'content', NS.atom).text,
    json: json.content_html,
  }
}

describe('a Markdown article in the feeds', () => {
  it('makes every relative link and image absolute against the article URL', async () => {
    for (const [format, html] of Object.entries(await contentOf())) {
      const urls = [
        ...(await findElements(html, 'a')).map((a) => decodeHtml(a.attributes.href ?? '')),
        ...(await findElements(html, 'img')).map((i) => decodeHtml(i.attributes.src ?? '')),
      ]
      expect(urls.length, format).toBeGreaterThan(3)
      for (const url of urls) expect(url, `${format}: ${url}`).toMatch(/^https?:\/\//)
      expect(urls, format).toContain(`${ORIGIN}/feeds.opml`)
      expect(urls, format).toContainEqual(expect.stringMatching(new RegExp(`^${ORIGIN}/media/[0-9a-f]{16}\\.png$`)))
      expect(urls, format).toContain('https://jsonfeed.org')
    }
  })

  it('resolves them under a base path too, the image of every format with them', async () => {
    const base = 'https://example.com/blog'
    const env = { SITE_URL: base }
    const media = new RegExp(`^${base}/media/[0-9a-f]{16}\\.png$`)
    for (const [format, html] of Object.entries(await contentOf(base, env))) {
      const srcs = (await findElements(html, 'img')).map((i) => decodeHtml(i.attributes.src ?? ''))
      expect(srcs, format).toEqual([expect.stringMatching(media)])
      const hrefs = (await findElements(html, 'a')).map((a) => decodeHtml(a.attributes.href ?? ''))
      expect(hrefs, format).toContain(`${base}/feeds.opml`)
    }
    const get = async (path: string) => (await app.request(base + path, {}, env)).text()
    const rss = child(child(parseXml(await get('/feed.xml')), 'channel'), 'item')
    expect(child(rss, 'enclosure').attributes.url).toMatch(media)
    const atom = child(parseXml(await get('/atom.xml')), 'entry', NS.atom)
    expect(children(atom, 'link', NS.atom).find((l) => l.attributes.rel === 'enclosure')?.attributes.href).toMatch(
      media,
    )
    expect((JSON.parse(await get('/feed.json')) as JsonFeed).items[0]?.image).toMatch(media)
    const og = await findElements(await get(`/articles/${article.slug}`), 'meta[property="og:image"]')
    expect(og.map((m) => m.attributes.content)).toEqual([expect.stringMatching(media)])
  })

  it('names a web image by its URL: Media RSS in RSS (no length to give an enclosure), Atom and JSON Feed', async () => {
    const cdn = 'https://cdn.example.com/cover.jpg'
    const web = await loadContent(files({ 'a.md': articleText('# Web', 'Text.', { image: cdn }) }))
    const served = appWith(web)
    const rss = child(child(parseXml(await (await served.request(`${ORIGIN}/feed.xml`)).text()), 'channel'), 'item')
    expect(children(rss, 'enclosure')).toEqual([])
    expect(child(rss, 'content', NS.media).attributes).toMatchObject({ url: cdn, medium: 'image' })
    const atom = child(parseXml(await (await served.request(`${ORIGIN}/atom.xml`)).text()), 'entry', NS.atom)
    expect(children(atom, 'link', NS.atom).find((l) => l.attributes.rel === 'enclosure')?.attributes).toEqual({
      rel: 'enclosure',
      href: cdn,
    })
    const json = (await (await served.request(`${ORIGIN}/feed.json`)).json()) as JsonFeed
    expect(json.items[0]?.image).toBe(cdn)
  })

  it('keeps code exactly, through XML and JSON', async () => {
    for (const [format, html] of Object.entries(await contentOf())) {
      const [code] = await findElements(html, 'pre code')
      expect(decodeHtml(code?.text ?? ''), format).toBe(CODE)
    }
  })

  it('carries its image: RSS enclosure, Atom link rel="enclosure", JSON Feed image, og:image', async () => {
    const rss = child(child(parseXml(await (await app.request(`${ORIGIN}/feed.xml`)).text()), 'channel'), 'item')
    const enclosure = child(rss, 'enclosure').attributes
    expect(enclosure).toEqual({
      url: expect.stringMatching(new RegExp(`^${ORIGIN}/media/[0-9a-f]{16}\\.png$`)),
      length: String(RICH_IMAGE.length),
      type: 'image/png',
    })
    const atom = child(parseXml(await (await app.request(`${ORIGIN}/atom.xml`)).text()), 'entry', NS.atom)
    const link = children(atom, 'link', NS.atom).find((l) => l.attributes.rel === 'enclosure')
    expect(link?.attributes).toEqual({
      rel: 'enclosure',
      type: 'image/png',
      length: String(RICH_IMAGE.length),
      href: enclosure.url,
    })
    const json = (await (await app.request(`${ORIGIN}/feed.json`)).json()) as JsonFeed
    expect(json.items[0]?.image).toBe(enclosure.url as string)
    const page = await (await app.request(`${ORIGIN}/articles/${article.slug}`)).text()
    const og = await findElements(page, 'meta[property="og:image"]')
    expect(og.map((m) => m.attributes.content)).toEqual([enclosure.url as string])
    // The summary stays plain text.
    expect(json.items[0]?.summary).not.toMatch(/[<*_`]/)
  })

  it('is served from its page with relative URLs, the image sized, and the image itself immutable', async () => {
    const page = await (await app.request(`${ORIGIN}/articles/${article.slug}`)).text()
    const [img] = await findElements(page, 'article img')
    expect(img?.attributes).toMatchObject({ width: '512', height: '512', src: expect.stringMatching(/^\.\.\/media\//) })
    const res = await app.request(new URL(img?.attributes.src as string, `${ORIGIN}/articles/${article.slug}`).href)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/png')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('Content-Encoding')).toBeNull()
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(RICH_IMAGE)
    const again = await app.request(new URL(img?.attributes.src as string, `${ORIGIN}/articles/x`).href, {
      headers: { 'If-None-Match': res.headers.get('ETag') as string },
    })
    expect(again.status).toBe(304)
    for (const path of ['/media/0000000000000000.png', '/media/x.png', '/media/3079ec1110a97263.svg', '/media/a/b.png'])
      expect((await app.request(ORIGIN + path)).status, path).toBe(404)
  })

  it('serves an image of every format with its type, and no name the build does not publish', async () => {
    const names = Object.keys(TINY_IMAGES)
    const tiny = await loadContent([
      ...files({ 'a.md': articleText('# T', names.map((n) => `![${n}](images/a.${n})`).join('\n\n')) }),
      ...Object.entries(TINY_IMAGES).map(([ext, bytes]) => ({ name: `images/a.${ext}`, bytes })),
    ])
    const served = appWith(tiny)
    const types = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' }
    for (const [path, bytes] of tiny.media) {
      const res = await served.request(`${ORIGIN}/${path}`)
      expect(res.headers.get('Content-Type'), path).toBe(types[path.split('.')[1] as keyof typeof types])
      expect(new Uint8Array(await res.arrayBuffer()), path).toEqual(bytes)
    }
    const jpg = [...tiny.media.keys()].find((p) => p.endsWith('.jpg')) as string
    expect((await served.request(`${ORIGIN}/${jpg.replace(/jpg$/, 'jpeg')}`)).status).toBe(404)
  })
})

describe('hostile Markdown in the feeds', () => {
  it('stays well-formed and inert in RSS, Atom and JSON Feed', async () => {
    const hostile = await hostileMarkdown()
    const served = appWith({ ...hostile })
    const env = { FEED_ITEMS: '100' }
    const rss = parseXml(await (await served.request(`${ORIGIN}/feed.xml`, {}, env)).text())
    const atom = parseXml(await (await served.request(`${ORIGIN}/atom.xml`, {}, env)).text())
    const json = (await (await served.request(`${ORIGIN}/feed.json`, {}, env)).json()) as JsonFeed
    const bodies = [
      ...children(child(rss, 'channel'), 'item').map((i) => child(i, 'encoded', NS.content).text),
      ...children(atom, 'entry', NS.atom).map((e) => child(e, 'content', NS.atom).text),
      ...json.items.map((i) => i.content_html),
    ]
    expect(bodies).toHaveLength(3 * hostile.articles.length)
    for (const html of bodies) expect(markupProblems(await allElements(html))).toEqual([])
  })

  it('keeps a URL no parser resolves as it is, rather than fail the whole feed', () => {
    const html = '<p><a href="//">x</a> <img src="//" alt=""> <a href="/ok">y</a></p>'
    expect(feedHtml({ format: 'markdown', contentHtml: html }, `${ORIGIN}/articles/a`)).toBe(
      `<p><a href="//">x</a> <img src="//" alt=""> <a href="${ORIGIN}/ok">y</a></p>`,
    )
  })
})
