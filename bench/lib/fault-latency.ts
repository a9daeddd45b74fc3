/**
 * Time to answer while the content binding fails (issue: "the time to answer under a hanging and
 * under a slow binding, per route"). The Worker's `ASSETS` is a Worker of its own that passes reads
 * to Static Assets, and on command makes each read hang or wait. Per fault, two workerd processes:
 * one whose first requests meet the fault (a fresh isolate: the manifest too must be read), and one
 * that served `/feed.xml` before (the corpus open, that feed in memory).
 */
import { FAULT_POLICY } from '../../src/faults/policy.ts'
import type { Route } from './scale.ts'
import type { RunningWorker } from './workers.ts'

/** The content Worker: Static Assets, each read delayed as the last `PUT http://control/` said. */
export const FAULTY_CONTENT_SOURCE = `let fault = { mode: 'none' }
export default {
  async fetch(request, env) {
    if (new URL(request.url).hostname === 'control') {
      fault = await request.json()
      return new Response('ok')
    }
    const wait = fault.mode === 'hang' ? 120000 : fault.mode === 'slow' ? fault.ms : 0
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait))
    return env.ASSETS.fetch(request)
  },
}`

/** A fault the content Worker injects. */
export interface ContentFault {
  name: string
  mode: 'hang' | 'slow'
  ms?: number
}

export const CONTENT_FAULTS: ContentFault[] = [
  { name: 'every read hangs', mode: 'hang' },
  { name: 'every read takes 3 s', mode: 'slow', ms: 3_000 },
]

/** One route under one fault: status and time to answer (ms) in a fresh isolate and in one with the corpus open. */
export interface FaultRow {
  fault: string
  route: string
  fresh: { status: number; ms: number }
  warm: { status: number; ms: number }
}

async function timed(url: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  return { status: response.status, ms: Math.round(performance.now() - t0) }
}

async function inject(worker: RunningWorker, fault: ContentFault | { mode: 'none' }): Promise<void> {
  const content = await worker.mf.getWorker('content')
  await (await content.fetch('http://control/', { method: 'PUT', body: JSON.stringify(fault) })).arrayBuffer()
}

/**
 * Measures every route under every fault (`start` starts the product with the faulty content
 * Worker over the built corpus, `stop` stops it).
 */
export async function faultLatency(
  routes: readonly Route[],
  start: () => Promise<RunningWorker>,
  stop: (worker: RunningWorker) => Promise<void>,
): Promise<FaultRow[]> {
  const rows: FaultRow[] = []
  for (const fault of CONTENT_FAULTS) {
    const fresh = await start()
    await inject(fresh, fault)
    const first = await Promise.all(routes.map((r) => timed(`${fresh.url}${r.path}`)))
    await stop(fresh)
    const warm = await start()
    const opened = await timed(`${warm.url}/feed.xml`)
    if (opened.status !== 200) throw new Error(`faults: /feed.xml answered ${opened.status} before the fault`)
    await inject(warm, fault)
    const later = await Promise.all(routes.map((r) => timed(`${warm.url}${r.path}`)))
    await stop(warm)
    routes.forEach((route, i) => {
      rows.push({ fault: fault.name, route: route.name, fresh: first[i]!, warm: later[i]! })
    })
  }
  return rows
}

/** The goal: every answer within the request's budget (and the backstop's quarter second). */
export const FAULT_ANSWER_GOAL_MS = FAULT_POLICY.requestBudgetMs + 250
