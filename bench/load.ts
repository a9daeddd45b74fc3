/**
 * `npm run load`: the built Worker in workerd on 127.0.0.1 under a mixed load (every format, 200s
 * and 304s, HEAD, negotiation, bad requests) at high concurrency with autocannon. Reports requests,
 * unexpected statuses (any 5xx or any status not right for its request), latency percentiles and
 * the workerd process's memory at start and end. Exits 1 on any unexpected status.
 *
 * Settings (environment): LOAD_SECONDS (default 60), LOAD_CONNECTIONS (default 64), LOAD_OUT (report folder, default bench/results).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { ASSETS_DIR, deployBundle, ROOT } from './lib/bundle.ts'
import { limitWorkerSource } from './lib/limit-worker.ts'
import { residentMiB, startWorker } from './lib/workers.ts'

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 64)
const OUT = process.env.LOAD_OUT ?? join(ROOT, 'bench/results')

const tmp = mkdtempSync(join(tmpdir(), 'load-'))
const worker = await startWorker({ scriptPath: deployBundle(join(tmp, 'bundle')), assetsDir: ASSETS_DIR })
const stop = async () => {
  await worker.dispose().catch(() => {})
  rmSync(tmp, { recursive: true, force: true })
}
const guard = setTimeout(() => void stop().then(() => process.exit(2)), (SECONDS + 120) * 1000)
guard.unref()

try {
  const etag = (await fetch(`${worker.url}/feed.xml`)).headers.get('etag') ?? '"none"'
  const slug = /\/articles\/([^"<]+)/.exec(await (await fetch(`${worker.url}/`)).text())?.[1] ?? 'x'

  /**
   * The mix: each request with the statuses that are right for it. HEAD is not in it: autocannon's
   * parser waits for a body after a HEAD response's Content-Length and stalls the connection
   * (HEAD is covered by the tests in tests/http/).
   */
  const kinds: { name: string; request: autocannon.Request; expect: number[] }[] = [
    { name: 'GET RSS', request: { method: 'GET', path: '/feed.xml' }, expect: [200] },
    { name: 'GET Atom', request: { method: 'GET', path: '/atom.xml' }, expect: [200] },
    {
      name: 'GET JSON Feed (gzip)',
      request: { method: 'GET', path: '/feed.json', headers: { 'accept-encoding': 'gzip' } },
      expect: [200],
    },
    { name: 'GET index', request: { method: 'GET', path: '/' }, expect: [200] },
    { name: 'GET article', request: { method: 'GET', path: `/articles/${slug}` }, expect: [200] },
    {
      name: '304 RSS',
      request: { method: 'GET', path: '/feed.xml', headers: { 'if-none-match': etag } },
      expect: [304],
    },
    {
      name: '304 by date',
      request: { method: 'GET', path: '/atom.xml', headers: { 'if-modified-since': 'Fri, 01 Jan 2100 00:00:00 GMT' } },
      expect: [304],
    },
    {
      name: 'negotiated Atom',
      request: { method: 'GET', path: '/feed', headers: { accept: 'application/atom+xml' } },
      expect: [200],
    },
    {
      name: 'preflight',
      request: {
        method: 'OPTIONS',
        path: '/feed.json',
        headers: { origin: 'https://x.example', 'access-control-request-method': 'GET' },
      },
      expect: [204],
    },
    { name: 'unknown path', request: { method: 'GET', path: '/wp-login.php' }, expect: [404] },
    { name: 'bad escape', request: { method: 'GET', path: '/articles/%zz%c3%28' }, expect: [404] },
    { name: 'POST feed', request: { method: 'POST', path: '/feed.xml' }, expect: [405] },
    {
      name: 'nothing acceptable',
      request: { method: 'GET', path: '/feed', headers: { accept: 'image/png' } },
      expect: [406],
    },
    {
      name: 'garbage validators',
      request: {
        method: 'GET',
        path: '/feed.json',
        headers: { 'if-none-match': 'W/"', 'if-modified-since': 'soon', range: 'bytes=abc' },
      },
      expect: [200],
    },
    { name: 'trailing slash', request: { method: 'GET', path: '/feed.xml/' }, expect: [301] },
  ]
  const counts = new Map<string, Map<number, number>>(kinds.map((k) => [k.name, new Map()]))
  const requests = kinds.map((k) => ({
    ...k.request,
    onResponse: (status: number) => {
      const byStatus = counts.get(k.name) as Map<number, number>
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1)
    },
  }))

  const memoryStart = residentMiB(worker.pid)
  console.log(
    `load: ${CONNECTIONS} connections for ${SECONDS} s against ${worker.url} (workerd pid ${worker.pid}, ${memoryStart?.toFixed(1)} MiB)`,
  )
  const result = await autocannon({ url: worker.url, connections: CONNECTIONS, duration: SECONDS, requests })
  const memoryEnd = residentMiB(worker.pid)

  // workerd's own memory grows under this load even for a Worker that only returns constant bytes
  // (seen: 55 → 480 MiB in 21 s), so the product's growth is read against that baseline, same load.
  await worker.dispose()
  const trivialJs = join(tmp, 'trivial.js')
  writeFileSync(
    trivialJs,
    limitWorkerSource([
      { path: '/feed.xml', headers: [['content-type', 'application/rss+xml']], body: new Uint8Array(4096).fill(32) },
    ]),
  )
  const trivial = await startWorker({ scriptPath: trivialJs })
  const baselineStart = residentMiB(trivial.pid)
  await autocannon({ url: `${trivial.url}/feed.xml`, connections: CONNECTIONS, duration: SECONDS })
  const baselineEnd = residentMiB(trivial.pid)
  await trivial.dispose()
  const growth = memoryStart !== undefined && memoryEnd !== undefined ? memoryEnd - memoryStart : undefined
  const baselineGrowth =
    baselineStart !== undefined && baselineEnd !== undefined ? baselineEnd - baselineStart : undefined
  const flat = growth !== undefined && baselineGrowth !== undefined ? growth <= baselineGrowth * 1.25 + 16 : undefined

  const perKind = kinds.map((k) => {
    const byStatus = Object.fromEntries(counts.get(k.name) as Map<number, number>)
    const unexpected = Object.entries(byStatus)
      .filter(([s]) => !k.expect.includes(Number(s)))
      .reduce((a, [, n]) => a + n, 0)
    return { name: k.name, expect: k.expect, byStatus, unexpected }
  })
  const unexpected = perKind.reduce((a, k) => a + k.unexpected, 0)
  const serverErrors = result['5xx']
  const report = {
    seconds: SECONDS,
    connections: CONNECTIONS,
    requests: result.requests.total,
    rps: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    unexpectedStatuses: unexpected,
    serverErrors,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    memoryMiB: {
      start: memoryStart,
      end: memoryEnd,
      delta: growth,
      trivialWorkerStart: baselineStart,
      trivialWorkerEnd: baselineEnd,
      trivialWorkerDelta: baselineGrowth,
      flatAgainstRuntime: flat,
    },
    perKind,
  }
  mkdirSync(OUT, { recursive: true })
  writeFileSync(join(OUT, 'load.json'), `${JSON.stringify(report, null, 2)}\n`)
  const lines = [
    `requests ${report.requests} in ${SECONDS} s (${Math.round(report.rps)} req/s average), ${CONNECTIONS} connections`,
    `unexpected statuses ${unexpected}, 5xx ${serverErrors}, socket errors ${result.errors}, timeouts ${result.timeouts}`,
    `latency p50 ${report.latencyMs.p50} ms, p90 ${report.latencyMs.p90} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms`,
    `workerd memory ${memoryStart?.toFixed(1)} → ${memoryEnd?.toFixed(1)} MiB (${growth?.toFixed(1)} MiB); a trivial constant-bytes Worker under the same load: ${baselineStart?.toFixed(1)} → ${baselineEnd?.toFixed(1)} MiB (${baselineGrowth?.toFixed(1)} MiB): ${flat ? "no growth beyond the runtime's own" : "GROWS beyond the runtime's own"}`,
    ...perKind.map(
      (k) =>
        `  ${k.name.padEnd(22)} ${JSON.stringify(k.byStatus)}${k.unexpected ? `  UNEXPECTED ${k.unexpected} (expected ${k.expect.join('/')})` : ''}`,
    ),
  ]
  console.log(lines.map((l) => `load: ${l}`).join('\n'))
  process.exitCode =
    unexpected > 0 || serverErrors > 0 || result.errors > 0 || result.timeouts > 0 || flat === false ? 1 : 0
} finally {
  await stop()
}
