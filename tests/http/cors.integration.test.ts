import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/feeds/formats.ts'

const worker = exports.default
const ORIGIN = 'http://localhost:8787'

describe.each(FORMATS)('CORS on $path', (format) => {
  it('lets any origin read the feed and its validators', async () => {
    const res = await worker.fetch(ORIGIN + format.path, { headers: { Origin: 'https://app.example' } })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const exposed = res.headers.get('Access-Control-Expose-Headers')?.split(/\s*,\s*/)
    // Last-Modified is a CORS-safelisted response header (Fetch standard): readable without being named.
    expect(exposed).toEqual(expect.arrayContaining(['ETag', 'Link']))
  })

  it('answers the preflight with 204, the methods and the conditional headers', async () => {
    const res = await worker.fetch(ORIGIN + format.path, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Methods')?.split(/\s*,\s*/)).toEqual(
      expect.arrayContaining(['GET', 'HEAD']),
    )
    expect(res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('if-none-match')
    expect(Number(res.headers.get('Access-Control-Max-Age'))).toBeGreaterThan(0)
  })

  it('keeps CORS headers on a 304', async () => {
    const etag = (await worker.fetch(ORIGIN + format.path)).headers.get('ETag')!
    const res = await worker.fetch(ORIGIN + format.path, {
      headers: { Origin: 'https://app.example', 'If-None-Match': etag },
    })
    expect(res.status).toBe(304)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })
})
