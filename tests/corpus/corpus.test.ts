import { describe, expect, it } from 'vitest'
import { packCorpus } from '../../src/build/pack.ts'
import { bucketCount, CHUNK_SIZE, LAYOUT_VERSION, MANIFEST_PATH, type Manifest } from '../../src/content/layout.ts'
import { Corpus } from '../../src/corpus/corpus.ts'
import { Schedule } from '../../src/corpus/schedule.ts'
import type { TagEntry } from '../../src/model/site.ts'
import { articleText, files, loadArticles } from '../fixtures/articles.ts'
import { memoryFiles } from '../helpers/memory-files.ts'

const COUNT = 2 * CHUNK_SIZE + 7
const texts: Record<string, string> = {}
for (let i = 0; i < COUNT; i++)
  texts[`${i}.txt`] = articleText(`Story ${i}`, `Text ${i}.`, {
    published: new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString(),
    tags: `t${i % 3}`,
  })
const articles = await loadArticles(files(texts))
const packed = packCorpus(articles)
const content = memoryFiles(packed)
const SITE = { author: { name: 'The Site', email: 'site@example.com' }, language: 'fr' }

describe('packCorpus', () => {
  it('writes a manifest, one chunk per CHUNK_SIZE articles and the slug buckets', () => {
    const manifest = JSON.parse(packed.get(MANIFEST_PATH) as string) as Manifest
    expect(manifest).toMatchObject({
      layout: LAYOUT_VERSION,
      count: COUNT,
      chunkSize: CHUNK_SIZE,
      buckets: bucketCount(COUNT),
      updated: articles[0]!.updated,
    })
    expect([...packed.keys()].filter((p) => p.startsWith('articles/')).sort()).toEqual([
      'articles/0.json',
      'articles/1.json',
      'articles/2.json',
    ])
    expect(Number.isInteger(Math.log2(manifest.buckets))).toBe(true)
  })

  it('files chunks from the oldest article, so full chunks keep their bytes when newer articles are added', async () => {
    // Chunk 0 holds the 32 oldest, oldest first; the newest chunk is the partial one.
    const oldest = JSON.parse(packed.get('articles/0.json') as string) as { slug: string }[]
    expect(oldest.map((a) => a.slug)).toEqual(
      articles
        .slice(-CHUNK_SIZE)
        .reverse()
        .map((a) => a.slug),
    )
    expect(JSON.parse(packed.get('articles/2.json') as string)).toHaveLength(COUNT - 2 * CHUNK_SIZE)
    const newer = { ...texts }
    for (let i = COUNT; i < COUNT + 40; i++)
      newer[`${i}.txt`] = articleText(`Story ${i}`, `Text ${i}.`, {
        published: new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString(),
        tags: `t${i % 3}`,
      })
    const grown = packCorpus(await loadArticles(files(newer)))
    for (const path of ['articles/0.json', 'articles/1.json']) expect(grown.get(path), path).toBe(packed.get(path))
    expect(grown.get('articles/2.json')).not.toBe(packed.get('articles/2.json'))
  })

  it('files each tag: its articles in chunks, its entry in a bucket, and every tag in the list by key', () => {
    const manifest = JSON.parse(packed.get(MANIFEST_PATH) as string) as Manifest
    expect(manifest.tags).toEqual({ count: 3, buckets: 1 })
    const bucket = JSON.parse(packed.get('tags/0.json') as string) as Record<string, TagEntry>
    // Ids follow first use from the oldest article: Story 0 has t0.
    expect(bucket.t0).toEqual({
      tag: 't0',
      key: 't0',
      id: 0,
      count: 24,
      updated: articles.find((a) => a.tags.includes('t0'))!.updated,
    })
    expect(JSON.parse(packed.get('tag-list/1.json') as string).map((t: TagEntry) => t.key)).toEqual(['t0', 't1', 't2'])
    const t1 = JSON.parse(packed.get('tag/1/0.json') as string) as { slug: string }[]
    expect(t1.map((a) => a.slug)).toEqual(
      articles
        .filter((a) => a.tags.includes('t1'))
        .reverse()
        .slice(0, CHUNK_SIZE)
        .map((a) => a.slug),
    )
  })

  it('stores each article once, without the forms derived from its paragraphs', () => {
    const stored = JSON.parse(packed.get('articles/0.json') as string) as Record<string, unknown>[]
    expect(stored).toHaveLength(CHUNK_SIZE)
    expect(stored[0]).not.toHaveProperty('contentHtml')
    expect(stored[0]).not.toHaveProperty('contentText')
  })

  it('changes the fingerprint when any article changes, and only then', async () => {
    const same = JSON.parse(packCorpus(await loadArticles(files(texts))).get(MANIFEST_PATH) as string) as Manifest
    const changed = JSON.parse(
      packCorpus(
        await loadArticles(
          files({
            ...texts,
            '3.txt': articleText('Story 3, retitled', 'Text 3.', { published: '2021-01-01T00:03:00Z' }),
          }),
        ),
      ).get(MANIFEST_PATH) as string,
    ) as Manifest
    const manifest = JSON.parse(packed.get(MANIFEST_PATH) as string) as Manifest
    expect(same.fingerprint).toBe(manifest.fingerprint)
    expect(changed.fingerprint).not.toBe(manifest.fingerprint)
  })
})

describe('Corpus', () => {
  it('reads back every article in feed order, across chunk boundaries', async () => {
    const corpus = await Corpus.open(content)
    expect((await corpus.range(content, 0, COUNT, SITE)).map((a) => a.id)).toEqual(articles.map((a) => a.id))
    expect((await corpus.range(content, CHUNK_SIZE - 3, CHUNK_SIZE + 30, SITE)).map((a) => a.slug)).toEqual(
      articles.slice(CHUNK_SIZE - 3, CHUNK_SIZE + 30).map((a) => a.slug),
    )
    expect(await corpus.range(content, COUNT, COUNT + 10, SITE)).toEqual([])
    expect(await corpus.range(content, -5, 2, SITE)).toHaveLength(2)
  })

  it('rebuilds the same article the pipeline made, HTML and text included', async () => {
    const corpus = await Corpus.open(content)
    const [first] = await corpus.range(content, 0, 1, SITE)
    // The site's author and language fill in what the file does not say (the next test).
    expect({ ...first }).toEqual({ ...articles[0], authors: [SITE.author], language: SITE.language })
  })

  it("serves an article as the site does: the site's author and language where the file has none", async () => {
    const own = await loadArticles(
      files({
        'a.txt': articleText('Credited', 'x', { author: 'Ada Lovelace <ada@example.com>', language: 'pt-BR' }),
        'b.txt': articleText('Uncredited', 'y', { published: '2024-01-02' }),
      }),
    )
    const packed = memoryFiles(packCorpus(own))
    const corpus = await Corpus.open(packed)
    const [credited, uncredited] = await corpus.range(packed, 0, 2, SITE)
    expect([uncredited?.authors, uncredited?.language]).toEqual([
      [{ name: 'The Site', email: 'site@example.com' }],
      'fr',
    ])
    expect([credited?.authors, credited?.language]).toEqual([
      [{ name: 'Ada Lovelace', email: 'ada@example.com' }],
      'pt-BR',
    ])
    // Stored as written: another site with other settings reads its own author from the same file.
    const other = { author: { name: 'Another Site' }, language: 'de' }
    expect((await corpus.range(packed, 1, 2, other))[0]?.authors).toEqual([other.author])
  })

  it('finds every article by its slug, and nothing else', async () => {
    const corpus = new Schedule(await Corpus.open(content)).at(Date.now())
    for (const [position, article] of articles.entries()) {
      const found = await corpus.bySlug(content, article.slug, SITE)
      expect(found?.position).toBe(position)
      expect(found?.article.id).toBe(article.id)
    }
    for (const slug of ['nope', '', 'constructor', '__proto__', 'toString', 'story-1-'])
      expect(await corpus.bySlug(content, slug, SITE), slug).toBeUndefined()
  })

  it('says how to fix content that was never built or was built by another version', async () => {
    await expect(Corpus.open(memoryFiles(new Map()))).rejects.toThrow(/npm run build:content/)
    const old = new Map(packed).set(
      MANIFEST_PATH,
      JSON.stringify({ ...JSON.parse(packed.get(MANIFEST_PATH) as string), layout: 0 }),
    )
    await expect(Corpus.open(memoryFiles(old))).rejects.toThrow(/layout 0.*Rebuild/)
  })

  it("reads a tag's articles newest first, and finds tags by key only", async () => {
    const corpus = await Corpus.open(content)
    const tag = await corpus.tag(content, 't2')
    expect(tag?.count).toBe(23)
    const all = await corpus.listRange(content, corpus.tagList(tag!), 0, 100, SITE)
    expect(all.map((a) => a.slug)).toEqual(articles.filter((a) => a.tags.includes('t2')).map((a) => a.slug))
    expect((await corpus.listRange(content, corpus.tagList(tag!), 20, 22, SITE)).map((a) => a.slug)).toEqual(
      all.slice(20, 22).map((a) => a.slug),
    )
    for (const key of ['T2', 'nope', '', 'constructor', '__proto__'])
      expect(await corpus.tag(content, key), key).toBeUndefined()
  })

  it('reports a missing chunk instead of serving a short list', async () => {
    const broken = new Map(packed)
    broken.delete('articles/1.json')
    const files = memoryFiles(broken)
    const corpus = await Corpus.open(files)
    await expect(corpus.range(files, 0, COUNT, SITE)).rejects.toThrow(/articles\/1\.json/)
  })
})
