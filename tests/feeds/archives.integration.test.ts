import { describe, expect, it } from 'vitest'
import { DEFAULTS } from '../../src/config.ts'
import { tagKey } from '../../src/content/tag-key.ts'
import { FORMATS } from '../../src/feeds/formats.ts'
import type { JsonFeed } from '../../src/feeds/json-feed.ts'
import { ARCHIVE_PAGE_SIZE, archivePages } from '../../src/paging.ts'
import { articleText, DAILY_TAGS, dailyArticles, files, loadArticles } from '../fixtures/articles.ts'
import { appWith } from '../helpers/app.ts'
import { walk } from '../helpers/archive-walk.ts'

const ORIGIN = 'http://localhost:8787'
const F = DEFAULTS.feedItems
const TAGS = DAILY_TAGS
const corpus = dailyArticles

describe('archived feeds (RFC 5005) and JSON Feed next_url', () => {
  for (const count of [0, 1, F, F + 1, 250]) {
    it(`visit every one of ${count} articles exactly once, newest to oldest, in each format`, async () => {
      const articles = await corpus(count)
      const app = appWith({ articles })
      for (const format of FORMATS) {
        expect(await walk(app, ORIGIN + format.path, format.name), format.name).toEqual(articles.map((a) => a.id))
      }
    })
  }

  it("visit every article of each tag exactly once from the tag's feeds", async () => {
    const articles = await corpus(250)
    const app = appWith({ articles })
    for (const tag of TAGS) {
      const expected = articles.filter((a) => a.tags.includes(tag)).map((a) => a.id)
      expect(expected.length).toBeGreaterThan(F)
      for (const format of FORMATS) {
        const url = `${ORIGIN}/tags/${encodeURIComponent(tagKey(tag))}${format.path}`
        expect(await walk(app, url, format.name), `${tag} ${format.name}`).toEqual(expected)
      }
    }
  })

  it('keeps the bytes and ETag of a full archive page when newer articles are added', async () => {
    const before = appWith({ articles: await corpus(250) })
    const after = appWith({ articles: await corpus(300) })
    for (const format of FORMATS) {
      for (const page of [1, 2, 3]) {
        const url = `${ORIGIN}/archive/${page}${format.path}`
        const [a, b] = await Promise.all([before.request(url), after.request(url)])
        expect(await b.text(), url).toBe(await a.text())
        expect(b.headers.get('ETag'), url).toBe(a.headers.get('ETag'))
      }
    }
  })

  it('keeps the bytes and ETag of an archive page across deployments; Last-Modified follows the deployment', async () => {
    const articles = await corpus(250)
    const one = { CF_VERSION_METADATA: { id: 'v1', timestamp: '2026-01-01T00:00:00Z' } }
    const two = { CF_VERSION_METADATA: { id: 'v2', timestamp: '2026-02-01T00:00:00Z' } }
    const url = `${ORIGIN}/archive/1/feed.xml`
    const a = await appWith({ articles }).request(url, {}, one)
    const b = await appWith({ articles }).request(url, {}, two)
    expect(await b.text()).toBe(await a.text())
    expect(b.headers.get('ETag')).toBe(a.headers.get('ETag'))
    expect([a.headers.get('Last-Modified'), b.headers.get('Last-Modified')]).toEqual([
      'Thu, 01 Jan 2026 00:00:00 GMT',
      'Sun, 01 Feb 2026 00:00:00 GMT',
    ])
  })

  it('never serves one document for another, whatever a tag is called (undefined, archive, page)', async () => {
    const articles = await corpus(250)
    const app = appWith({ articles })
    // The site's archive page is in memory first; a tag that does not exist must not get it.
    expect((await app.request(`${ORIGIN}/archive/1/feed.xml`)).status).toBe(200)
    for (const tag of ['undefined', 'null', 'archive', 'page', '1'])
      expect((await app.request(`${ORIGIN}/tags/${tag}/archive/1/feed.xml`)).status, tag).toBe(404)
    // Tags with those names are tags like any other.
    const named = await loadArticles(
      files({
        'a.txt': articleText('A', 'x', { tags: 'undefined, archive, page' }),
        'b.txt': articleText('B', 'y', { published: '2024-01-02', tags: 'page' }),
      }),
    )
    const other = appWith({ articles: named })
    for (const path of ['/tags/undefined/feed.xml', '/tags/archive/feed.json', '/tags/page', '/tags/page/atom.xml']) {
      expect((await other.request(ORIGIN + path)).status, path).toBe(200)
    }
    const page = await (await other.request(`${ORIGIN}/tags/page/feed.json`)).json()
    expect((page as JsonFeed).items).toHaveLength(2)
    expect((await other.request(`${ORIGIN}/tags/page/2`)).status).toBe(404)
  })

  it('answers 404 for archive pages that do not exist and for unknown tags', async () => {
    const app = appWith({ articles: await corpus(250) })
    // 250 articles, 20 in the subscription document: 230 archived.
    const pages = archivePages(250, F)
    expect(pages).toBe(Math.ceil(230 / ARCHIVE_PAGE_SIZE))
    expect((await app.request(`${ORIGIN}/archive/${pages}/feed.xml`)).status).toBe(200)
    for (const path of [
      `/archive/${pages + 1}/feed.xml`,
      '/archive/0/feed.xml',
      '/archive/01/feed.xml',
      '/archive/-1/atom.xml',
      '/archive/1.5/feed.json',
      '/archive/x/feed',
      '/tags/nope/feed.xml',
      '/tags/nope/archive/1/atom.xml',
      '/tags/rust/archive/99/feed.json',
      '/tags/rust/archive/0/feed.json',
    ]) {
      const res = await app.request(ORIGIN + path)
      expect(res.status, path).toBe(404)
    }
    const small = appWith({ articles: await corpus(F) })
    expect((await small.request(`${ORIGIN}/archive/1/feed.xml`)).status).toBe(404)
  })
})
