import { describe, expect, it } from 'vitest'
import { ContentErrors } from '../../src/build/content-error.ts'
import { articleText, files, loadArticles } from '../fixtures/articles.ts'

/** Loads the files and returns the error messages, or fails if loading succeeds. */
async function problems(input: Record<string, string | Uint8Array>): Promise<string[]> {
  try {
    await loadArticles(files(input))
  } catch (error) {
    expect(error).toBeInstanceOf(ContentErrors)
    return (error as ContentErrors).errors.map((e) => e.message)
  }
  throw new Error('expected loadArticles to fail')
}

describe('loadArticles: good input', () => {
  it('sorts newest first and keeps a stable order for equal dates', async () => {
    const list = await loadArticles(
      files({
        'old.txt': articleText('Old', 'x', { published: '2020-01-01' }),
        'b.txt': articleText('Beta', 'x', { published: '2024-01-01' }),
        'a.txt': articleText('Alpha', 'x', { published: '2024-01-01' }),
      }),
    )
    expect(list.map((a) => a.slug)).toEqual(['alpha', 'beta', 'old'])
  })

  it('accepts CRLF, CR and a UTF-8 BOM as if they were LF', async () => {
    const lf = articleText('Line endings', 'one\ntwo\n\nthree')
    const [a] = await loadArticles(files({ 'x.txt': lf }))
    const [b] = await loadArticles(files({ 'x.txt': `\ufeff${lf.replace(/\n/g, '\r\n')}` }))
    const [c] = await loadArticles(files({ 'x.txt': lf.replace(/\n/g, '\r') }))
    expect(b).toEqual(a)
    expect(c).toEqual(a)
    expect(a?.paragraphs).toEqual(['one two', 'three'])
  })

  it('derives ids from the file name only, so they survive a new title or slug', async () => {
    const [a] = await loadArticles(files({ 'post-1.txt': articleText('A title', 'x') }))
    const [b] = await loadArticles(files({ 'post-1.txt': articleText('Another title', 'y', { slug: 'other' }) }))
    expect(a?.id).toBe(b?.id)
    const [c] = await loadArticles(files({ 'post-2.txt': articleText('A title', 'x') }))
    expect(c?.id).not.toBe(a?.id)
  })

  it('reads every metadata key', async () => {
    const [a] = await loadArticles(
      files({
        'm.txt': articleText('Meta', 'Body text.', {
          slug: 'custom-slug',
          id: 'tag:example.com,2024:m',
          published: '2024-05-01T11:30:00+02:00',
          updated: '2024-05-02',
          author: 'Ada Lovelace <ada@example.com>\nauthor: Grace Hopper',
          tags: 'x, y, x',
          language: 'pt-BR',
          summary: 'A custom summary.',
        }),
      }),
    )
    expect(a).toMatchObject({
      slug: 'custom-slug',
      id: 'tag:example.com,2024:m',
      published: '2024-05-01T09:30:00.000Z',
      updated: '2024-05-02T00:00:00.000Z',
      authors: [{ name: 'Ada Lovelace', email: 'ada@example.com' }, { name: 'Grace Hopper' }],
      tags: ['x', 'y'],
      language: 'pt-BR',
      summary: 'A custom summary.',
    })
  })

  it('summarises a long first paragraph at a word boundary', async () => {
    const long = 'word '.repeat(200).trim()
    const [a] = await loadArticles(files({ 'l.txt': articleText('Long', long) }))
    expect(a?.summary.length).toBeLessThanOrEqual(280)
    expect(a?.summary).toMatch(/word…$/)
  })

  it('escapes the body for HTML', async () => {
    const [a] = await loadArticles(files({ 'h.txt': articleText('Tags', '<b>bold</b> & "q"') }))
    expect(a?.contentHtml).toBe('<p>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;q&quot;</p>')
    expect(a?.contentText).toBe('<b>bold</b> & "q"')
  })

  it('ignores dotfiles such as .DS_Store', async () => {
    const list = await loadArticles(files({ 'a.txt': articleText('A', 'x'), '.DS_Store': new Uint8Array([0, 1, 2]) }))
    expect(list).toHaveLength(1)
  })
})

describe('loadArticles: bad input names the file and line and says how to fix it', () => {
  it.each([
    ['an empty file', { 'e.txt': '' }, 'seeds/e.txt:1: the article is empty'],
    ['a whitespace-only file', { 'w.txt': '  \n\n \t\n' }, 'seeds/w.txt:4: the article is empty'],
    ['a title with no letters', { 't.txt': articleText('---!!!', 'x') }, 'seeds/t.txt:4: the first line has no title'],
    [
      'a title without text',
      { 'n.txt': '---\npublished: 2024-01-01\n---\nOnly a title\n' },
      'seeds/n.txt:4: "Only a title" has a title but no text',
    ],
    [
      'a NUL byte',
      { 'b.txt': new Uint8Array([0x41, 0x0a, 0x42, 0x00, 0x43]) },
      'seeds/b.txt:2: the file holds a NUL byte',
    ],
    [
      'invalid UTF-8',
      { 'u.txt': new Uint8Array([0x41, 0x0a, 0x0a, 0x42, 0xc3, 0x28]) },
      'seeds/u.txt:3: the file is not valid UTF-8',
    ],
    ['UTF-16 with a BOM', { 'x.txt': new Uint8Array([0xff, 0xfe, 0x41, 0x00]) }, 'seeds/x.txt:1: the file is UTF-16'],
    ['no date', { 'd.txt': 'Title\n\nBody\n' }, 'seeds/d.txt:1: the article has no `published`'],
    [
      'a bad date',
      { 'd.txt': articleText('T', 'x', { published: '2024-02-30' }) },
      'seeds/d.txt:2: published "2024-02-30" is not a date',
    ],
    [
      'an unknown key',
      { 'k.txt': articleText('T', 'x', { colour: 'red' }) },
      'seeds/k.txt:3: unknown metadata key "colour"',
    ],
    [
      'a bad slug',
      { 's.txt': articleText('T', 'x', { slug: 'Not A Slug' }) },
      'seeds/s.txt:3: slug "Not A Slug" is not lowercase words',
    ],
    [
      'a bad language',
      { 'l.txt': articleText('T', 'x', { language: 'english!' }) },
      'seeds/l.txt:3: language "english!" is not a BCP 47',
    ],
    [
      'a bad author',
      { 'a.txt': articleText('T', 'x', { author: 'Ada <not an email>' }) },
      'seeds/a.txt:3: author "Ada <not an email>"',
    ],
    [
      'an updated date before published',
      { 'o.txt': articleText('T', 'x', { updated: '2000-01-01' }) },
      'seeds/o.txt:1: updated (2000-01-01T00:00:00.000Z) is before published',
    ],
    [
      'unclosed front matter',
      { 'f.txt': '---\npublished: 2024-01-01\nTitle\n' },
      'seeds/f.txt:1: the front matter opened here is never closed',
    ],
    [
      'a key set twice',
      { 'r.txt': articleText('T', 'x', { tags: 'a\ntags: b' }) },
      'seeds/r.txt:4: "tags" is set twice',
    ],
    ['an unsupported file', { 'notes.html': '<h1>hi</h1>' }, 'seeds/notes.html:1: unsupported file type'],
    [
      'metadata without an article',
      { 'a.txt': articleText('A', 'x'), 'z.meta': 'published: 2024-01-01' },
      'seeds/z.meta:1: no article seeds/z.txt',
    ],
    [
      'metadata in two places',
      { 'a.txt': articleText('A', 'x'), 'a.meta': 'tags: x' },
      'seeds/a.meta:1: seeds/a.txt has front matter too',
    ],
    ['no articles at all', {}, 'seeds/:1: there are no articles'],
    [
      'a tag without a letter or digit',
      { 't.txt': articleText('T', 'x', { tags: 'fine, !?' }) },
      'seeds/t.txt:3: tag "!?" has no letter or digit',
    ],
    [
      'two tags of one line that share an address',
      { 't.txt': articleText('T', 'x', { tags: 'Rust, rust' }) },
      'seeds/t.txt:3: tag "rust" and another tag of this line share the address /tags/rust',
    ],
  ])('rejects %s', async (_name, input, expected) => {
    const messages = await problems(input as Record<string, string | Uint8Array>)
    expect(messages).toContainEqual(expect.stringContaining(expected))
    for (const message of messages) expect(message).toMatch(/^seeds\/[^:]*:\d+: .+\. \S.*$/s) // a fix follows the problem
  })

  it('reports every problem of one file, each on its own line, not only the first', async () => {
    const messages = await problems({
      'm.txt': '---\npublished: 2024-13-01\ncolour: red\ntags: a,,b\n---\nA title only\n',
    })
    expect(messages.map((m) => m.slice(0, m.indexOf(': ', 'seeds/m.txt:'.length) + 2))).toEqual([
      'seeds/m.txt:2: ',
      'seeds/m.txt:3: ',
      'seeds/m.txt:4: ',
      'seeds/m.txt:6: ',
    ])
    expect(messages[0]).toContain('published "2024-13-01" is not a date')
    expect(messages[1]).toContain('unknown metadata key "colour"')
    expect(messages[2]).toContain('has an empty tag')
    expect(messages[3]).toContain('has a title but no text')
  })

  it('rejects two articles with the same slug, naming both files', async () => {
    const messages = await problems({
      'a.txt': articleText('Same title', 'x'),
      'b.txt': articleText('Same Title!', 'y'),
    })
    expect(messages).toEqual([expect.stringContaining('seeds/b.txt:1: slug "same-title" is also used by seeds/a.txt')])
  })

  it('rejects a tag spelled another way in another file (one URL, two names), pointing at its tags line', async () => {
    const messages = await problems({
      'a.txt': articleText('A', 'x', { tags: 'Web Standards' }),
      'b.txt': articleText('B', 'y', { published: '2024-01-02', tags: 'Other, web-standards' }),
      'c.txt': 'Title\n\nText.\n',
      'c.meta': 'published: 2024-01-03\n\ntags: WEB STANDARDS\n',
      'd.txt': articleText('D', 'z', { tags: 'Web Standards' }),
    })
    expect(messages).toEqual([
      expect.stringContaining(
        'seeds/b.txt:3: tag "web-standards" and tag "Web Standards" of seeds/a.txt share the address /tags/web-standards',
      ),
      expect.stringContaining('seeds/c.meta:3: tag "WEB STANDARDS" and tag "Web Standards" of seeds/a.txt'),
    ])
  })

  it('reports every bad file at once, and never returns a partial list', async () => {
    const messages = await problems({
      'good.txt': articleText('Good', 'x'),
      'bad1.txt': '',
      'bad2.txt': 'No date\n\ntext',
    })
    expect([...new Set(messages.map((m) => m.split(':')[0]))]).toEqual(['seeds/bad1.txt', 'seeds/bad2.txt'])
  })
})
