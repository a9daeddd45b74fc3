import { describe, expect, it } from 'vitest'
import { renderAtom } from '../../src/feeds/atom.ts'
import { type JsonFeed, renderJsonFeed } from '../../src/feeds/json-feed.ts'
import { renderRss } from '../../src/feeds/rss.ts'
import { toXmlChars } from '../../src/feeds/xml.ts'
import { ATOM, context, JSON_FEED, RSS } from '../fixtures/articles.ts'
import { hostileArticles } from '../fixtures/hostile.ts'
import { appWith } from '../helpers/app.ts'
import { findElements } from '../helpers/html.ts'
import { decodeHtml, hexReferencesOnly, xmlChars } from '../helpers/reader-text.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

describe('hostile article text', async () => {
  const articles = await hostileArticles()
  const feed = context(articles)

  it('keeps RSS well-formed, with every text as written, minus what XML cannot carry', () => {
    const xml = renderRss(feed, RSS)
    const items = children(child(parseXml(xml), 'channel'), 'item')
    const titleSources = [...xml.matchAll(/<item><title>(.*?)<\/title>/gs)].map((m) => m[1] as string)
    expect(items).toHaveLength(articles.length)
    items.forEach((item, i) => {
      const article = articles[i]!
      const title = child(item, 'title').text
      expect(title).toBe(xmlChars(article.title))
      expect(hexReferencesOnly(titleSources[i]!), titleSources[i]).toBe(true)
      // <description> and <content:encoded> are HTML: a reader shows them decoded.
      expect(decodeHtml(child(item, 'description').text)).toBe(xmlChars(article.summary))
      expect(decodeHtml(child(item, 'encoded', NS.content).text.replace(/<\/?p>/g, ''))).toBe(
        xmlChars(article.paragraphs.join('\n')),
      )
      expect(children(item, 'category').map((c) => c.text)).toEqual(['a&b', '<c>', '"q"'])
    })
  })

  it('keeps Atom well-formed, with every text as written, minus what XML cannot carry', () => {
    const entries = children(parseXml(renderAtom(feed, ATOM)), 'entry', NS.atom)
    expect(entries).toHaveLength(articles.length)
    entries.forEach((entry, i) => {
      const article = articles[i]!
      for (const [name, expected] of [
        ['title', article.title],
        ['summary', article.summary],
      ] as const) {
        const text = child(entry, name, NS.atom)
        expect(text.attributes.type).toBe('text')
        expect(text.text).toBe(xmlChars(expected))
      }
      expect(child(entry, 'content', NS.atom).attributes.type).toBe('html')
      expect(decodeHtml(child(entry, 'content', NS.atom).text.replace(/<\/?p>/g, ''))).toBe(
        xmlChars(article.paragraphs.join('\n')),
      )
      expect(children(entry, 'category', NS.atom).map((c) => c.attributes.term)).toEqual(['a&b', '<c>', '"q"'])
    })
  })

  it.each([
    'Close tags with </b> and write &amp; literally',
    'AT&T and R&D',
    'a < b > c',
    '<script>alert(1)</script>',
    '&nbsp; is a space',
    'Plain title',
  ])('sends the title %j as plain text, with hexadecimal references', (title) => {
    const list = [{ ...articles[0]!, title, summary: title }]
    const rss = renderRss(context(list), RSS)
    const item = children(child(parseXml(rss), 'channel'), 'item')[0]!
    const source = /<item><title>(.*?)<\/title>/s.exec(rss)?.[1] ?? ''
    expect(child(item, 'title').text).toBe(title)
    expect(hexReferencesOnly(source), source).toBe(true)
    const atom = renderAtom(context(list), ATOM)
    const entry = children(parseXml(atom), 'entry', NS.atom)[0]!
    for (const name of ['title', 'summary']) {
      const text = child(entry, name, NS.atom)
      expect(text.attributes.type).toBe('text')
      expect(text.text).toBe(title)
      const source = new RegExp(`<entry>.*?<${name} type="text">(.*?)</${name}>`, 's').exec(atom)?.[1]
      expect(source).toBeDefined()
      expect(hexReferencesOnly(source as string), source).toBe(true)
    }
  })

  it('is checked by a parser that rejects what XML forbids', () => {
    for (const bad of [
      '<a>\u0001</a>',
      '<a>\ufffe</a>',
      '<a><![CDATA[x]]>]]></a>',
      '<a>&nope;</a>',
      '<a b="<"/>',
      '<a>\ud800</a>',
    ]) {
      expect(() => parseXml(bad), JSON.stringify(bad)).toThrow()
    }
  })

  it('keeps a carriage return, which XML parsers would otherwise turn into a line feed (found by the property tests)', () => {
    const [a] = articles
    const rss = parseXml(renderRss(context([{ ...a!, title: 'one\rtwo\r\nthree' }]), RSS))
    expect(child(children(child(rss, 'channel'), 'item')[0]!, 'title').text).toBe('one\rtwo\r\nthree')
  })

  it('removes only the characters XML 1.0 forbids', () => {
    expect(toXmlChars('a\u0001b\u000bc\u001fd\ufffe\uffff\ud800e\t\n\r🦀\u202e')).toBe('abcde\t\n\r🦀\u202e')
  })

  it('carries every character through JSON Feed unchanged', () => {
    const json = JSON.parse(renderJsonFeed(feed, JSON_FEED)) as JsonFeed
    json.items.forEach((item, i) => {
      const article = articles[i]!
      expect(item.title).toBe(article.title)
      expect(item.content_text).toBe(article.contentText)
      expect(item.content_html).toBe(article.contentHtml)
      expect(item.tags).toEqual(article.tags)
    })
  })

  it('never becomes markup in the HTML pages', async () => {
    const app = appWith({ articles })
    for (const path of ['/', `/articles/${articles[0]!.slug}`, `/articles/${articles[1]!.slug}`]) {
      const html = await (await app.request(path)).text()
      // The only script is the site's own file.
      expect(
        (await findElements(html, 'script')).map((el) => el.attributes.src),
        path,
      ).toEqual(['http://localhost/assets/site.js'])
      expect(await findElements(html, 'main b, main i, main img'), path).toEqual([])
      const [h1] = await findElements(html, 'h1')
      // HTMLRewriter hands text over undecoded: the tag is there as escaped text.
      if (path !== '/') expect(h1?.text).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;')
    }
  })
})
