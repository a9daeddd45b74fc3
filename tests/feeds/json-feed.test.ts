import { describe, expect, it } from 'vitest'
import { type JsonFeed, renderJsonFeed } from '../../src/feeds/json-feed.ts'
import { context, sampleArticles } from '../fixtures/articles.ts'

describe('JSON Feed 1.1', async () => {
  const articles = await sampleArticles()
  const feed = JSON.parse(renderJsonFeed(context(articles, { SITE_AUTHOR_URL: 'https://example.com/me' }))) as JsonFeed

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
    expect(feed.items).toHaveLength(3)
    feed.items.forEach((item, i) => {
      const article = articles[i]!
      expect(item).toEqual({
        id: article.id,
        url: `http://localhost:8787/articles/${article.slug}`,
        title: article.title,
        content_html: article.contentHtml,
        content_text: article.contentText,
        summary: article.summary,
        date_published: article.published,
        date_modified: article.updated,
        authors: article.authors.length
          ? article.authors.map((a) => ({ name: a.name, url: `mailto:${a.email}` }))
          : [{ name: 'Feed Endpoint', url: 'https://example.com/me' }],
        tags: article.tags,
        language: article.language ?? 'en',
      })
    })
  })
})
