import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bodyHtml, bodyText } from '../../src/content/stored-article.ts'
import { renderAtom } from '../../src/feeds/atom.ts'
import { type JsonFeed, renderJsonFeed } from '../../src/feeds/json-feed.ts'
import { renderRss } from '../../src/feeds/rss.ts'
import type { Article } from '../../src/model/article.ts'
import { ATOM, context, JSON_FEED, RSS } from '../fixtures/articles.ts'
import { anyText, params, someText } from '../helpers/property.ts'
import { decodeHtml, hexReferencesOnly, xmlChars } from '../helpers/reader-text.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

const date = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms).toISOString())

/** Any article the model can hold: every string arbitrary, lone surrogates and controls included. */
const article: fc.Arbitrary<Article> = fc
  .record({
    slug: fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}$/),
    id: fc.uuid().map((u) => `urn:uuid:${u}`),
    title: someText(),
    summary: anyText(),
    paragraphs: fc.array(anyText(60), { minLength: 1, maxLength: 4 }),
    published: date,
    updatedOffset: fc.nat({ max: 10 ** 9 }),
    authors: fc.array(
      fc.record(
        { name: someText(10), email: fc.option(fc.emailAddress(), { nil: undefined }) },
        { requiredKeys: ['name'] },
      ),
      { maxLength: 2 },
    ),
    tags: fc.uniqueArray(someText(10), { maxLength: 3 }),
    language: fc.option(fc.constantFrom('en', 'fr', 'he', 'ar', 'pt-BR', 'zh-Hant-TW'), { nil: undefined }),
  })
  .map(({ paragraphs, updatedOffset, authors, language, ...rest }) => {
    const a: Article = {
      ...rest,
      format: 'text',
      paragraphs,
      // The serializers' input, made as the pipeline makes it; the assertions below do not use these.
      contentHtml: bodyHtml(paragraphs),
      contentText: bodyText(paragraphs),
      updated: new Date(Date.parse(rest.published) + updatedOffset).toISOString(),
      authors: authors.map(({ name, email }) => (email ? { name, email } : { name })),
      source: 'generated',
    }
    if (language) a.language = language
    return a
  })

/** Several articles with distinct slugs and ids, newest first (what loadArticles guarantees). */
const articles = fc
  .uniqueArray(article, { minLength: 1, maxLength: 4, selector: (a) => a.slug })
  .map((list) =>
    list
      .map((a, i) => ({ ...a, id: `${a.id.slice(0, -2)}${String(i).padStart(2, '0')}` }))
      .sort((a, b) => (a.published < b.published ? 1 : -1)),
  )

/** Settings are text too: a hostile site title, description and author name. */
const env = fc
  .record({ SITE_TITLE: someText(20), SITE_DESCRIPTION: someText(30), SITE_AUTHOR: someText(10) })
  .map((e) => {
    // Configuration values cannot hold control characters (readConfig refuses them); strip them here.
    const clean = (s: string) =>
      s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '').trim() || 'x'
    return {
      SITE_TITLE: clean(e.SITE_TITLE),
      SITE_DESCRIPTION: clean(e.SITE_DESCRIPTION),
      SITE_AUTHOR: clean(e.SITE_AUTHOR),
    }
  })

describe('serializers, for any article text and metadata', () => {
  it('RSS is well-formed, and its plain text is the same text, minus what XML cannot carry', () => {
    fc.assert(
      fc.property(articles, env, (list, settings) => {
        const xml = renderRss(context(list, settings), RSS)
        const channel = child(parseXml(xml), 'channel')
        const titleSources = [...xml.matchAll(/<item><title>(.*?)<\/title>/gs)].map((m) => m[1] as string)
        expect(child(channel, 'title').text).toBe(xmlChars(settings.SITE_TITLE))
        children(channel, 'item').forEach((item, i) => {
          const a = list[i] as Article
          const title = child(item, 'title').text
          expect(title).toBe(xmlChars(a.title))
          expect(hexReferencesOnly(titleSources[i] as string), titleSources[i]).toBe(true)
          expect(child(item, 'guid').text).toBe(a.id)
          expect(decodeHtml(child(item, 'description').text)).toBe(xmlChars(a.summary))
          const body = child(item, 'encoded', NS.content).text
          expect(decodeHtml(body.replace(/<\/?p>/g, ''))).toBe(xmlChars(a.paragraphs.join('\n')))
          expect(children(item, 'category').map((c) => c.text)).toEqual(a.tags.map(xmlChars))
        })
      }),
      params(3000),
    )
  })

  it('Atom is well-formed, and its plain text is the same text, minus what XML cannot carry', () => {
    fc.assert(
      fc.property(articles, env, (list, settings) => {
        const feed = parseXml(renderAtom(context(list, settings), ATOM))
        expect(child(feed, 'title', NS.atom).attributes.type).toBe('text')
        expect(child(feed, 'title', NS.atom).text).toBe(xmlChars(settings.SITE_TITLE))
        children(feed, 'entry', NS.atom).forEach((entry, i) => {
          const a = list[i] as Article
          for (const [name, expected] of [
            ['title', a.title],
            ['summary', a.summary],
          ] as const) {
            const text = child(entry, name, NS.atom)
            expect(text.attributes.type).toBe('text')
            expect(text.text).toBe(xmlChars(expected))
          }
          const body = child(entry, 'content', NS.atom).text
          expect(decodeHtml(body.replace(/<\/?p>/g, ''))).toBe(xmlChars(a.paragraphs.join('\n')))
          expect(children(entry, 'category', NS.atom).map((c) => c.attributes.term)).toEqual(a.tags.map(xmlChars))
          expect(children(entry, 'author', NS.atom).map((p) => child(p, 'name', NS.atom).text)).toEqual(
            (a.authors.length ? a.authors.map((x) => x.name) : [settings.SITE_AUTHOR]).map(xmlChars),
          )
        })
      }),
      params(3000),
    )
  })

  it('JSON Feed parses and carries the model exactly', () => {
    fc.assert(
      fc.property(articles, env, (list, settings) => {
        const json = JSON.parse(renderJsonFeed(context(list, settings), JSON_FEED)) as JsonFeed
        expect(json.title).toBe(settings.SITE_TITLE)
        expect(
          json.items.map((i) => [
            i.id,
            i.title,
            i.summary,
            i.content_html,
            i.content_text,
            i.tags,
            i.date_published,
            i.date_modified,
          ]),
        ).toEqual(
          list.map((a) => [a.id, a.title, a.summary, a.contentHtml, a.contentText, a.tags, a.published, a.updated]),
        )
      }),
      params(3000),
    )
  })
})
