import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { appWith, testWorker } from '../helpers/app.ts'
import { bundledArticles } from '../helpers/bundled.ts'

const articles = await bundledArticles()

const worker = exports.default
const ORIGIN = 'http://localhost:8787'

describe('Cache-Control', () => {
  it('lets readers and shared caches reuse feeds, with stale-while-revalidate', async () => {
    const res = await worker.fetch(`${ORIGIN}/feed.xml`)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300, stale-while-revalidate=86400')
  })

  it('lets Workers Cache ride out errors with stale-if-error where it keeps the feeds (SITE_URL set)', async () => {
    const res = await appWith({ articles }).request('/feed.json', {}, { SITE_URL: 'https://news.example.com' })
    expect(res.headers.get('Cache-Control')).toBe(
      'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400',
    )
  })

  it('is configurable', async () => {
    const res = await appWith({ articles }).request(
      '/feed.json',
      {},
      { CACHE_MAX_AGE: '60', CACHE_STALE_WHILE_REVALIDATE: '0' },
    )
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60, stale-while-revalidate=0')
  })

  it('is no-store on errors', async () => {
    const res = await worker.fetch(`${ORIGIN}/missing`)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })
})

describe('compression', () => {
  it('sends gzip to clients that accept it, with its own ETag and Vary: Accept-Encoding', async () => {
    const plain = await worker.fetch(`${ORIGIN}/feed.xml`)
    const plainBytes = new Uint8Array(await plain.arrayBuffer())
    // The Worker's own Response, not one that went through fetch(), which decodes gzip on the way in.
    const gz = await testWorker().fetch(
      new Request(`${ORIGIN}/feed.xml`, { headers: { 'Accept-Encoding': 'gzip, br' } }),
      env,
    )
    expect(gz.headers.get('Content-Encoding')).toBe('gzip')
    expect(gz.headers.get('Vary')).toContain('Accept-Encoding')
    expect(plain.headers.get('Vary')).toContain('Accept-Encoding')
    expect(gz.headers.get('ETag')).not.toBe(plain.headers.get('ETag'))
    // The client decodes what it received: the same document.
    const received = new Uint8Array(await gz.arrayBuffer())
    // The bytes on the wire are gzip (RFC 1952 magic), not the identity bytes labelled as gzip.
    expect([received[0], received[1]]).toEqual([0x1f, 0x8b])
    expect(received.byteLength).toBe(Number(gz.headers.get('Content-Length')))
    const decoded = new Uint8Array(
      await new Response(new Blob([received]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
    )
    expect(new TextDecoder().decode(decoded)).toBe(new TextDecoder().decode(plainBytes))
    expect(Number(gz.headers.get('Content-Length'))).toBeLessThan(plainBytes.byteLength)
  })

  it('sends identity when gzip is refused', async () => {
    for (const value of ['gzip;q=0', 'identity', 'br;q=1, gzip;q=0', '']) {
      const res = await worker.fetch(`${ORIGIN}/feed.xml`, { headers: { 'Accept-Encoding': value } })
      expect(res.headers.get('Content-Encoding'), value).toBeNull()
      await res.arrayBuffer()
    }
  })

  it('answers 304 to either coding’s ETag', async () => {
    const gz = await worker.fetch(`${ORIGIN}/atom.xml`, { headers: { 'Accept-Encoding': 'gzip' } })
    await gz.arrayBuffer()
    const res = await worker.fetch(`${ORIGIN}/atom.xml`, { headers: { 'If-None-Match': gz.headers.get('ETag')! } })
    expect(res.status).toBe(304)
  })
})

describe('the client’s own Accept-Encoding', () => {
  it('wins over the header Cloudflare rewrites to "br, gzip" (request.cf.clientAcceptEncoding)', async () => {
    const app = appWith({ articles })
    const rewritten = { 'Accept-Encoding': 'br, gzip' }
    const identity = await app.request(
      new Request('http://localhost/atom.xml', { headers: rewritten, cf: { clientAcceptEncoding: '' } } as RequestInit),
    )
    expect(identity.headers.get('Content-Encoding')).toBeNull()
    const gzip = await app.request(
      new Request('http://localhost/atom.xml', {
        headers: rewritten,
        cf: { clientAcceptEncoding: 'gzip' },
      } as RequestInit),
    )
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip')
  })
})
