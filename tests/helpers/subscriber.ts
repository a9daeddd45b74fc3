// A WebSub subscriber on loopback (Node's http server), for the hub's tests and `npm run bench`: a
// real HTTP server the hub in workerd calls. What each callback does is named by its first path
// segment; everything it receives is logged, and `GET /log?prefix=…` returns the log as JSON.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What a callback does, by the first segment of its path. */
export const BEHAVIOURS = {
  /** Confirms verification (echoes the challenge) and accepts deliveries (204). */
  ok: 'ok',
  /** Refuses verification (404): it never asked to subscribe. */
  refuse: 'refuse',
  /** Confirms verification with the wrong text (200, not the challenge). */
  wrong: 'wrong',
  /** Confirms verification, then answers every delivery 500. */
  fail: 'fail',
  /** Confirms verification, then never answers a delivery. */
  hang: 'hang',
  /** Confirms verification, then answers 410 Gone (it wants no more). */
  gone: 'gone',
} as const

/** A request the subscriber received. */
export interface Received {
  method: string
  /** Path and query, as sent. */
  url: string
  headers: Record<string, string>
  body: string
  /** When it arrived (ms since the epoch). */
  at: number
}

/** Starts the subscriber on `host` (loopback, a free port); resolves with its origin, its log and its server. */
export async function startSubscriber(
  host = '127.0.0.1',
): Promise<{ origin: string; log: Received[]; server: Server }> {
  const log: Received[] = []
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/log') {
      const prefix = url.searchParams.get('prefix') ?? ''
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify(log.filter((r) => r.url.startsWith(prefix))))
      return
    }
    const body = await readBody(request)
    log.push({ method: request.method ?? '', url: request.url ?? '', headers: flat(request), body, at: Date.now() })
    const behaviour = url.pathname.split('/')[1]
    if (request.method === 'GET') {
      const challenge = url.searchParams.get('hub.challenge') ?? ''
      if (behaviour === 'refuse') return response.writeHead(404).end('no such subscription')
      if (behaviour === 'wrong') return response.writeHead(200).end('yes please')
      return response.writeHead(200, { 'Content-Type': 'text/plain' }).end(challenge)
    }
    if (behaviour === 'hang') return // never answers; the hub's timeout ends it
    if (behaviour === 'fail') return response.writeHead(500).end('broken')
    if (behaviour === 'gone') return response.writeHead(410).end()
    response.writeHead(204).end()
  })
  server.keepAliveTimeout = 1_000
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://${host}:${port}`, log, server }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function flat(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
  )
}
