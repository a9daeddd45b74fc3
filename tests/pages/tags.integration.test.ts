import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/feeds/formats.ts'
import { INDEX_PAGE_SIZE, TAG_LIST_PAGE_SIZE } from '../../src/paging.ts'
import { articleText, DAILY_TAGS, dailyArticles, files, loadArticles } from '../fixtures/articles.ts'
import { appWith } from '../helpers/app.ts'
import { findElements } from '../helpers/html.ts'
import { decodeHtml } from '../helpers/reader-text.ts'

const ORIGIN = 'http://localhost:8787'
const articles = await dailyArticles(250)
const app = appWith({ articles })

async function page(path: string) {
  const res = await app.request(ORIGIN + path)
  return { res, html: await res.text() }
}

/** The tag pages linked from `/tags`, by the text they show. */
async function tagLinks(): Promise<Map<string, string>> {
  const links = await findElements((await page('/tags')).html, 'ul.taglist a')
  return new Map(links.map((a) => [decodeHtml(a.text), a.attributes.href as string]))
}

describe('/tags', () => {
  it('lists every tag with its number of articles, each linking to its page', async () => {
    const { res, html } = await page('/tags')
    expect(res.status).toBe(200)
    expect((await findElements(html, 'h1'))[0]?.text).toBe('Tags')
    const counts = (await findElements(html, 'ul.taglist .count')).map((c) => Number(c.text.replace(/,/g, '')))
    const links = await tagLinks()
    expect([...links.keys()].sort()).toEqual([...DAILY_TAGS].sort())
    expect(counts.reduce((a, b) => a + b, 0)).toBe(articles.reduce((n, a) => n + a.tags.length, 0))
    for (const href of links.values()) expect(href.startsWith(`${ORIGIN}/tags/`), href).toBe(true)
  })

  it('is linked from the header of every page', async () => {
    const article = `/articles/${articles[0]!.slug}`
    for (const path of ['/', '/page/2', article, '/tags/rust', '/feed.xml']) {
      const res = await app.request(ORIGIN + path, { headers: { 'Sec-Fetch-Dest': 'document' } })
      const hrefs = (await findElements(await res.text(), 'header.site a[href]')).map((a) => a.attributes.href)
      expect(hrefs, path).toContain(`${ORIGIN}/tags`)
    }
  })

  it(`pages past ${TAG_LIST_PAGE_SIZE} tags`, async () => {
    const texts: Record<string, string> = {}
    for (let i = 0; i <= TAG_LIST_PAGE_SIZE; i++)
      texts[`${i}.txt`] = articleText(`Story ${i}`, 'x', { tags: `tag ${i}` })
    const many = appWith({ articles: await loadArticles(files(texts)) })
    const first = await (await many.request(`${ORIGIN}/tags`)).text()
    expect(await findElements(first, 'ul.taglist li')).toHaveLength(TAG_LIST_PAGE_SIZE)
    expect((await findElements(first, 'a[rel="next"]'))[0]?.attributes.href).toBe(`${ORIGIN}/tags/page/2`)
    const second = await (await many.request(`${ORIGIN}/tags/page/2`)).text()
    expect(await findElements(second, 'ul.taglist li')).toHaveLength(1)
    expect((await many.request(`${ORIGIN}/tags/page/3`)).status).toBe(404)
    expect((await many.request(`${ORIGIN}/tags/page/1`)).headers.get('Location')).toBe(`${ORIGIN}/tags`)
  })
})

describe('tag pages', () => {
  it("name the tag in their <h1>, list its articles newest first and page them, and offer the tag's feeds", async () => {
    const links = await tagLinks()
    let paged = 0
    for (const tag of DAILY_TAGS) {
      const href = links.get(tag) as string
      const expected = articles.filter((a) => a.tags.includes(tag))
      const { res, html } = await page(new URL(href).pathname)
      expect(res.status, tag).toBe(200)
      expect(decodeHtml((await findElements(html, 'h1'))[0]?.text ?? ''), tag).toBe(tag)
      const listed = (await findElements(html, 'ul.items h2 a')).map((a) => a.attributes.href)
      expect(listed, tag).toEqual(expected.slice(0, INDEX_PAGE_SIZE).map((a) => `${ORIGIN}/articles/${a.slug}`))
      // Autodiscovery: the tag's feeds first, then the site's; the subscribe rows show the tag's.
      const alternates = (await findElements(html, 'link[rel="alternate"]')).map((l) => l.attributes.href)
      expect(alternates, tag).toEqual([...FORMATS.map((f) => href + f.path), ...FORMATS.map((f) => ORIGIN + f.path)])
      const rows = (await findElements(html, '.subscribe .feedrow input')).map((i) => i.attributes.value)
      expect(rows, tag).toEqual(FORMATS.map((f) => href + f.path))
      for (const url of [...alternates, ...rows]) expect((await app.request(url as string)).status, url).toBe(200)

      const pages = Math.ceil(expected.length / INDEX_PAGE_SIZE)
      if (pages > 1) paged++
      if (pages > 1) {
        const last = await page(`${new URL(href).pathname}/page/${pages}`)
        const lastListed = (await findElements(last.html, 'ul.items h2 a')).map((a) => a.attributes.href)
        expect(lastListed, tag).toEqual(
          expected.slice((pages - 1) * INDEX_PAGE_SIZE).map((a) => `${ORIGIN}/articles/${a.slug}`),
        )
      }
      expect((await page(`${new URL(href).pathname}/page/${pages + 1}`)).res.status, tag).toBe(404)
      expect((await page(`${new URL(href).pathname}/page/1`)).res.headers.get('Location'), tag).toBe(href)
    }
    expect(paged).toBeGreaterThan(2)
  })

  it('have one URL each: the tag written another way redirects there, an unknown tag is a 404', async () => {
    const rust = await page('/tags/RUST')
    expect([rust.res.status, rust.res.headers.get('Location')]).toEqual([301, `${ORIGIN}/tags/rust`])
    const plus = await page('/tags/c%2B%2B')
    expect([plus.res.status, plus.res.headers.get('Location')]).toEqual([301, `${ORIGIN}/tags/c-plus-plus`])
    // Its pages and feeds too.
    for (const [path, location] of [
      ['/tags/RUST/page/2', '/tags/rust/page/2'],
      ['/tags/Rust/feed.xml', '/tags/rust/feed.xml'],
      ['/tags/Web%20Standards/archive/1/atom.xml', '/tags/web-standards/archive/1/atom.xml'],
      ['/tags/WEB-STANDARDS/feed', '/tags/web-standards/feed'],
    ]) {
      const res = await app.request(ORIGIN + path)
      expect([res.status, res.headers.get('Location')], path).toEqual([301, ORIGIN + location])
    }
    // (`/tags/%2e%2e` never arrives: URL parsers resolve it to `/` first.)
    for (const path of ['/tags/nope', '/tags/%2e%2e%2f', '/tags/..%2Fetc', '/tags/%00', '/tags/rust/page/0']) {
      expect((await page(path)).res.status, path).toBe(404)
    }
  })

  it('are linked from the tags of each article, and every link answers 200', async () => {
    const article = articles.find((a) => a.tags.length === 2)!
    const { html } = await page(`/articles/${article.slug}`)
    const tagHrefs = (await findElements(html, 'ul.tags a')).map((a) => a.attributes.href as string)
    expect(tagHrefs).toHaveLength(2)
    for (const href of tagHrefs) expect((await app.request(href)).status, href).toBe(200)
  })

  it('show hostile tag text as text', async () => {
    const links = await tagLinks()
    const { html } = await page(new URL(links.get('a&b <c>') as string).pathname)
    expect(await findElements(html, 'c')).toEqual([])
    expect(decodeHtml((await findElements(html, 'h1'))[0]?.text ?? '')).toBe('a&b <c>')
  })
})
