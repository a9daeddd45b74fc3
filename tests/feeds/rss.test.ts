import { describe, expect, it } from 'vitest'
import { renderRss } from '../../src/feeds/rss.ts'
import { context, RSS, sampleArticles } from '../fixtures/articles.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

/** RFC 822 date-time as the W3C validator accepts it (four-digit year, named zone). */
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

describe('RSS 2.0', async () => {
  const articles = await sampleArticles()
  const feed = context(articles, { SITE_TITLE: 'T & co', SITE_DESCRIPTION: 'About <things>' })
  const rss = parseXml(renderRss(feed, RSS))
  const channel = child(rss, 'channel')
  const items = children(channel, 'item')

  it('is an rss 2.0 document with one channel', () => {
    expect(rss.name).toBe('rss')
    expect(rss.attributes.version).toBe('2.0')
  })

  it('has a non-empty title, link and description on the channel', () => {
    expect(child(channel, 'title').text).toBe('T & co')
    expect(child(channel, 'link', '').text).toBe('http://localhost:8787/')
    expect(child(channel, 'description').text).toBe('About <things>')
  })

  it('links to itself with atom:link rel="self" and its media type', () => {
    const self = children(channel, 'link', NS.atom)
    expect(self).toHaveLength(1)
    expect(self[0]?.attributes).toEqual({
      href: 'http://localhost:8787/feed.xml',
      rel: 'self',
      type: 'application/rss+xml',
    })
  })

  it('has a language and a lastBuildDate equal to the newest item date', () => {
    expect(child(channel, 'language').text).toBe('en')
    const lastBuild = child(channel, 'lastBuildDate').text
    expect(lastBuild).toMatch(RFC822)
    expect(new Date(lastBuild).toISOString()).toBe('2024-03-01T10:00:00.000Z')
  })

  it('lists the items newest first with link, guid, pubDate, description and content:encoded', () => {
    expect(items).toHaveLength(3)
    items.forEach((item, i) => {
      const article = articles[i]!
      expect(child(item, 'title').text).toBe(article.title)
      expect(child(item, 'link', '').text).toBe(`http://localhost:8787/articles/${article.slug}`)
      const guid = child(item, 'guid')
      expect(guid.text).toBe(article.id)
      expect(guid.attributes.isPermaLink).toBe('false')
      expect(child(item, 'pubDate').text).toMatch(RFC822)
      expect(new Date(child(item, 'pubDate').text).toISOString()).toBe(article.published)
      expect(child(item, 'description').text).toBe(article.summary)
      expect(child(item, 'encoded', NS.content).text).toBe(article.contentHtml)
    })
  })

  it('writes authors as an email form, or dc:creator when there is no email', () => {
    const byTitle = new Map(items.map((item) => [child(item, 'title').text, item]))
    expect(child(byTitle.get('Second post')!, 'author').text).toBe('ada@example.com (Ada)')
    expect(children(byTitle.get('Second post')!, 'creator', NS.dc)).toHaveLength(0)
    expect(child(byTitle.get('Third post')!, 'creator', NS.dc).text).toBe('Feed Endpoint')
    expect(children(byTitle.get('Third post')!, 'author')).toHaveLength(0)
  })

  it('writes one category per tag', () => {
    const first = items.find((item) => child(item, 'title').text === 'First post')!
    expect(children(first, 'category').map((c) => c.text)).toEqual(['one', 'two'])
  })

  it('writes an author email form when the site author has an email', () => {
    const doc = parseXml(
      renderRss(context(articles, { SITE_AUTHOR: 'Site', SITE_AUTHOR_EMAIL: 'site@example.com' }), RSS),
    )
    const third = children(child(doc, 'channel'), 'item')[0]!
    expect(child(third, 'author').text).toBe('site@example.com (Site)')
  })
})
