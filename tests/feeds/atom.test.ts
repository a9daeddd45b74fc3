import { describe, expect, it } from 'vitest'
import { DEFAULTS } from '../../src/config.ts'
import { renderAtom } from '../../src/feeds/atom.ts'
import { ATOM, context, sampleArticles } from '../fixtures/articles.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

/** RFC 3339 date-time (RFC 4287 §3.3), in UTC. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

describe('Atom 1.0 (RFC 4287)', async () => {
  const articles = await sampleArticles()
  const doc = parseXml(renderAtom(context(articles), ATOM))
  const entries = children(doc, 'entry', NS.atom)

  it('is an atom:feed with xml:lang', () => {
    expect(doc.local).toBe('feed')
    expect(doc.uri).toBe(NS.atom)
    expect(doc.attributes['xml:lang']).toBe('en')
  })

  it('has id, title, updated and author on the feed (§4.1.1)', () => {
    expect(child(doc, 'id', NS.atom).text).toBe(DEFAULTS.id)
    expect(child(doc, 'title', NS.atom).text).toBe(DEFAULTS.title)
    expect(child(doc, 'updated', NS.atom).text).toBe('2024-03-01T10:00:00.000Z')
    expect(child(child(doc, 'author', NS.atom), 'name', NS.atom).text).toBe(DEFAULTS.author)
  })

  it('links to itself (rel="self", type="application/atom+xml") and to the site (rel="alternate")', () => {
    const links = children(doc, 'link', NS.atom).map((l) => l.attributes)
    expect(links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: 'http://localhost:8787/atom.xml' })
    expect(links).toContainEqual({ rel: 'alternate', type: 'text/html', href: 'http://localhost:8787/' })
  })

  it('has entries with id, title, updated, published, alternate link, summary, html content and categories', () => {
    expect(entries).toHaveLength(3)
    entries.forEach((entry, i) => {
      const article = articles[i]!
      expect(child(entry, 'id', NS.atom).text).toBe(article.id)
      expect(child(entry, 'title', NS.atom).text).toBe(article.title)
      expect(child(entry, 'updated', NS.atom).text).toMatch(RFC3339)
      expect(child(entry, 'updated', NS.atom).text).toBe(article.updated)
      expect(child(entry, 'published', NS.atom).text).toBe(article.published)
      expect(child(entry, 'link', NS.atom).attributes).toEqual({
        rel: 'alternate',
        type: 'text/html',
        href: `http://localhost:8787/articles/${article.slug}`,
      })
      expect(child(entry, 'summary', NS.atom).text).toBe(article.summary)
      const content = child(entry, 'content', NS.atom)
      expect(content.attributes.type).toBe('html')
      expect(content.text).toBe(article.contentHtml)
      expect(children(entry, 'category', NS.atom).map((c) => c.attributes.term)).toEqual(article.tags)
    })
  })

  it('marks an entry in another language with its own xml:lang', () => {
    const french = entries.find((e) => child(e, 'title', NS.atom).text === 'Third post')!
    expect(french.attributes['xml:lang']).toBe('fr')
    expect(entries.filter((e) => e.attributes['xml:lang'] !== undefined)).toHaveLength(1)
  })
})
