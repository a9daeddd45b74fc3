// The seed corpus: every kind of bad (or odd) article file, run through the real build script.
// Text cases live in tests/fixtures/seed-corpus/; binary ones are made here.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadArticles } from '../fixtures/articles.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const CORPUS = join(ROOT, 'tests/fixtures/seed-corpus')
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const utf16 = (bom: number[], text: string, le: boolean) => {
  const bytes = [...bom]
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    bytes.push(...(le ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]))
  }
  return Buffer.from(bytes)
}
const BINARY: Record<string, Buffer> = {
  'nul.txt': Buffer.from('---\npublished: 2024-01-01\n---\nTitle\n\nA NUL \u0000 here.\n'),
  'invalid-utf8.txt': Buffer.concat([
    Buffer.from('---\npublished: 2024-01-01\n---\nTitle\n\nLatin-1: caf'),
    Buffer.from([0xe9]),
    Buffer.from('.\n'),
  ]),
  'utf16le-bom.txt': utf16([0xff, 0xfe], 'Title\n\nText.\n', true),
  'utf16be-bom.txt': utf16([0xfe, 0xff], 'Title\n\nText.\n', false),
  'five-megabytes.txt': Buffer.from(
    `---\npublished: 2024-01-01\n---\nHuge\n\n${'All work and no play. '.repeat(240_000)}\n`,
  ),
}

/** Runs `node scripts/build-content.ts` on a folder holding `names` (from the corpus) and `binary`. */
function build(names: string[], binary: Record<string, Buffer> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'))
  dirs.push(dir)
  for (const name of names) copyFileSync(join(CORPUS, name), join(dir, name))
  for (const [name, bytes] of Object.entries(binary)) writeFileSync(join(dir, name), bytes)
  const out = join(dir, 'out')
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build-content.ts'), dir, out], { encoding: 'utf8' })
  return { status: run.status, stderr: run.stderr, stdout: run.stdout, out, written: existsSync(out) }
}

/** Bad files and the error each must produce: `name:line: problem`. */
const REFUSED: [string, string][] = [
  ['empty.txt', 'empty.txt:1: the article is empty'],
  ['whitespace-only.txt', 'whitespace-only.txt:4: the article is empty'],
  ['no-title.txt', 'no-title.txt:4: the first line has no title'],
  ['title-without-text.txt', 'title-without-text.txt:4: "Only a title" has a title but no text'],
  ['no-date.txt', 'no-date.txt:1: the article has no `published`'],
  ['bad-date.txt', 'bad-date.txt:2: published "2024-13-01" is not a date'],
  [
    'updated-before-published.txt',
    'updated-before-published.txt:1: updated (2023-01-01T00:00:00.000Z) is before published',
  ],
  ['bad-slug.txt', 'bad-slug.txt:3: slug "Not OK" is not lowercase words joined by hyphens'],
  ['bad-id.txt', 'bad-id.txt:3: id "not-a-uri" is not an absolute URI'],
  ['bad-author.txt', 'bad-author.txt:3: author "Ada <ada-at-example>" is not'],
  ['bad-tags.txt', 'bad-tags.txt:3: tags "a,,b" has an empty tag'],
  ['bad-language.txt', 'bad-language.txt:3: language "english" is not a BCP 47 language tag'],
  ['empty-summary.txt', 'empty-summary.txt:3: "summary" has no value'],
  ['unknown-key.txt', 'unknown-key.txt:3: unknown metadata key "colour"'],
  ['unclosed-front-matter.txt', 'unclosed-front-matter.txt:1: the front matter opened here is never closed'],
  ['duplicate-slug-b.txt', 'duplicate-slug-b.txt:1: slug "same-title" is also used by'],
  ['orphan.meta', 'orphan.meta:1: no article'],
  ['nul.txt', 'nul.txt:6: the file holds a NUL byte'],
  ['invalid-utf8.txt', 'invalid-utf8.txt:6: the file is not valid UTF-8'],
  ['utf16le-bom.txt', 'utf16le-bom.txt:1: the file is UTF-16'],
  ['utf16be-bom.txt', 'utf16be-bom.txt:1: the file is UTF-16'],
  ['five-megabytes.txt', 'five-megabytes.txt:1: the file is 5.0 MiB; the limit is 1 MiB'],
]

describe('the seed corpus through the build script', () => {
  it('covers every file of the corpus', () => {
    const covered = new Set([
      ...REFUSED.map(([name]) => name),
      'duplicate-slug-a.txt',
      'crlf.txt',
      'cr.txt',
      'utf8-bom.txt',
    ])
    for (const name of readdirSync(CORPUS)) expect(covered, name).toContain(name)
  })

  it('refuses every bad file at once, each with file, line and fix, and writes nothing', () => {
    const bad = REFUSED.map(([name]) => name).filter((n) => !(n in BINARY))
    const result = build([...bad, 'duplicate-slug-a.txt'], BINARY)
    expect(result.status).toBe(1)
    expect(result.written).toBe(false)
    // A file may have several problems (an empty file has no date either): all are listed and counted.
    const lines = result.stderr.split('\n').slice(1).filter(Boolean)
    expect(lines.length).toBeGreaterThanOrEqual(REFUSED.length)
    expect(result.stderr).toContain(`${lines.length} problems in seeds/:`)
    for (const [, message] of REFUSED) expect(result.stderr, message).toContain(message)
    // Every problem line says how to fix it after the problem.
    for (const line of result.stderr.split('\n').slice(1).filter(Boolean)) expect(line).toMatch(/:\d+: .+\. \S.+/)
  })

  it.each(['crlf.txt', 'cr.txt', 'utf8-bom.txt'])('accepts and normalises %s', async (name) => {
    const result = build([name])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.written).toBe(true)
    const [article] = await loadArticles([{ name, bytes: readFileSync(join(CORPUS, name)) }])
    expect(article!.title).not.toMatch(/[\r\ufeff]/)
    if (name !== 'utf8-bom.txt') expect(article!.paragraphs).toEqual(['First line wrapped.', 'Second.'])
    const [stored] = JSON.parse(readFileSync(join(result.out, '_content/articles/0.json'), 'utf8')) as {
      title: string
      paragraphs: string[]
    }[]
    expect(stored!.title).toBe(article!.title)
    expect(stored!.paragraphs).toEqual(article!.paragraphs)
  })
})
