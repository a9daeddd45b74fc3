import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ContentErrors } from '../../src/build/content-error.ts'
import { FORMATS } from '../../src/feeds/formats.ts'
import type { Article } from '../../src/model/article.ts'
import { context, loadArticles } from '../fixtures/articles.ts'
import { anyText, params, someText } from '../helpers/property.ts'
import { parseXml } from '../helpers/xml.ts'

/** Metadata lines, valid and not: every key with good and bad values, and garbage lines. */
const metaLine = fc.oneof(
  fc.constantFrom(
    'published: 2024-01-02',
    'published: 2024-02-30',
    'published: soon',
    'updated: 2030-01-01T00:00:00Z',
    'updated: 1999-01-01',
  ),
  fc.constantFrom(
    'slug: ok-slug',
    'slug: Bad Slug',
    'id: urn:x:1',
    'id: nope',
    'author: Ada <ada@example.com>',
    'author: <>',
    'tags: a, b',
    'tags: a,,b',
  ),
  fc.constantFrom('language: en', 'language: !!', 'summary: s', 'colour: red', 'no colon here', '# comment', ''),
  anyText(10).map((t) => `summary: ${t}`),
)

/** An article file as someone might drop it into seeds/: any text, any line endings, maybe front matter. */
const file = fc
  .record({
    // Usually a valid date first, so that many files get through to the serializers.
    meta: fc.option(
      fc
        .tuple(
          fc.constantFrom('published: 2024-01-02T03:04:05Z', 'published: 2024-01-02', 'tags: x'),
          fc.array(metaLine, { maxLength: 4 }),
        )
        .map(([d, rest]) => [d, ...rest]),
      { nil: undefined, freq: 5 },
    ),
    // Mostly title, blank line, paragraphs; sometimes any lines at all.
    lines: fc.oneof(
      // (without NUL, which makes a file binary and is covered by the other branch and by `bytes`)
      {
        weight: 3,
        arbitrary: fc
          .tuple(someText(20), fc.array(anyText(30), { minLength: 1, maxLength: 5 }))
          .map(([t, ps]) => [t, '', ...ps.flatMap((p) => [p, ''])].map((l) => l.replace(/\u0000/g, ''))),
      },
      { weight: 1, arbitrary: fc.array(anyText(20), { maxLength: 8 }) },
    ),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ meta, lines, eol, bom }) => {
    const head = meta ? ['---', ...meta, '---'] : []
    return new TextEncoder().encode(`${bom ? '\ufeff' : ''}${[...head, ...lines].join(eol)}`)
  })

const bytes = fc.uint8Array({ maxLength: 64 })

describe('the content pipeline, for any file', () => {
  it('returns articles that serialize validly, or throws ContentErrors naming file and line — nothing else', async () => {
    let accepted = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 4, arbitrary: file }, { weight: 1, arbitrary: bytes }), {
          minLength: 1,
          maxLength: 2,
        }),
        async (contents) => {
          const files = contents.map((b, i) => ({ name: `f${i}.txt`, bytes: b }))
          let articles: Article[]
          try {
            articles = await loadArticles(files)
          } catch (error) {
            expect(error).toBeInstanceOf(ContentErrors)
            for (const e of (error as ContentErrors).errors) expect(e.message).toMatch(/^seeds\/f\d\.txt:\d+: .+\. \S/s)
            refused++
            return
          }
          expect(articles.length).toBe(files.length)
          accepted++
          const feed = context(articles)
          for (const format of FORMATS) {
            const body = format.render(feed, format)
            if (format.xml) parseXml(body)
            else JSON.parse(body)
          }
        },
      ),
      params(2000),
    )
    // Both paths must really be exercised, or the property proves little.
    expect(accepted).toBeGreaterThan(100)
    expect(refused).toBeGreaterThan(100)
  })
})
