import { describe, expect, it } from 'vitest'
import { type JsonFeed, renderJsonFeed } from '../../src/feeds/json-feed.ts'
import { context, JSON_FEED, sampleArticles } from '../fixtures/articles.ts'

describe('JSON Feed 1.1', async () => {
  const articles = await sampleArticles()
  const feed = JSON.parse(
    renderJsonFeed(context(articles, { SITE_AUTHOR_URL: 'https://example.com/me' }), JSON_FEED),
  ) as JsonFeed

  it('declares version 1.1 with title, urls, description, language and authors', () => {
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Feed Endpoint',
      home_page_url: 'http://localhost:8787/',
      feed_url: 'http://localhost:8787/feed.json',
      language: 'en',
      authors: [{ name: 'Feed Endpoint', url: 'https://example.com/me' }],
    })
    expect(feed.description.length).toBeGreaterThan(0)
    expect(feed).not.toHaveProperty('author')
  })

  it('gives each item a string id, url, title, content, summary, RFC 3339 dates, authors, tags', () => {
    const site = { name: 'Feed Endpoint', url: 'https://example.com/me' }
    // Written out by hand from the fixture: the newest first, the site's author where an article names none.
    const expected = [
      [
        'third-post',
        'Third post',
        '<p>Newest.</p>',
        'Newest.',
        '2024-03-01T10:00:00.000Z',
        '2024-03-01T10:00:00.000Z',
        [site],
        [],
        'fr',
      ],
      [
        'second-post',
        'Second post',
        '<p>More text.</p>',
        'More text.',
        '2024-02-01T06:00:00.000Z',
        '2024-02-03T00:00:00.000Z',
        [{ name: 'Ada', url: 'mailto:ada@example.com' }],
        [],
        'en',
      ],
      [
        'first-post',
        'First post',
        '<p>Hello.</p>\n<p>Second paragraph.</p>',
        'Hello.\n\nSecond paragraph.',
        '2024-01-01T00:00:00.000Z',
        '2024-01-01T00:00:00.000Z',
        [site],
        ['one', 'two'],
        'en',
      ],
    ] as const
    expect(feed.items).toHaveLength(expected.length)
    feed.items.forEach((item, i) => {
      const [slug, title, html, text, published, modified, authors, tags, language] = expected[i]!
      expect(item).toEqual({
        id: articles[i]!.id,
        url: `http://localhost:8787/articles/${slug}`,
        title,
        content_html: html,
        content_text: text,
        summary: text.split('\n')[0],
        date_published: published,
        date_modified: modified,
        authors,
        tags,
        language,
      })
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    })
  })
})
