// 10,000 generated articles built by the real build script and served by the deploy bundle in
// workerd, with the content read through Static Assets (miniflare's implementation), as deployed.
// Checks what a reader sees at that size; no timing is asserted.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateArticles } from '../../bench/generate-articles.ts'
import { deployBundle } from '../../bench/lib/bundle.ts'
import { type RunningWorker, startWorker } from '../../bench/lib/workers.ts'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import { ARCHIVE_PAGE_SIZE, INDEX_PAGE_SIZE } from '../../src/paging.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const COUNT = 10_000
const tmp = mkdtempSync(join(tmpdir(), 'scale-'))
let worker: RunningWorker
let build: { status: number | null; stdout: string; stderr: string }
/** Slug and title at a position in feed order, read from the built files (the server is checked against them). */
let at: (position: number) => { slug: string; title: string; id: string; tags: string[] }

beforeAll(async () => {
  generateArticles(join(tmp, 'seeds'), COUNT)
  // Under a low open-files limit: the build reads and writes a bounded number of files at once
  // (it used to open every seed together and die with EMFILE at 100,000 files).
  build = spawnSync(
    'bash',
    [
      '-c',
      'ulimit -n 256 && exec "$0" "$@"',
      process.execPath,
      join(ROOT, 'scripts/build-content.ts'),
      join(tmp, 'seeds'),
      join(tmp, 'assets'),
    ],
    { encoding: 'utf8' },
  )
  const chunkSize = (
    JSON.parse(readFileSync(join(tmp, 'assets/_content/manifest.json'), 'utf8')) as { chunkSize: number }
  ).chunkSize
  // Chunks are filed from the oldest article (src/content/layout.ts).
  at = (p) => {
    const n = COUNT - 1 - p
    const chunk = readFileSync(join(tmp, `assets/_content/articles/${Math.floor(n / chunkSize)}.json`), 'utf8')
    return (JSON.parse(chunk) as { slug: string; title: string; id: string; tags: string[] }[])[n % chunkSize]!
  }
  worker = await startWorker({ scriptPath: deployBundle(join(tmp, 'bundle')), assetsDir: join(tmp, 'assets') })
}, 180_000)
afterAll(async () => {
  await worker?.dispose()
  rmSync(tmp, { recursive: true, force: true })
})

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(worker.url + path, { headers, redirect: 'manual' })
  return { res, body: await res.text() }
}

describe(`${COUNT.toLocaleString('en')} articles`, () => {
  it('build under a 256 open-files limit into a few hundred files, far from the Static Assets limits', () => {
    expect(build.status, build.stderr).toBe(0)
    expect(build.stdout).toContain(`content: ${COUNT.toLocaleString('en')} articles`)
    const count = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce(
        (n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : 1),
        0,
      )
    const files = count(join(tmp, 'assets'))
    expect(files).toBeGreaterThan(COUNT / 64)
    expect(files).toBeLessThan(20_000 / 10)
  })

  it('serve the newest FEED_ITEMS in every feed, in order', async () => {
    const expected = Array.from({ length: 20 }, (_, i) => at(i).id)
    const rss = parseXml((await get('/feed.xml')).body)
    expect(children(child(rss, 'channel'), 'item').map((i) => child(i, 'guid').text)).toEqual(expected)
    const atom = parseXml((await get('/atom.xml')).body)
    expect(children(atom, 'entry', NS.atom).map((e) => child(e, 'id', NS.atom).text)).toEqual(expected)
    const json = JSON.parse((await get('/feed.json')).body) as JsonFeed
    expect(json.items.map((i) => i.id)).toEqual(expected)
  })

  it("serve the oldest articles in archive page 1, and a tag's newest in its feed", async () => {
    const archive = parseXml((await get('/archive/1/feed.xml')).body)
    const oldest = Array.from({ length: ARCHIVE_PAGE_SIZE }, (_, i) => at(COUNT - ARCHIVE_PAGE_SIZE + i).id)
    expect(children(child(archive, 'channel'), 'item').map((i) => child(i, 'guid').text)).toEqual(oldest)
    const tagged: string[] = []
    for (let p = 0; tagged.length < 20; p++) if (at(p).tags.includes('Security')) tagged.push(at(p).id)
    const feed = JSON.parse((await get('/tags/security/feed.json')).body) as JsonFeed
    expect(feed.items.map((i) => i.id)).toEqual(tagged)
    expect(feed.next_url).toMatch(/\/tags\/security\/archive\/\d+\/feed\.json$/)
  })

  it('serve the first and the last article pages, and 404 for one that does not exist', async () => {
    for (const position of [0, COUNT - 1]) {
      const { slug, title } = at(position)
      const { res, body } = await get(`/articles/${slug}`)
      expect(res.status, slug).toBe(200)
      expect(body).toContain(`<h1>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</h1>`)
    }
    const missing = await get('/articles/no-such-article', { Accept: 'application/json' })
    expect(missing.res.status).toBe(404)
    expect(JSON.parse(missing.body)).toMatchObject({ error: { status: 404 } })
  })

  it('serve the last index page and 404 past it', async () => {
    const pages = Math.ceil(COUNT / INDEX_PAGE_SIZE)
    const last = await get(`/page/${pages}`)
    expect(last.res.status).toBe(200)
    expect(last.body).toContain(`/articles/${at(COUNT - 1).slug}"`)
    expect((await get(`/page/${pages + 1}`)).res.status).toBe(404)
  })

  it('answer many simultaneous first requests in a fresh isolate, the same pages several times (no I/O shared across requests)', async () => {
    const fresh = await startWorker({ scriptPath: deployBundle(join(tmp, 'bundle-2')), assetsDir: join(tmp, 'assets') })
    try {
      const positions = Array.from({ length: 20 }, (_, i) => Math.floor((i * COUNT) / 20) + 7)
      const paths = [
        ...positions.map((p) => `/articles/${at(p).slug}`),
        '/feed.xml',
        '/atom.xml',
        '/feed.json',
        '/',
        '/page/2',
        '/feeds.opml',
      ].flatMap((p) => [p, p, p])
      const statuses = await Promise.all(
        paths.map(async (p) => {
          const res = await fetch(fresh.url + p)
          await res.arrayBuffer()
          return `${res.status} ${p}`
        }),
      )
      expect(statuses).toEqual(paths.map((p) => `200 ${p}`))
      // Then batches, as a crawler sends them: every page is read through its own request's binding.
      for (let batch = 0; batch < 5; batch++) {
        const more = Array.from(
          { length: 8 },
          (_, i) => `/articles/${at(Math.floor(((batch * 8 + i) * COUNT) / 40) + 3).slug}`,
        )
        const done = await Promise.all(
          more.map(
            async (p) =>
              `${
                (
                  await fetch(fresh.url + p).then(async (r) => {
                    await r.arrayBuffer()
                    return r
                  })
                ).status
              } ${p}`,
          ),
        )
        expect(done).toEqual(more.map((p) => `200 ${p}`))
      }
    } finally {
      await fresh.dispose()
    }
  })
})
