// Validates the Atom serializer against the RELAX NG schema of RFC 4287 Appendix B with libxml2
// (xmllint-wasm). A malformed document makes xmllint-wasm reject, an invalid one resolves with
// `valid: false`; either way the test fails.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateXML, type XMLValidationResult } from 'xmllint-wasm'
import { readConfig } from '../../src/config.ts'
import { tagKey } from '../../src/content/tag-key.ts'
import { renderAtom } from '../../src/feeds/atom.ts'
import type { Article } from '../../src/model/article.ts'
import { ATOM, context, DAILY_TAGS, dailyArticles } from '../fixtures/articles.ts'
import { hostileArticles } from '../fixtures/hostile.ts'
import { hostileMarkdown } from '../fixtures/hostile-markdown.ts'
import { richArticle } from '../fixtures/rich-article.ts'
import { appWith } from '../helpers/app.ts'
import { bundledArticles } from '../helpers/bundled-node.ts'

const articles = await bundledArticles()

const SCHEMA = readFileSync(resolve(import.meta.dirname, '../fixtures/schemas/atom.rng'), 'utf8')
/** Each validation starts a worker with the wasm build of libxml2: allow for a slow machine. */
const TIMEOUT = 30_000

function atomFor(list: readonly Article[]): string {
  return renderAtom(context(list), ATOM)
}

function validate(xml: string): Promise<XMLValidationResult> {
  return validateXML({
    xml: { fileName: 'feed.atom', contents: xml },
    schema: { fileName: 'atom.rng', contents: SCHEMA },
    extension: 'relaxng',
  })
}

/** Validation errors as readable lines, so a failure shows what libxml2 said. */
function problems(result: XMLValidationResult): string[] {
  return result.errors.map((e) => e.rawMessage)
}

describe('Atom feed against RFC 4287 Appendix B (RELAX NG, libxml2)', () => {
  it('the schema compiles and accepts a minimal valid feed', { timeout: TIMEOUT }, async () => {
    const minimal =
      '<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x:1</id><title>t</title>' +
      '<updated>2024-01-01T00:00:00Z</updated><author><name>a</name></author></feed>'
    const result = await validate(minimal)
    expect(problems(result)).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('the feed of the bundled articles is valid', { timeout: TIMEOUT }, async () => {
    expect(articles.length).toBeGreaterThan(0)
    const result = await validate(atomFor(articles))
    expect(problems(result)).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('a feed of hostile articles (markup, ]]>, control characters, U+FFFE/U+FFFF, bidi, lone surrogate) is valid', {
    timeout: TIMEOUT,
  }, async () => {
    const hostile = await hostileArticles()
    const xml = atomFor(hostile)
    // The hostile text really reached the document (escaped), so the schema saw it.
    expect(xml).toContain('\u{1F980}')
    expect(xml).toContain('\u202e')
    expect(xml).toContain('&amp;lt;script&amp;gt;')
    expect(xml.match(/<entry[ >]/g)).toHaveLength(hostile.length)
    const result = await validate(xml)
    expect(problems(result)).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('every archive page and every tag feed (tags with Unicode, /, ?, #, .., & and <) is valid', {
    timeout: TIMEOUT * 4,
  }, async () => {
    const app = appWith({ articles: await dailyArticles(250) })
    const paths = ['/atom.xml', '/archive/1/atom.xml', '/archive/5/atom.xml']
    for (const tag of DAILY_TAGS) {
      const prefix = `/tags/${encodeURIComponent(tagKey(tag))}`
      paths.push(`${prefix}/atom.xml`, `${prefix}/archive/1/atom.xml`)
    }
    for (const path of paths) {
      const res = await app.request(`http://localhost:8787${path}`)
      expect(res.status, path).toBe(200)
      const result = await validate(await res.text())
      expect(problems(result), path).toEqual([])
      expect(result.valid, path).toBe(true)
    }
  })

  it('Markdown articles are valid: the example with its image and every hostile vector', {
    timeout: TIMEOUT,
  }, async () => {
    const rich = await richArticle()
    const hostile = await hostileMarkdown()
    const app = appWith({ articles: [...rich.articles, ...hostile.articles], media: rich.media })
    const xml = await (await app.request('http://localhost:8787/atom.xml', {}, { FEED_ITEMS: '100' })).text()
    expect(xml.match(/<entry[ >]/g)).toHaveLength(1 + hostile.articles.length)
    const result = await validate(xml)
    expect(problems(result)).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('reports errors for a feed without its <id> (the validator bites)', { timeout: TIMEOUT }, async () => {
    const xml = atomFor(articles)
    const feedId = `<id>${readConfig({}).id}</id>`
    expect(xml).toContain(feedId)
    const broken = xml.replace(feedId, '')
    expect(broken).not.toContain(feedId)
    const result = await validate(broken)
    expect(result.valid).toBe(false)
    expect(result.errors.length).toBeGreaterThan(0)
    expect(result.errors.some((e) => /Relax-NG validity error/.test(e.message))).toBe(true)
  })

  it('reports errors for a feed whose <updated> is not an xsd:dateTime', { timeout: TIMEOUT }, async () => {
    const xml = atomFor(articles)
    const broken = xml.replace(/(<feed\b[\s\S]*?<updated>)[^<]*(<\/updated>)/, '$1yesterday$2')
    expect(broken).toContain('<updated>yesterday</updated>')
    const result = await validate(broken)
    expect(result.valid).toBe(false)
    expect(result.errors.length).toBeGreaterThan(0)
  })
})
