import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/feeds/formats.ts'
import { negotiateFormat } from '../../src/http/negotiate.ts'

const worker = exports.default
const ORIGIN = 'http://localhost:8787'

describe('negotiateFormat', () => {
  it.each([
    [undefined, 'rss'],
    ['', 'rss'],
    ['*/*', 'rss'],
    ['application/atom+xml', 'atom'],
    ['application/feed+json', 'jsonFeed'],
    ['application/json', 'jsonFeed'],
    ['text/xml', 'rss'],
    ['application/xml;q=0.9, application/atom+xml', 'atom'],
    ['application/rss+xml;q=0.5, application/atom+xml;q=0.8, application/feed+json;q=0.7', 'atom'],
    ['application/atom+xml, */*', 'atom'],
    ['application/*;q=0.2, application/feed+json', 'jsonFeed'],
    ['application/*', 'rss'],
    ['image/png, text/*', 'rss'],
    ['application/rss+xml;q=0, */*;q=0.1', 'atom'],
    ['text/html, application/xhtml+xml, */*;q=0.8', 'rss'],
    // q=0 on a format's own type refuses it, even when an alias or a broader range matches (RFC 9110 §12.4.2).
    ['application/feed+json;q=0, application/*', 'rss'],
    ['application/atom+xml;q=0, application/*;q=0.5', 'rss'],
    ['application/rss+xml;q=0, application/xml, application/atom+xml;q=0.1', 'atom'],
    [
      'application/rss+xml, application/rdf+xml;q=0.8, application/atom+xml;q=0.6, application/xml;q=0.4, text/xml;q=0.4, */*;q=0.1',
      'rss',
    ],
  ])('Accept %j → %s', (accept, expected) => {
    expect(negotiateFormat(accept, FORMATS)?.name).toBe(expected)
  })

  it.each([
    'text/html',
    'image/png, video/*',
    'application/feed+json;q=0, application/json',
    'application/rss+xml;q=0, text/xml',
    '*/*;q=0, application/json',
    'application/rss+xml;q=0, application/atom+xml;q=0, application/feed+json;q=0, application/xml;q=0, text/xml;q=0, application/json;q=0',
  ])('finds nothing for %j', (accept) => {
    expect(negotiateFormat(accept, FORMATS)).toBeUndefined()
  })
})

describe('/feed', () => {
  it.each(FORMATS.map((f) => [f.mediaType, f] as const))(
    'serves %s when asked, with Vary: Accept and Content-Location',
    async (type, format) => {
      const res = await worker.fetch(`${ORIGIN}/feed`, { headers: { Accept: type } })
      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Type')).toBe(`${type}; charset=utf-8`)
      expect(res.headers.get('Vary')?.split(/\s*,\s*/)).toContain('Accept')
      expect(res.headers.get('Content-Location')).toBe(ORIGIN + format.path)
      expect(await res.text()).toBe(await (await worker.fetch(ORIGIN + format.path)).text())
    },
  )

  it('answers 406 listing the available types when nothing fits', async () => {
    const res = await worker.fetch(`${ORIGIN}/feed`, { headers: { Accept: 'image/png' } })
    expect(res.status).toBe(406)
    const body = await res.text()
    for (const f of FORMATS) expect(body).toContain(f.mediaType)
    expect(res.headers.get('Vary')).toContain('Accept')
  })
})

describe('Link headers', () => {
  it("point each feed at itself and the site's hub only (RFC 8288, WebSub §4): the other formats are linked in the documents", async () => {
    for (const f of FORMATS) {
      const link = (await worker.fetch(ORIGIN + f.path)).headers.get('Link')
      expect(link).toBe(`<${ORIGIN}${f.path}>; rel="self", <${ORIGIN}/websub>; rel="hub"`)
    }
  })

  it('are not sent on HTML pages, whose <link rel="alternate"> elements browsers read', async () => {
    const res = await worker.fetch(`${ORIGIN}/`)
    expect(res.headers.get('Link')).toBeNull()
    const html = await res.text()
    for (const f of FORMATS) expect(html).toContain(`<link rel="alternate" type="${f.mediaType}"`)
  })
})
