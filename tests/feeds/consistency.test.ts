import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/feeds/formats.ts'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import { context, sampleArticles } from '../fixtures/articles.ts'
import { bundledArticles } from '../helpers/bundled.ts'
import { shownAtom, xmlChars } from '../helpers/reader-text.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

const bundled = await bundledArticles()

interface Listed {
  id: string
  url: string
  title: string
  published: string
}

/**
 * Reads id, link, title (as a reader shows it, minus what XML cannot carry) and publication date of
 * every item, whatever the format.
 */
function listed(name: string, body: string): Listed[] {
  if (!FORMATS.find((f) => f.name === name)?.xml) {
    return (JSON.parse(body) as JsonFeed).items.map((i) => ({
      id: i.id,
      url: i.url,
      title: xmlChars(i.title),
      published: new Date(i.date_published).toISOString(),
    }))
  }
  const doc = parseXml(body)
  if (name === 'rss') {
    return children(child(doc, 'channel'), 'item').map((i) => ({
      id: child(i, 'guid').text,
      url: child(i, 'link', '').text,
      title: child(i, 'title').text,
      published: new Date(child(i, 'pubDate').text).toISOString(),
    }))
  }
  return children(doc, 'entry', NS.atom).map((e) => ({
    id: child(e, 'id', NS.atom).text,
    url: child(e, 'link', NS.atom).attributes.href ?? '',
    title: shownAtom(child(e, 'title', NS.atom)),
    published: new Date(child(e, 'published', NS.atom).text).toISOString(),
  }))
}

describe('all formats agree', () => {
  it.each([
    ['sample articles', sampleArticles],
    ['the bundled seeds', async () => bundled],
  ])('list the same items with the same ids, links, titles and dates (%s)', async (_name, load) => {
    const feed = context(await load())
    const [first, ...rest] = FORMATS.map((f) => listed(f.name, f.render(feed, f)))
    expect(first!.length).toBeGreaterThan(0)
    for (const other of rest) expect(other).toEqual(first)
  })

  it('cut every feed to FEED_ITEMS newest items', async () => {
    const feed = context(await sampleArticles(), { FEED_ITEMS: '2' })
    for (const f of FORMATS)
      expect(listed(f.name, f.render(feed, f)).map((i) => i.title)).toEqual(['Third post', 'Second post'])
  })

  it('render the same bytes twice: no date comes from the clock', async () => {
    const articles = await sampleArticles()
    for (const f of FORMATS) expect(f.render(context(articles), f)).toBe(f.render(context(articles), f))
  })
})
