import { env as workerEnv } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Env } from '../../src/config.ts'
import { testWorker } from '../helpers/app.ts'
import { findElements } from '../helpers/html.ts'
import { child, children, NS, parseXml } from '../helpers/xml.ts'

// SITE_URL with a path: the Worker runs on a route such as example.com/blog/*, so requests arrive
// with that path and every link must point under it.
const SITE = 'https://example.com/blog'
const env = { ...(workerEnv as unknown as Env), SITE_URL: SITE }
const app = testWorker()

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await app.fetch(new Request(`https://example.com${path}`, { headers, redirect: 'manual' }), env)
  return { res, body: await res.text() }
}

describe('SITE_URL with a base path (https://example.com/blog)', () => {
  it.each([
    '/blog/feed.xml',
    '/blog/atom.xml',
    '/blog/feed.json',
    '/blog/feed',
    '/blog/feeds.opml',
    '/blog/feed.xsl',
    '/blog/assets/site.css',
    '/blog/assets/site.js',
    '/blog/',
  ])('serves %s', async (path) => {
    expect((await get(path)).res.status).toBe(200)
  })

  it('links every feed, item, stylesheet and XSLT under the base path', async () => {
    const { body } = await get('/blog/feed.xml')
    expect(body).toContain('<?xml-stylesheet type="text/xsl" href="/blog/feed.xsl"?>')
    const channel = child(parseXml(body), 'channel')
    expect(children(channel, 'link', NS.atom)[0]?.attributes.href).toBe(`${SITE}/feed.xml`)
    expect(child(channel, 'link', '').text).toBe(`${SITE}/`)
    for (const item of children(channel, 'item'))
      expect(child(item, 'link', '').text).toMatch(/^https:\/\/example\.com\/blog\/articles\//)
    const xsl = (await get('/blog/feed.xsl')).body
    expect(xsl).toContain('href="/blog/assets/site.css"')
    expect(xsl).toContain('src="/blog/assets/site.js"')
  })

  it('every link and resource of the home page, an article and the OPML answers 200 under the base', async () => {
    const home = (await get('/blog/')).body
    const article = (await findElements(home, 'main a[href*="/articles/"]'))[0]?.attributes.href as string
    const urls = new Set<string>([article])
    for (const page of [home, (await get(new URL(article).pathname)).body]) {
      for (const el of await findElements(page, 'a[href], link[href], script[src]')) {
        const url = el.attributes.href ?? el.attributes.src ?? ''
        if (url.startsWith('https://example.com/') || url.startsWith('/')) urls.add(url)
      }
    }
    for (const el of await findElements((await get('/blog/feeds.opml')).body, 'outline[xmlurl]'))
      urls.add(el.attributes.xmlurl as string)
    expect(urls.size).toBeGreaterThan(5)
    for (const url of urls) {
      const path = new URL(url, 'https://example.com').pathname
      expect(path.startsWith('/blog/'), url).toBe(true)
      expect((await get(path)).res.status, url).toBe(200)
    }
  })

  it('sends /blog to /blog/, /blog/page/1 to the home page and drops trailing slashes below it', async () => {
    expect((await get('/blog')).res.headers.get('Location')).toBe('https://example.com/blog/')
    expect((await get('/blog/page/1')).res.headers.get('Location')).toBe(`${SITE}/`)
    const { res } = await get('/blog/feeds.opml/')
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('https://example.com/blog/feeds.opml')
  })

  it('answers 404 outside the base path, saying where the site is, with an error page that works under the base', async () => {
    const { res, body } = await get('/feed.xml')
    expect(res.status).toBe(404)
    expect(body).toContain('/blog/')
    const page = await get('/blog/nothing-here', { Accept: 'text/html' })
    expect(page.res.status).toBe(404)
    expect((await findElements(page.body, 'link[rel=stylesheet]'))[0]?.attributes.href).toBe('/blog/assets/site.css')
    expect((await findElements(page.body, 'main a'))[0]?.attributes.href).toBe('/blog/')
  })

  it('refuses a SITE_URL with a query or a fragment, naming the variable', async () => {
    const res = await app.fetch(new Request('https://example.com/blog/feed.xml'), { ...env, SITE_URL: `${SITE}?x=1` })
    expect(res.status).toBe(500)
    expect(await res.text()).toContain('SITE_URL must not have a query')
  })
})
