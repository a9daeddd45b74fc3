import { exports } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bundledArticles } from '../helpers/bundled.ts'

const articles = await bundledArticles()

const worker = exports.default
const ORIGIN = 'http://localhost:8787'
const SLUG = articles[0]!.slug

interface Case {
  name: string
  path: string
  method?: string
  headers?: Record<string, string>
  body?: BodyInit
  /** Statuses that are right for this request. */
  expect: number[]
}

const big = (n: number, unit = 'a') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)

/** The battery: one row per hostile request and the statuses that are correct for it. */
const CASES: Case[] = [
  // Methods
  ...['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'MKCOL', 'LOCK', 'SEARCH', 'QUERY', 'PURGE', 'purge'].map(
    (method) => ({ name: `${method} on a feed`, path: '/feed.xml', method, expect: [405] }),
  ),
  { name: 'PROPFIND on an unknown path', path: '/nope', method: 'PROPFIND', expect: [404] },
  { name: 'OPTIONS without CORS headers', path: '/feed.xml', method: 'OPTIONS', expect: [204] },
  { name: 'POST with a 1 MB body', path: '/feed.xml', method: 'POST', body: big(1024 * 1024), expect: [405] },
  {
    name: 'PUT with a 1 MB body on a page',
    path: `/articles/${SLUG}`,
    method: 'PUT',
    body: new Uint8Array(1024 * 1024),
    expect: [405],
  },
  // Paths
  { name: 'dot-dot', path: '/../feed.xml', expect: [200] },
  { name: 'encoded dot-dot', path: '/%2e%2e/%2E%2E/feed.xml', expect: [200] },
  { name: 'dot-dot into articles', path: '/articles/../../etc/passwd', expect: [404] },
  { name: 'encoded slash in a slug', path: '/articles/..%2f..%2fetc%2fpasswd', expect: [404] },
  { name: 'NUL in a path', path: '/feed.xml%00', expect: [404] },
  { name: 'NUL in a slug', path: '/articles/%00', expect: [404] },
  { name: 'double slashes', path: '//feed.xml', expect: [404] },
  { name: 'double slashes inside', path: `/articles//${SLUG}`, expect: [404] },
  { name: '8 KB path', path: `/${big(8 * 1024)}`, expect: [404, 414] },
  { name: '64 KB path', path: `/articles/${big(64 * 1024)}`, expect: [404, 414] },
  { name: 'unicode slug', path: '/articles/日本語-الْعَرَبِيَّة', expect: [404] },
  { name: 'lone percent', path: '/articles/%', expect: [404] },
  { name: 'invalid escape', path: '/articles/%zz', expect: [404] },
  { name: 'invalid UTF-8 escape', path: '/articles/%c3%28', expect: [404] },
  { name: 'overlong UTF-8 escape', path: '/articles/%c0%ae%c0%ae', expect: [404] },
  { name: 'script in a path', path: '/<script>alert(1)</script>', expect: [404] },
  { name: 'trailing slash on a feed', path: '/feed.xml/', expect: [301] },
  // Tags, archives, sitemaps
  { name: 'unknown tag', path: '/tags/no-such-tag', expect: [404] },
  { name: 'unknown tag feed', path: '/tags/no-such-tag/feed.xml', expect: [404] },
  { name: 'tag written with an encoded slash', path: '/tags/north%2Fkorea', expect: [301] },
  { name: 'tag of encoded dot-dots', path: '/tags/%2e%2e%2f%2e%2e', expect: [404] },
  { name: 'tag with invalid UTF-8', path: '/tags/%c3%28', expect: [404] },
  { name: 'tag with NUL', path: '/tags/%00/feed.json', expect: [404] },
  { name: 'tag of script', path: '/tags/<script>alert(1)</script>', expect: [404] },
  { name: '64 KB tag', path: `/tags/${big(64 * 1024)}`, expect: [404, 414] },
  { name: 'tag page 0', path: '/tags/cybersecurity/page/0', expect: [404] },
  { name: 'tag page past the end', path: '/tags/cybersecurity/page/2', expect: [404] },
  { name: 'tags page of words', path: '/tags/page/two', expect: [404] },
  { name: 'archive page past the end', path: '/archive/1/feed.xml', expect: [404] },
  { name: 'archive page 0', path: '/archive/0/atom.xml', expect: [404] },
  { name: 'archive page of a huge number', path: '/archive/99999999999999999999/feed.json', expect: [404] },
  { name: 'archive page with a sign', path: '/archive/+1/feed.xml', expect: [404] },
  { name: 'archive of an unknown tag', path: '/tags/nope/archive/1/feed', expect: [404] },
  { name: 'sitemap 0', path: '/sitemap-0.xml', expect: [404] },
  { name: 'sitemap of words', path: '/sitemap-one.xml', expect: [404] },
  { name: 'sitemap 1 of a single sitemap', path: '/sitemap-1.xml', expect: [404] },
  // Queries
  ...[
    '?limit=-1',
    '?limit=1e9',
    '?limit=abc',
    '?limit=',
    '?%zz=%zz',
    `?q=${big(32 * 1024)}`,
    `?${Array.from({ length: 2000 }, (_, i) => `a=${i}`).join('&')}`,
  ].map((q) => ({ name: `query ${q.slice(0, 30)}`, path: `/feed.xml${q}`, expect: [200] })),
  { name: 'query on a page', path: `/articles/${SLUG}?utm_source=<script>`, expect: [200] },
  // Conditional headers
  ...['"', 'W/', ',,,', '"unterminated', 'W/"x" garbage "y', big(16 * 1024, '"x", '), '* , "a"', '\u00ff\u00fe'].map(
    (v) => ({
      name: `If-None-Match ${JSON.stringify(v.slice(0, 20))}`,
      path: '/feed.json',
      headers: { 'If-None-Match': v },
      expect: [200, 304],
    }),
  ),
  ...[
    'yesterday',
    '0',
    '-1',
    'Tue, 99 Aug 2019 00:00:00 GMT',
    big(8 * 1024),
    '2019-08-06T08:00:00Z',
    'Sat, 01 Jan 10000 00:00:00 GMT',
    'Fri, 01 Jan 2100 00:00:00 GMT, Fri, 01 Jan 2100 00:00:00 GMT',
    'Fri, 01 Jan 2100 00:00:00 +0000',
  ].map((v) => ({
    name: `If-Modified-Since ${v.slice(0, 20)}`,
    path: '/atom.xml',
    headers: { 'If-Modified-Since': v },
    expect: [200],
  })),
  // Negotiation headers
  ...[
    ';;;',
    'q=abc',
    '*/*;q=abc',
    'application/rss+xml;q=',
    ',,,,',
    '/',
    'text/html;q=1e9',
    big(16 * 1024, 'application/x-foo, '),
    'application/atom+xml;q=0.5;q=0.9',
  ].map((v) => ({
    name: `Accept ${v.slice(0, 20)} on /feed`,
    path: '/feed',
    headers: { Accept: v },
    expect: [200, 406],
  })),
  ...[';;;', 'gzip;q=abc', 'gzip;q=-1', '*;q=0', big(16 * 1024, 'x-foo, '), 'identity;q=0'].map((v) => ({
    name: `Accept-Encoding ${v.slice(0, 20)}`,
    path: '/feed.xml',
    headers: { 'Accept-Encoding': v },
    expect: [200],
  })),
  ...['bytes=0-10', 'bytes=abc', 'bytes=-1-', 'bytes=999999999-', 'lines=1-2', big(8 * 1024, 'bytes=0-1,')].map(
    (v) => ({ name: `Range ${v.slice(0, 20)}`, path: '/feed.xml', headers: { Range: v }, expect: [200] }),
  ),
  { name: 'Origin from elsewhere', path: '/feed.json', headers: { Origin: 'null' }, expect: [200] },
  { name: 'a huge header', path: '/feed.xml', headers: { 'X-Junk': big(32 * 1024) }, expect: [200] },
]

describe('hostile requests', () => {
  const errors = vi.fn()
  beforeEach(() => {
    errors.mockClear()
    vi.spyOn(console, 'error').mockImplementation(errors)
  })
  afterEach(() => vi.restoreAllMocks())

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: right status, sensible body, nothing logged',
    async (_name, c) => {
      const res = await worker.fetch(ORIGIN + c.path, {
        method: c.method ?? 'GET',
        headers: c.headers ?? {},
        body: c.body ?? null,
        redirect: 'manual',
      })
      expect(c.expect, `status ${res.status}`).toContain(res.status)
      const body = await res.text()
      if (res.status !== 204 && res.status !== 304 && c.method !== 'HEAD') {
        expect(res.headers.get('Content-Type')).toMatch(/charset=utf-8$/)
        if (res.status >= 400) expect(body.length).toBeGreaterThan(0)
      }
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(errors).not.toHaveBeenCalled()
    },
  )

  it('never echoes request text into an HTML error unescaped', async () => {
    const res = await worker.fetch(`${ORIGIN}/<img src=x onerror=alert(1)>`, { headers: { Accept: 'text/html' } })
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain('<img')
  })
})
