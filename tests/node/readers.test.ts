// What real readers display for the served feeds (tests/helpers/readers.ts: feedparser, SimplePie,
// Tiny Tiny RSS, newsboat, sfeed, each from Debian), against what the author wrote: every title
// and summary of READER_TEXTS, and the site's title. Where a reader shows a title otherwise, the
// table in docs/http.md ("What readers show") must say so: it is regenerated here from the
// measurement and must match the docs, so neither a change of encoding nor of a reader goes unseen.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tagKey } from '../../src/content/tag-key.ts'
import { PATHS } from '../../src/paths.ts'
import { READER_SITE, READER_TEXTS, readerArticles } from '../fixtures/reader-corpus.ts'
import { appWith, type TestWorker } from '../helpers/app.ts'
import { READERS, type Reader, type ReaderFormat, type Shown } from '../helpers/readers.ts'

const ORIGIN = 'http://localhost'
const PATH: Record<ReaderFormat, string> = { rss: PATHS.rss, atom: PATHS.atom }
const LABEL: Record<ReaderFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0' }
const TIMEOUT = 120_000

/** The page of each text's article: how a reader's item is matched with it. */
let links: string[] = []
const documents = {} as Record<ReaderFormat, string>

async function get(app: TestWorker, path: string): Promise<Response> {
  const res = await app.request(path, {}, READER_SITE)
  expect(res.status, path).toBe(200)
  return res
}

beforeAll(async () => {
  const articles = await readerArticles()
  // The build keeps each text as written: what the readers are compared with is the author's.
  expect(articles.map((a) => [a.title, a.summary])).toEqual(READER_TEXTS.map(({ text }) => [text, text]))
  const app = appWith({ articles })
  links = articles.map((a) => ORIGIN + PATHS.article(a.slug))
  for (const format of ['rss', 'atom'] as const) documents[format] = await (await get(app, PATH[format])).text()
})

/**
 * Whether a reader's tests are skipped: only when it is missing and this machine cannot install it
 * (not root), with a message. As root (CI), a missing reader fails its tests.
 */
function skipped(reader: Reader): boolean {
  const missing = reader.missing()
  if (missing === undefined || process.getuid?.() === 0) return false
  console.warn(`skipped ${reader.name}: ${missing} (not root; as root: node scripts/install-readers.ts)`)
  return true
}
const anySkipped = READERS.map(skipped).includes(true)

/** What each reader showed for each text, per format: `undefined` where it showed the text as written. */
const measured = new Map<string, (string | undefined)[]>()

function itemOf(shown: Shown, i: number) {
  const item = shown.items.find((it) => it.link === links[i])
  if (!item) throw new Error(`item ${links[i]} not found among ${shown.items.length}`)
  return item
}

for (const reader of READERS) {
  describe.skipIf(skipped(reader))(reader.name, () => {
    it('is installed (npm test installs it as root: scripts/install-readers.ts)', () => {
      expect(reader.missing()).toBeUndefined()
    })
    for (const format of reader.formats) {
      it(`reads the ${LABEL[format]} feed: the site's title (if it shows one) and every summary (if it shows them) as written`, {
        timeout: TIMEOUT,
      }, () => {
        const shown = reader.read(documents[format])
        expect(shown.items).toHaveLength(READER_TEXTS.length)
        if (shown.title !== null) expect(shown.title).toBe(READER_SITE.SITE_TITLE)
        if (reader.summaries)
          READER_TEXTS.forEach(({ text }, i) => {
            expect(itemOf(shown, i).summary, `summary ${i}`).toBe(text)
          })
        measured.set(
          `${reader.name} ${format}`,
          READER_TEXTS.map(({ text }, i) => {
            const title = itemOf(shown, i).title
            return title === text ? undefined : (title ?? '(none)')
          }),
        )
      })
    }
  })
}

/** Markdown tables with their cells trimmed and rules as `---`, as the formatter may pad them. */
function cells(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^-+$/, '---'))
            .join('|')
        : line,
    )
    .join('\n')
}

/** The docs' table of one format, from what was measured: a row per kind of text, a column per reader. */
function table(format: ReaderFormat): string {
  const readers = READERS.filter((r) => r.formats.includes(format))
  for (const r of readers)
    if (!measured.has(`${r.name} ${format}`)) throw new Error(`${r.name} did not read the ${LABEL[format]} feed`)
  const cell = (value: string | undefined) =>
    value === undefined ? 'as written' : value === '' ? '(nothing)' : `\`${value}\``
  const rows = READER_TEXTS.map(
    ({ kind, text }, i) =>
      `| ${kind} | \`${text}\` | ${readers.map((r) => cell(measured.get(`${r.name} ${format}`)?.[i])).join(' | ')} |`,
  )
  return [
    `| ${LABEL[format]} title holds | Example | ${readers.map((r) => r.name).join(' | ')} |`,
    `| --- | --- | ${readers.map(() => '---').join(' | ')} |`,
    ...rows,
  ].join('\n')
}

describe('docs/http.md, "What readers show"', () => {
  it.skipIf(anySkipped)('holds the table measured here for each format', () => {
    const docs = cells(readFileSync(resolve(import.meta.dirname, '../../docs/http.md'), 'utf8'))
    const lacking = (['rss', 'atom'] as const).map(table).filter((expected) => !docs.includes(cells(expected)))
    expect(lacking, `docs/http.md lacks these measured tables:\n\n${lacking.join('\n\n')}\n`).toEqual([])
  })
})

describe('OPML import', () => {
  let dir: string
  const tags = ['one', 'R&D', 'Zürich']
  let opml: string
  let opmlAll: string
  let app: TestWorker
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opml-'))
    const articles = await readerArticles()
    app = appWith({ articles: articles.map((a, i) => ({ ...a, tags: [tags[i % tags.length] as string] })) })
    opml = await (await get(app, PATHS.opml)).text()
    opmlAll = await (await get(app, PATHS.opmlAll)).text()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** The site's feed and each tag's, in the one format `/feeds.opml` subscribes to (Atom). */
  const topics = () => [ORIGIN + PATHS.atom, ...tags.map((t) => ORIGIN + PATHS.tag(tagKey(t)) + PATHS.atom)].sort()

  /** Each feed outline as FreshRSS's import reads it: `type` "JSONFeed" (any case) is JSON Feed, any other RSS/Atom. */
  function freshRssImport(document: string): { url: string; kind: 'JSONFeed' | 'rss' }[] {
    return [...document.matchAll(/<outline\b[^>]*\btype="([^"]*)"[^>]*\bxmlUrl="([^"]*)"/g)].map((m) => ({
      url: (m[2] as string).replaceAll('&amp;', '&'),
      kind: m[1]?.toLowerCase() === 'jsonfeed' ? 'JSONFeed' : 'rss',
    }))
  }

  it("FreshRSS's rule: /feeds.opml subscribes once per topic, each typed as what it serves", async () => {
    const feeds = freshRssImport(opml)
    expect(feeds.map((f) => f.url).sort()).toEqual(topics())
    for (const { url, kind } of feeds) {
      const type = (await get(app, url.slice(ORIGIN.length))).headers.get('Content-Type') ?? ''
      expect(kind, url).toBe(type.startsWith('application/feed+json') ? 'JSONFeed' : 'rss')
    }
  })

  it("FreshRSS's rule: /feeds-all.opml lists every format of every topic, JSON Feeds as JSONFeed", async () => {
    const feeds = freshRssImport(opmlAll)
    expect(feeds).toHaveLength(3 * (1 + tags.length))
    for (const { url, kind } of feeds) {
      const type = (await get(app, url.slice(ORIGIN.length))).headers.get('Content-Type') ?? ''
      expect(kind, url).toBe(type.startsWith('application/feed+json') ? 'JSONFeed' : 'rss')
    }
  })

  const newsboat = READERS.find((r) => r.name === 'newsboat') as Reader
  it.skipIf(skipped(newsboat))('newsboat -i, which takes every xmlUrl: one subscription per topic', () => {
    writeFileSync(join(dir, 'feeds.opml'), opml)
    writeFileSync(join(dir, 'config'), '')
    execFileSync('newsboat', ['-i', 'feeds.opml', '-u', 'urls', '-c', 'cache.db', '-C', 'config'], {
      cwd: dir,
      env: { ...process.env, HOME: dir },
    })
    const urls = readFileSync(join(dir, 'urls'), 'utf8').split('\n').filter(Boolean)
    expect(urls.map((line) => line.replace(/^"|".*$/g, '').split(' ')[0]).sort()).toEqual(topics())
  })

  const sfeed = READERS.find((r) => r.name === 'sfeed') as Reader
  it.skipIf(skipped(sfeed))('sfeed_opml_import, which takes every xmlUrl: one subscription per topic', () => {
    const config = execFileSync('sfeed_opml_import', [], { input: opml, encoding: 'utf8' })
    const urls = [...config.matchAll(/^\s*feed\s+'[^']*'\s+'([^']*)'/gm)].map((m) => m[1])
    expect(urls.sort()).toEqual(topics())
  })
})
