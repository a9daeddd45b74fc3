import { describe, expect, it } from 'vitest'
import { ContentErrors } from '../../src/build/content-error.ts'
import { loadContent } from '../../src/build/load-content.ts'
import { isSafeUrl } from '../../src/build/markdown.ts'
import type { SourceFile } from '../../src/build/seed-files.ts'
import { FAVICON_PNG, ICON_PNG } from '../../src/pages/icons.ts'
import { articleText, files, loadArticles } from '../fixtures/articles.ts'
import { HOSTILE_MARKDOWN, hostileMarkdown } from '../fixtures/hostile-markdown.ts'
import { TINY_IMAGES } from '../fixtures/tiny-images.ts'
import { findElements } from '../helpers/html.ts'
import { allElements, markupProblems } from '../helpers/html-elements.ts'
import { decodeHtml } from '../helpers/reader-text.ts'

const png = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
const PNG_512 = png(ICON_PNG)
const PNG_64 = png(FAVICON_PNG)

async function markdown(text: string, extra: SourceFile[] = []) {
  const { articles, media } = await loadContent([...files({ 'a.md': text }), ...extra])
  return { article: articles[0]!, media }
}

/** The messages of a load that must fail. */
async function problems(input: SourceFile[]): Promise<string[]> {
  try {
    await loadContent(input)
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => e.message)
    throw error
  }
  throw new Error('expected loadContent to fail')
}

describe('Markdown articles', () => {
  it('render CommonMark with GFM tables, strikethrough and autolinks', async () => {
    const { article } = await markdown(
      articleText(
        '# Title',
        [
          'Some *em*, **strong**, ~~gone~~, `code`, [a link](https://example.com/a?b=1&c=2) and https://example.org.',
          '',
          '## Part one',
          '',
          '- one',
          '- two',
          '',
          '1. first',
          '',
          '> quoted',
          '',
          '| a | b |',
          '| - | - |',
          '| 1 | 2 |',
        ].join('\n'),
      ),
    )
    const html = article.contentHtml
    const tags = (await allElements(html)).map((e) => e.tag)
    for (const tag of ['em', 'strong', 's', 'code', 'a', 'h2', 'ul', 'ol', 'li', 'blockquote', 'table', 'th', 'td'])
      expect(tags, tag).toContain(tag)
    const hrefs = (await findElements(html, 'a')).map((a) => decodeHtml(a.attributes.href ?? ''))
    expect(hrefs).toEqual(['https://example.com/a?b=1&c=2', 'https://example.org'])
    expect(article.title).toBe('Title')
    expect(article.contentText).toContain('a | b\n\n1 | 2')
  })

  it('take the title from title:, else a first # heading (ATX or setext), else the first line', async () => {
    expect((await markdown(articleText('# The *heading*', 'Text.'))).article.title).toBe('The heading')
    expect((await markdown(articleText('Setext title\n===', 'Text.'))).article.title).toBe('Setext title')
    expect((await markdown(articleText('A **plain** first line', 'Text.'))).article.title).toBe('A plain first line')
    const given = await markdown(articleText('# Not the title', 'Text.', { title: 'Given' }))
    expect(given.article.title).toBe('Given')
    expect((await findElements(given.article.contentHtml, 'h1'))[0]?.text).toBe('Not the title')
    expect((await markdown(articleText('## A second-level heading', 'Text.'))).article.title).toBe(
      'A second-level heading',
    )
    expect((await markdown(articleText('Dashed setext\n---', 'Text.'))).article.title).toBe('Dashed setext')
    const long = await markdown(articleText('Title words\nmore words\n---', 'Text.'))
    expect(long.article.title).toBe('Title words more words')
    expect(await findElements(long.article.contentHtml, 'h2')).toEqual([])
    // The title's heading is not repeated in the body.
    expect(await findElements((await markdown(articleText('# Once', 'Text.'))).article.contentHtml, 'h1')).toEqual([])
  })

  it('refuse a start that cannot be a title (an image, a list, code, a table), rather than lose it', async () => {
    const messages = await problems(
      files({
        'a.md': articleText('![cover](images/none.png)', 'Text.'),
        'b.md': articleText('- an item', 'Text.'),
        'c.md': articleText('    code', 'Text.'),
        'd.md': articleText('| a | b |\n| - | - |\n| 1 | 2 |', 'Text.'),
        'e.md': articleText('# ![logo](images/none.png) Post', 'Text.'),
      }),
    )
    const refused = (f: string) =>
      expect.stringMatching(new RegExp(`^seeds/${f}\\.md:4: the first line is not a title .*Start the article with`))
    // The refused line stays in the body, so its image is checked too: nothing is lost.
    const missing = (f: string) =>
      expect.stringMatching(new RegExp(`^seeds/${f}\\.md:4: image "images/none.png" is not`))
    expect(messages).toEqual([
      refused('a'),
      missing('a'),
      refused('b'),
      refused('c'),
      refused('d'),
      refused('e'),
      missing('e'),
    ])
  })

  it('give headings stable, unique anchors', async () => {
    const { article } = await markdown(
      articleText('# T', '## Setup\n\ntext\n\n## Setup\n\n## Setup 2\n\n## Ça & Co\n\n## !!!'),
    )
    expect((await findElements(article.contentHtml, 'h2')).map((h) => h.attributes.id)).toEqual([
      'setup',
      'setup-2',
      'setup-2-2',
      'ça-and-co',
      'section',
    ])
  })

  it('keep code exactly: white space, <, &, ]]>', async () => {
    const code = '  if (a < b && c > d) {\n\treturn "]]>" // &amp; stays\n  }'
    const { article } = await markdown(articleText('# T', `Text.\n\n\`\`\`js\n${code}\n\`\`\``))
    const [block] = await findElements(article.contentHtml, 'pre code')
    expect(decodeHtml(block?.text ?? '')).toBe(`${code}\n`)
    expect(article.contentText).toContain(code)
  })

  it('publish local images under names made from their bytes, with their size, the first one the article image', async () => {
    const { article, media } = await markdown(
      articleText('# T', 'Text.\n\n![Small](images/small.png)\n\n![Big](./images/big.png)'),
      [
        { name: 'images/small.png', bytes: PNG_64 },
        { name: 'images/big.png', bytes: PNG_512 },
        { name: 'images/unused.png', bytes: PNG_512 },
      ],
    )
    const images = await findElements(article.contentHtml, 'img')
    expect(images.map((i) => [i.attributes.src, i.attributes.width, i.attributes.height, i.attributes.alt])).toEqual([
      [expect.stringMatching(/^\.\.\/media\/[0-9a-f]{16}\.png$/), '64', '64', 'Small'],
      [expect.stringMatching(/^\.\.\/media\/[0-9a-f]{16}\.png$/), '512', '512', 'Big'],
    ])
    // Two files used, one published per distinct content; the unused copy of big.png is the same bytes.
    expect([...media.keys()].sort()).toEqual(images.map((i) => (i.attributes.src as string).slice(3)).sort())
    expect(media.get(String(images[1]?.attributes.src).slice(3))).toEqual(PNG_512)
    expect(article.image).toEqual({
      url: images[0]?.attributes.src,
      type: 'image/png',
      length: PNG_64.length,
      width: 64,
      height: 64,
    })
  })

  it('take image: as the article image, a file of seeds/ or a web URL, for .txt articles too', async () => {
    const [local] = await loadArticles([
      ...files({ 'a.txt': articleText('T', 'x', { image: 'images/big.png' }) }),
      { name: 'images/big.png', bytes: PNG_512 },
    ])
    expect(local?.image).toMatchObject({ type: 'image/png', length: PNG_512.length, width: 512, height: 512 })
    expect(local?.format).toBe('text')
    const { article } = await markdown(articleText('# T', 'Text.', { image: 'https://cdn.example.com/a.jpg' }))
    expect(article.image).toEqual({ url: 'https://cdn.example.com/a.jpg' })
  })

  it('publish every format with its type, .jpeg as .jpg, and refuse bytes of another format', async () => {
    const names = ['a.png', 'b.jpg', 'c.jpeg', 'd.gif', 'e.webp', 'f.avif']
    const source = (name: string) => TINY_IMAGES[(name.split('.')[1] === 'jpeg' ? 'jpg' : name.split('.')[1]) as 'png']
    const { article, media } = await markdown(
      articleText('# T', names.map((n) => `![${n}](images/${n})`).join('\n\n')),
      names.map((n) => ({ name: `images/${n}`, bytes: source(n) })),
    )
    const images = await findElements(article.contentHtml, 'img')
    const extensions = images.map((i) => /\.([a-z]+)$/.exec(i.attributes.src ?? '')?.[1])
    expect(extensions).toEqual(['png', 'jpg', 'jpg', 'gif', 'webp', 'avif'])
    expect(images.map((i) => [i.attributes.width, i.attributes.height])).toEqual(names.map(() => ['8', '6']))
    // b.jpg and c.jpeg are the same bytes: one file.
    expect(media.size).toBe(5)
    const messages = await problems([
      ...files({ 'a.md': articleText('# T', 'Text.\n\n![x](images/webp.png)') }),
      { name: 'images/webp.png', bytes: TINY_IMAGES.webp },
    ])
    expect(messages).toEqual([
      expect.stringMatching(
        /^seeds\/a\.md:8: image "images\/webp\.png" cannot be used: the file is named \.png but holds webp\. Rename it to the extension of its type \(\.webp\)/,
      ),
    ])
  })

  it('refuse http: images, which https pages would block, with file and line', async () => {
    const messages = await problems(
      files({
        'a.md': articleText('# T', 'Text.\n\n![x](http://example.com/a.png)'),
        'b.md': articleText('# T', 'Text.', { image: 'http://example.com/b.png' }),
      }),
    )
    expect(messages).toEqual([
      expect.stringMatching(/^seeds\/a\.md:8: image "http:\/\/example\.com\/a\.png" is http:.*Use its https: URL/),
      expect.stringMatching(/^seeds\/b\.md:3: image "http:\/\/example\.com\/b\.png" is http:/),
    ])
  })

  it('refuse a missing image, one outside seeds/ and a file that is not what its name says, with file and line', async () => {
    const messages = await problems([
      ...files({
        'a.md': articleText('# T', 'Text.\n\n![x](images/missing.png)\n\n![y](../secret.png)\n\n![z](//cdn/z.png)'),
        'b.txt': articleText('B', 'x', { image: 'images/nope.jpg' }),
        'c.txt': articleText('C', 'x', { image: 'images/fake.png' }),
      }),
      { name: 'images/fake.png', bytes: new TextEncoder().encode('not a png') },
    ])
    expect(messages).toEqual([
      expect.stringMatching(/^seeds\/a\.md:8: image "images\/missing\.png" is not in seeds\//),
      expect.stringMatching(/^seeds\/a\.md:10: image "\.\.\/secret\.png" is outside seeds\//),
      expect.stringMatching(
        /^seeds\/a\.md:12: image "\/\/cdn\/z\.png" names another host without a scheme\. Write it with https: \(https:\/\/cdn\/z\.png\)/,
      ),
      expect.stringMatching(/^seeds\/b\.txt:3: image "images\/nope\.jpg" is not in seeds\//),
      expect.stringMatching(/^seeds\/c\.txt:3: image "images\/fake\.png" cannot be used: the file is not an image/),
    ])
    // A path outside ASCII is quoted as written, at its own line.
    expect(await problems(files({ 'c.md': articleText('# T', 'Text.\n\nMore.\n![x](images/café.png)') }))).toEqual([
      expect.stringMatching(/^seeds\/c\.md:9: image "images\/café\.png" is not in seeds\//),
    ])
  })

  it('refuse two articles of one name, and ignore what subfolders hold besides used images, as before', async () => {
    const messages = await problems([...files({ 'a.txt': articleText('A', 'x'), 'a.md': articleText('# A', 'x') })])
    expect(messages).toEqual([expect.stringContaining('seeds/a.txt:1: seeds/a.md has the same name')])
    const { articles } = await loadContent(
      files({
        'a.md': articleText('# A', 'x'),
        'images/notes.md': '# no',
        'drafts/wip.txt': '',
        // An image no article uses is not checked: a draft's may be anything.
        'drafts/broken.png': 'not a png',
      }),
    )
    expect(articles.map((a) => a.source)).toEqual(['seeds/a.md'])
  })

  it('write table alignment as a class, since the pages forbid style attributes', async () => {
    const { article } = await markdown(articleText('# T', '| a | b | c |\n| :-- | :-: | --: |\n| 1 | 2 | 3 |'))
    const cells = await findElements(article.contentHtml, 'td')
    expect(cells.map((c) => c.attributes)).toEqual([
      { class: 'align-left' },
      { class: 'align-center' },
      { class: 'align-right' },
    ])
    expect(markupProblems(await allElements(article.contentHtml))).toEqual([])
  })
})

describe('URLs that may become live', () => {
  it.each([
    ['https://example.com', true],
    ['http://x', true],
    ['mailto:a@example.com', true],
    ['../media/x.png', true],
    ['#section', true],
    ['?q=1', true],
    ['/about', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['jav%09ascript:alert(1)', false],
    ['vbscript:x', false],
    ['data:text/html,x', false],
    ['file:///etc/passwd', false],
    // Relative, but no URL parser can resolve it: the feeds could not make it absolute.
    ['//', false],
    ['//a%20b', false],
  ])('%s: %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe)
  })
})

describe('hostile Markdown', () => {
  it(`stays inert in every one of ${HOSTILE_MARKDOWN.length} vectors: no raw HTML, no handler, no script URL`, async () => {
    const { articles } = await hostileMarkdown()
    expect(articles).toHaveLength(HOSTILE_MARKDOWN.length)
    for (const article of articles) {
      expect(markupProblems(await allElements(article.contentHtml)), article.source).toEqual([])
      // The text is still there, shown as text.
      expect(article.contentText, article.source).toContain('Before.')
    }
  })
})
