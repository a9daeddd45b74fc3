/**
 * The hub's fan-out (issue: "1,000 subscribers on loopback"): a Worker with its hub and 1,000
 * articles, one of them scheduled; 1,000 callbacks on one loopback server subscribe to the site's
 * three feeds (a third each, each with a secret); then the scheduled article appears and the hub
 * pushes it with no request arriving. Measured: time from the article's second to the first and last
 * delivery, deliveries per callback, signatures, and per alarm invocation (from `Hub.stats`) the
 * subrequests made and the CPU time workerd spent.
 */
import { createHmac } from 'node:crypto'
import type { InvocationRecord } from '../../src/hub/invocation.ts'
import { HUB_POLICY } from '../../src/hub/policy.ts'
import { startSubscriber } from '../../tests/helpers/subscriber.ts'
import { cpuMs, type RunningWorker } from './workers.ts'

/** What {@link hubFanout} measured. */
export interface HubFanout {
  subscribers: number
  /** From the article's second to the first and to the last delivery, in ms. */
  firstDeliveryMs: number
  lastDeliveryMs: number
  /** Callbacks that got exactly one delivery, and deliveries whose signature checked out. */
  deliveredOnce: number
  signed: number
  /** Alarm invocations of the fan-out, the most subrequests one made, and workerd's CPU time per invocation (ms). */
  invocations: number
  maxSubrequests: number
  cpuMsPerInvocation: number
  /** The limit (bench/lib/fanout-limit.ts) posting the same bytes to the same 1,000 callbacks: its invocations and CPU per invocation. */
  limitInvocations: number
  limitCpuMsPerInvocation: number
  /** Verifications of the 1,000 subscriptions: time from the first request to the last verification, in ms. */
  subscribeMs: number
}

/** What the fan-out needs of the benchmark: a build, a Worker with its hub, the limit, and the log. */
export interface FanoutSetup {
  /** Writes 1,000 articles, one scheduled at `at` (ms), and builds them; returns the assets folder. */
  build(at: number): string
  start(assets: string): Promise<RunningWorker>
  /** Starts the limit's Worker (its Durable Object bound as `HUB`). */
  startLimit(): Promise<RunningWorker>
  log(line: string): void
}

/** Subscribers (BENCH_HUB_SUBSCRIBERS, default the 1,000: the most one callback host may hold). */
const COUNT = Number(process.env.BENCH_HUB_SUBSCRIBERS ?? 1000)
const FEEDS = ['/feed.xml', '/atom.xml', '/feed.json']

export async function hubFanout(setup: FanoutSetup): Promise<HubFanout> {
  // Far enough ahead for the build, the start and the verifications on a loaded 2-core machine.
  const at = Math.ceil((Date.now() + 12_000 + COUNT * 20) / 1000) * 1000
  const worker = await setup.start(setup.build(at))
  const subscriber = await startSubscriber()
  const callbacks = Array.from({ length: COUNT }, (_, i) => `${subscriber.origin}/ok/s${i}`)
  const began = Date.now()
  let next = 0
  const post = async () => {
    while (next < COUNT) {
      const i = next++
      const form = new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.topic': worker.url + FEEDS[i % FEEDS.length],
        'hub.callback': callbacks[i] as string,
        'hub.secret': `secret-${i}`,
      })
      let response = await fetch(`${worker.url}/websub`, { method: 'POST', body: form })
      // As a polite client: a 429 with Retry-After (requests awaiting verification) is tried again.
      while (response.status === 429 && response.headers.has('Retry-After')) {
        await response.body?.cancel()
        await new Promise((resolve) => setTimeout(resolve, 200))
        response = await fetch(`${worker.url}/websub`, { method: 'POST', body: form })
      }
      if (response.status !== 202)
        throw new Error(`hub: subscribing ${i} answered ${response.status}: ${await response.text()}`)
    }
  }
  await Promise.all(Array.from({ length: 8 }, post))
  const stats = async (): Promise<InvocationRecord[]> => {
    const namespace = await worker.mf.getDurableObjectNamespace('HUB')
    const stub = namespace.get(namespace.idFromName('hub')) as unknown as { stats(): Promise<InvocationRecord[]> }
    return stub.stats()
  }
  await until(async () => (await stats()).reduce((n, r) => n + r.verifications, 0) >= COUNT, at - Date.now())
  const subscribeMs = Math.max(...subscriber.log.filter((r) => r.method === 'GET').map((r) => r.at)) - began
  if (Date.now() >= at - 1_000) throw new Error('hub: subscribing took longer than the lead time')
  setup.log(
    `hub: 1,000 subscribed in ${subscribeMs} ms; the article appears in ${((at - Date.now()) / 1000).toFixed(1)} s`,
  )
  await new Promise((resolve) => setTimeout(resolve, at - 500 - Date.now()))
  const cpuBefore = cpuMs(worker.pid) ?? Number.NaN
  const posts = () => subscriber.log.filter((r) => r.method === 'POST')
  await until(async () => posts().length >= COUNT, 120_000)
  const cpuAfter = cpuMs(worker.pid) ?? Number.NaN
  const delivered = posts()
  const fanout = (await stats()).filter((r) => r.at >= at - 500)
  const perCallback = new Map<string, number>()
  let signed = 0
  for (const d of delivered) {
    const path = d.url
    perCallback.set(path, (perCallback.get(path) ?? 0) + 1)
    const i = Number(path.slice('/ok/s'.length))
    const mac = createHmac('sha256', `secret-${i}`).update(Buffer.from(d.body, 'utf8')).digest('hex')
    if (d.headers['x-hub-signature'] === `sha256=${mac}`) signed++
  }
  const limit = await measureLimit(setup, callbacks, delivered[0] as (typeof delivered)[0], subscriber.log)
  subscriber.server.close()
  const times = delivered.map((d) => d.at - at)
  return {
    subscribers: COUNT,
    firstDeliveryMs: Math.min(...times),
    lastDeliveryMs: Math.max(...times),
    deliveredOnce: [...perCallback.values()].filter((n) => n === 1).length,
    signed,
    invocations: fanout.length,
    maxSubrequests: Math.max(...fanout.map((r) => r.subrequests)),
    cpuMsPerInvocation: round2((cpuAfter - cpuBefore) / Math.max(1, fanout.length)),
    ...limit,
    subscribeMs,
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100

/** The limit posts the first delivery's bytes to every callback; its workerd CPU per invocation. */
async function measureLimit(
  setup: FanoutSetup,
  callbacks: readonly string[],
  sample: { body: string; headers: Record<string, string> },
  log: readonly { method: string }[],
): Promise<{ limitInvocations: number; limitCpuMsPerInvocation: number }> {
  const worker = await setup.startLimit()
  const namespace = await worker.mf.getDurableObjectNamespace('HUB')
  const stub = namespace.get(namespace.idFromName('limit')) as unknown as {
    start(urls: readonly string[], body: string, type: string, batch: number): Promise<void>
    stats(): Promise<number>
  }
  const posts = () => log.filter((r) => r.method === 'POST').length
  const goal = posts() + callbacks.length
  const before = cpuMs(worker.pid) ?? Number.NaN
  await stub.start(callbacks, sample.body, sample.headers['content-type'] ?? '', HUB_POLICY.callbacksPerInvocation)
  await until(async () => posts() >= goal, 120_000)
  const spent = (cpuMs(worker.pid) ?? Number.NaN) - before
  const invocations = await stub.stats()
  await worker.dispose()
  return { limitInvocations: invocations, limitCpuMsPerInvocation: round2(spent / Math.max(1, invocations)) }
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!(await check()) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50))
}
