// Validates the JSON Feed serializer against jsonfeed-schema's JSON Schema for JSON Feed 1.1
// (draft-07, so ajv's default class) with ajv-formats checking `uri` and `date-time`.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Ajv, { type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { tagKey } from '../../src/content/tag-key.ts'
import { renderJsonFeed } from '../../src/feeds/json-feed.ts'
import type { Article } from '../../src/model/article.ts'
import { context, DAILY_TAGS, dailyArticles, JSON_FEED } from '../fixtures/articles.ts'
import { hostileArticles } from '../fixtures/hostile.ts'
import { hostileMarkdown } from '../fixtures/hostile-markdown.ts'
import { richArticle } from '../fixtures/rich-article.ts'
import { appWith } from '../helpers/app.ts'
import { bundledArticles } from '../helpers/bundled-node.ts'

const articles = await bundledArticles()

const SCHEMA_PATH = createRequire(import.meta.url).resolve('jsonfeed-schema/schema-v1.1.json')
const SCHEMA = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { $schema: string }

// ajv's default strict mode (unknown keywords are errors); not `strict: true`, whose strictRequired
// rejects the schema's valid `anyOf: [{ required: ['content_html'] }, …]` idiom.
const ajv = new Ajv({ allErrors: true })
addFormats(ajv)
const validateFeed = ajv.compile(SCHEMA)

function jsonFeedFor(list: readonly Article[]): Record<string, unknown> {
  return JSON.parse(renderJsonFeed(context(list), JSON_FEED)) as Record<string, unknown>
}

/** Errors as readable lines, so a failure shows what ajv said. */
function problems(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
}

describe('JSON Feed against jsonfeed-schema schema-v1.1.json (ajv + ajv-formats)', () => {
  it('the feed of the bundled articles is valid', () => {
    expect(articles.length).toBeGreaterThan(0)
    const feed = jsonFeedFor(articles)
    const valid = validateFeed(feed)
    expect(problems(validateFeed.errors)).toEqual([])
    expect(valid).toBe(true)
  })

  it('a feed of hostile articles (markup, ]]>, control characters, U+FFFE/U+FFFF, bidi, lone surrogate) is valid', async () => {
    const hostile = await hostileArticles()
    const feed = jsonFeedFor(hostile)
    const items = feed.items as { title: string; content_text: string }[]
    expect(items).toHaveLength(hostile.length)
    // The hostile text survived into the document, lone surrogate included.
    expect(items[0]?.content_text).toContain('\u0001')
    expect(items[1]?.title).toContain('\uD800')
    const valid = validateFeed(feed)
    expect(problems(validateFeed.errors)).toEqual([])
    expect(valid).toBe(true)
  })

  it('every page of the chain (next_url) and every tag feed (tags with Unicode, /, ?, #, .., & and <) is valid', async () => {
    const app = appWith({ articles: await dailyArticles(250) })
    const starts = ['/feed.json', ...DAILY_TAGS.map((t) => `/tags/${encodeURIComponent(tagKey(t))}/feed.json`)]
    let documents = 0
    for (const start of starts) {
      let url: string | undefined = `http://localhost:8787${start}`
      while (url) {
        const feed = (await (await app.request(url)).json()) as Record<string, unknown>
        const valid = validateFeed(feed)
        expect(problems(validateFeed.errors), url).toEqual([])
        expect(valid, url).toBe(true)
        documents++
        url = feed.next_url as string | undefined
      }
    }
    expect(documents).toBeGreaterThan(starts.length * 2)
  })

  it('Markdown articles are valid: the example with its image and every hostile vector', async () => {
    const rich = await richArticle()
    const hostile = await hostileMarkdown()
    const app = appWith({ articles: [...rich.articles, ...hostile.articles], media: rich.media })
    const feed = (await (await app.request('http://localhost:8787/feed.json', {}, { FEED_ITEMS: '100' })).json()) as {
      items: { image?: string }[]
    }
    expect(feed.items).toHaveLength(1 + hostile.articles.length)
    expect(feed.items.some((i) => i.image)).toBe(true)
    const valid = validateFeed(feed)
    expect(problems(validateFeed.errors)).toEqual([])
    expect(valid).toBe(true)
  })

  it('reports an error for an item without `id` (the validator bites)', () => {
    const feed = jsonFeedFor(articles)
    const items = feed.items as Record<string, unknown>[]
    expect(items[0]).toHaveProperty('id')
    delete items[0]?.id
    expect(validateFeed(feed)).toBe(false)
    expect(validateFeed.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/items/0', keyword: 'required', params: { missingProperty: 'id' } }),
    )
  })

  it('reports an error for a `date_published` that is not an RFC 3339 date-time', () => {
    const feed = jsonFeedFor(articles)
    const items = feed.items as Record<string, unknown>[]
    ;(items[0] as Record<string, unknown>).date_published = 'yesterday'
    expect(validateFeed(feed)).toBe(false)
    expect(validateFeed.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/items/0/date_published', keyword: 'format' }),
    )
  })
})
