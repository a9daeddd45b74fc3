/**
 * Measures how each candidate encoding of a plain-text title fares in each reader: for RSS and
 * Atom, a feed of the READER_TEXTS titles written one way is read by every reader, and the number
 * of titles shown exactly as written is printed (the reasoning behind src/feeds/plain-text.ts, in
 * docs/http.md, "What readers show"). `-v` lists what each reader showed instead.
 *
 * Usage: node tests/readers/compare-encodings.ts [-v]   (after node scripts/install-readers.ts)
 */
import { escapeHtml } from '../../src/content/escape-html.ts'
import { characterData } from '../../src/feeds/plain-text.ts'
import { xmlText } from '../../src/feeds/xml.ts'
import { READER_TEXTS } from '../fixtures/reader-corpus.ts'
import { READERS, type ReaderFormat } from '../helpers/readers.ts'

/** A CDATA section holding `text`, split where the text holds `]]>`. */
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

/** What the serializers escaped as HTML before this measurement: text that looked like HTML. */
const LOOKED_LIKE_HTML = /<[a-z/!?]|&#?\w+;|&(?:amp|lt|gt|quot|apos|nbsp|copy|reg)\b/i

/** Each way to write a title, per format: the whole `<title>` element. */
const CANDIDATES: Record<ReaderFormat, Record<string, (text: string) => string>> = {
  rss: {
    'plain text, hexadecimal references (served)': (t) => `<title>${characterData(t)}</title>`,
    'plain text, named references': (t) => `<title>${xmlText(t)}</title>`,
    'plain text in CDATA': (t) => `<title>${cdata(t)}</title>`,
    'escaped as HTML': (t) => `<title>${xmlText(escapeHtml(t))}</title>`,
    'escaped as HTML, in CDATA': (t) => `<title>${cdata(escapeHtml(t))}</title>`,
    'escaped as HTML when it looks like HTML (served before)': (t) =>
      `<title>${characterData(LOOKED_LIKE_HTML.test(t) ? escapeHtml(t) : t)}</title>`,
  },
  atom: {
    'type="text", hexadecimal references (served)': (t) => `<title type="text">${characterData(t)}</title>`,
    'type="html", escaped as HTML': (t) => `<title type="html">${xmlText(escapeHtml(t))}</title>`,
    'type="html", escaped as HTML, in CDATA': (t) => `<title type="html">${cdata(escapeHtml(t))}</title>`,
    'type="xhtml"': (t) => `<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${xmlText(t)}</div></title>`,
    'type="html" when it looks like HTML (served before)': (t) =>
      LOOKED_LIKE_HTML.test(t)
        ? `<title type="html">${xmlText(escapeHtml(t))}</title>`
        : `<title type="text">${xmlText(t)}</title>`,
  },
}

const link = (i: number) => `https://example.com/${i}`

function feed(format: ReaderFormat, title: (text: string) => string): string {
  const items = READER_TEXTS.map(({ text }, i) =>
    format === 'rss'
      ? `<item>${title(text)}<link>${link(i)}</link><guid>${link(i)}</guid></item>`
      : `<entry><id>${link(i)}</id>${title(text)}<updated>2024-01-01T00:00:00Z</updated><link href="${link(i)}"/></entry>`,
  ).join('')
  return format === 'rss'
    ? `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>T</title><link>https://example.com/</link><description>D</description>${items}</channel></rss>\n`
    : `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>https://example.com/</id><title>T</title><updated>2024-01-01T00:00:00Z</updated><author><name>A</name></author>${items}</feed>\n`
}

const verbose = process.argv.includes('-v')
for (const format of ['rss', 'atom'] as const) {
  const readers = READERS.filter((r) => r.formats.includes(format) && r.missing() === undefined)
  console.log(`\n${format === 'rss' ? 'RSS 2.0' : 'Atom 1.0'}: titles shown as written, of ${READER_TEXTS.length}`)
  console.log(`| Encoding | ${readers.map((r) => r.name).join(' | ')} |`)
  console.log(`| --- | ${readers.map(() => '---').join(' | ')} |`)
  for (const [name, title] of Object.entries(CANDIDATES[format])) {
    const document = feed(format, title)
    const wrong: string[] = []
    const counts = readers.map((reader) => {
      const shown = reader.read(document)
      return READER_TEXTS.filter(({ text }, i) => {
        const got = shown.items.find((item) => item.link === link(i))?.title
        if (got !== text) wrong.push(`  ${reader.name}: ${JSON.stringify(text)} → ${JSON.stringify(got)}`)
        return got === text
      }).length
    })
    console.log(`| ${name} | ${counts.join(' | ')} |`)
    if (verbose) console.log(wrong.join('\n'))
  }
}
