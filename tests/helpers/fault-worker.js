// A real Worker, bound to the Worker under test by a service binding, that stands in for the
// content binding (Static Assets) and for the Cache API, and fails on command. Plain JavaScript:
// miniflare runs it as it is (vitest.config.ts, `miniflare.workers`), one copy per test file.
//
// Control (host `control`): PUT /files {path: base64} replaces the files it serves; PUT /fault
// {mode, ...} sets the fault; GET /reads counts content reads since the last PUT /fault.
// Content (any other host): GET /_content/{path} serves the file as Static Assets does.
// Cache (host `cache`): POST /match and POST /put stand for `cache.match` and `cache.put`, kept
// in this Worker's own Cache API.

let files = new Map()
let fault = { mode: 'none' }
let reads = 0

const json = (value, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } })

// workerd ends a request whose promises can never settle ("will never generate a response"), so a
// hang is a long timer: the caller sees what it sees of a binding that does not answer.
const FOREVER_MS = 120_000

/** A 200 whose body sends its first half, then errors (`reset`) or goes quiet (`stall`). */
function broken(bytes, how) {
  const half = bytes.subarray(0, Math.max(1, Math.floor(bytes.byteLength / 2)))
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(half)
      const after = how === 'reset' ? 5 : FOREVER_MS
      setTimeout(() => controller.error(new Error(`${how} (injected)`)), after)
    },
  })
  return new Response(stream, { headers: { 'Content-Length': String(bytes.byteLength) } })
}

/** A chunk file's articles cut to half: valid JSON, fewer articles. */
function cut(path, bytes) {
  if (!/^(articles|tag\/\d+)\/\d+\.json$/.test(path)) return bytes
  const list = JSON.parse(new TextDecoder().decode(bytes))
  return new TextEncoder().encode(JSON.stringify(list.slice(0, Math.floor(list.length / 2))))
}

async function content(path) {
  reads++
  const { mode } = fault
  if (mode === 'hang') await new Promise((resolve) => setTimeout(resolve, FOREVER_MS))
  if (mode === 'status') return new Response('injected', { status: fault.status ?? 500 })
  if (mode === 'throw') throw new Error('thrown (injected)')
  if (mode === 'all-404' || (mode === 'no-manifest' && path === 'manifest.json'))
    return new Response('Not Found', { status: 404 })
  if (mode === 'flaky' && reads % 3 === 0) return new Response('injected', { status: 500 })
  if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 100))
  const file = files.get(path)
  if (file === undefined) return new Response('Not Found', { status: 404 })
  if (mode === 'reset' || mode === 'stall') return broken(file, mode)
  return new Response(mode === 'cut' ? cut(path, file) : file)
}

async function cache(request, action) {
  const store = await caches.open('faults')
  if (action === 'put') {
    if (fault.mode === 'cache-put-hang') await new Promise((resolve) => setTimeout(resolve, FOREVER_MS))
    const { url } = Object.fromEntries(new URL(request.url).searchParams)
    await store.put(url, new Response(request.body, { headers: request.headers }))
    return new Response(null, { status: 204 })
  }
  const { url } = await request.json()
  const { mode } = fault
  if (mode === 'cache-throw') throw new Error('cache match thrown (injected)')
  if (mode === 'cache-hang') await new Promise((resolve) => setTimeout(resolve, FOREVER_MS))
  const hit = await store.match(url)
  if (!hit) return new Response(null, { status: 404 })
  if (mode !== 'cache-cut' && mode !== 'cache-flip') return hit
  const bytes = new Uint8Array(await hit.arrayBuffer())
  if (mode === 'cache-cut')
    return new Response(bytes.subarray(0, Math.floor(bytes.byteLength / 2)), { headers: hit.headers })
  // The same length, one bit changed: only the digest can tell.
  const flipped = bytes.slice()
  flipped[Math.floor(flipped.length / 2)] ^= 1
  return new Response(flipped, { headers: hit.headers })
}

export default {
  async fetch(request) {
    const url = new URL(request.url)
    if (url.hostname === 'control') {
      if (url.pathname === '/files') {
        const sent = await request.json()
        files = new Map(
          Object.entries(sent).map(([path, b64]) => [path, Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]),
        )
        return json({ files: files.size })
      }
      if (url.pathname === '/fault') {
        fault = await request.json()
        reads = 0
        return json(fault)
      }
      if (url.pathname === '/reads') return json({ reads })
      return json({ error: 'no such control' }, 404)
    }
    if (url.hostname === 'cache') return cache(request, url.pathname.slice(1))
    const prefix = '/_content/'
    if (!url.pathname.startsWith(prefix)) return new Response('Not Found', { status: 404 })
    return content(decodeURIComponent(url.pathname.slice(prefix.length)))
  },
}
