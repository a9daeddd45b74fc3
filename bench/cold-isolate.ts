/**
 * Runs inside a fresh Node process (a fresh V8 isolate, the engine workerd embeds), bundled by the
 * benchmark: measures the CPU time to evaluate the Worker module, then the CPU time of one first
 * request (COLD_PATH), with the content read from disk through an `ASSETS` stand-in (file reads:
 * I/O, next to no CPU). Prints one JSON line.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

const assetsDir = process.env.COLD_ASSETS as string
const ASSETS = {
  async fetch(input: string | Request) {
    const path = decodeURIComponent(new URL(typeof input === 'string' ? input : input.url).pathname)
    try {
      return new Response(await readFile(join(assetsDir, path)))
    } catch {
      return new Response('not found', { status: 404 })
    }
  },
}
const ctx = { waitUntil() {}, passThroughOnException() {} }
const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000

// Node loads its own fetch, WebCrypto and compression code lazily on first use; workerd has them
// built in. Use each once first, so the figures below are the Worker's code and nothing of Node's.
await new Response(new Blob([new Uint8Array(2048)]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer()
await crypto.subtle.digest('SHA-256', new Uint8Array(8))
await new Request('http://127.0.0.1/').text()
new TextEncoder().encode('x')

const start = process.cpuUsage()
const { default: worker } = await import(process.env.COLD_BUNDLE as string)
const moduleCpuMs = ms(process.cpuUsage(start))
const before = process.cpuUsage()
const res: Response = await worker.fetch(
  new Request(`http://127.0.0.1${process.env.COLD_PATH ?? '/feed.xml'}`),
  { ASSETS },
  ctx,
)
await res.arrayBuffer()
const requestCpuMs = ms(process.cpuUsage(before))
if (res.status !== 200) throw new Error(`${process.env.COLD_PATH}: ${res.status}`)
console.log(JSON.stringify({ moduleCpuMs, requestCpuMs }))
