import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.tsx'
import { renderAtom } from '../../src/feeds/atom.ts'
import { type JsonFeed, renderJsonFeed } from '../../src/feeds/json-feed.ts'
import { renderRss } from '../../src/feeds/rss.ts'
import { toXmlChars } from '../../src/feeds/xml.ts'
import { context } from '../fixtures/articles.ts'
import { hostileArticles } from '../fixtures/hostile.ts'
import { findElements } from '../helpers/html.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

describe('hostile article text', async () => {
  const articles = await hostileArticles()
  const feed = context(articles)

  it('really is hostile', () => {
    const [parsed] = articles
    expect(parsed!.contentText).toContain(']]> and again ]]>')
    expect(parsed!.contentText).toContain('&amp;')
    expect(parsed!.contentText).toMatch(/\u0001/)
    expect(parsed!.contentText).toMatch(/\ufffe/)
    expect(articles[1]!.title).toMatch(/\ud800/)
  })

  it('keeps RSS well-formed, and every text reads back as written minus what XML cannot carry', () => {
    const items = children(child(parseXml(renderRss(feed)), 'channel'), 'item')
    expect(items).toHaveLength(2)
    items.forEach((item, i) => {
      const article = articles[i]!
      expect(child(item, 'title').text).toBe(toXmlChars(article.title))
      expect(child(item, 'encoded', NS.content).text).toBe(toXmlChars(article.contentHtml))
      expect(children(item, 'category').map((c) => c.text)).toEqual(['a&b', '<c>', '"q"'])
    })
  })

  it('keeps Atom well-formed, and every text reads back as written minus what XML cannot carry', () => {
    const entries = children(parseXml(renderAtom(feed)), 'entry', NS.atom)
    expect(entries).toHaveLength(2)
    entries.forEach((entry, i) => {
      const article = articles[i]!
      expect(child(entry, 'title', NS.atom).text).toBe(toXmlChars(article.title))
      expect(child(entry, 'summary', NS.atom).text).toBe(toXmlChars(article.summary))
      expect(child(entry, 'content', NS.atom).text).toBe(toXmlChars(article.contentHtml))
      expect(children(entry, 'category', NS.atom).map((c) => c.attributes.term)).toEqual(['a&b', '<c>', '"q"'])
    })
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
    const rss = parseXml(renderRss(context([{ ...a!, title: 'one\rtwo\r\nthree' }])))
    expect(child(children(child(rss, 'channel'), 'item')[0]!, 'title').text).toBe('one\rtwo\r\nthree')
  })

  it('removes only the characters XML 1.0 forbids', () => {
    expect(toXmlChars('a\u0001b\u000bc\u001fd\ufffe\uffff\ud800e\t\n\r🦀\u202e')).toBe('abcde\t\n\r🦀\u202e')
  })

  it('carries every character through JSON Feed unchanged', () => {
    const json = JSON.parse(renderJsonFeed(feed)) as JsonFeed
    json.items.forEach((item, i) => {
      const article = articles[i]!
      expect(item.title).toBe(article.title)
      expect(item.content_text).toBe(article.contentText)
      expect(item.content_html).toBe(article.contentHtml)
      expect(item.tags).toEqual(article.tags)
    })
  })

  it('never becomes markup in the HTML pages', async () => {
    const app = createApp({ articles })
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
