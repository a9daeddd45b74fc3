/**
 * `npm run bench`: the built Worker against the physical limit and the common approach, measured
 * side by side in one run, plus cold start, bundle size and memory. Loopback only; bounded; stops itself.
 *
 * Settings (environment): BENCH_SECONDS (per run, default 3), BENCH_ROUNDS (default 3),
 * BENCH_CONNECTIONS (default 16), BENCH_SIZES (cold-start article counts, default 1,100,1000,10000),
 * BENCH_OUT (results folder, default bench/results), BENCH_GENERATOR=autocannon (instead of wrk).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildContent, bundleWith, deployBundle, ROOT, sizes } from './lib/bundle.ts'
import { limitWorkerSource, type Captured } from './lib/limit-worker.ts'
import { generator, measure, type LoadResult } from './lib/load.ts'
import { cpuMs, PINNING, residentMiB, startWorker, type RunningWorker } from './lib/workers.ts'
import { generateArticles } from './generate-articles.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const SIZES = (process.env.BENCH_SIZES ?? '1,100,1000,10000').split(',').map(Number)
const OUT = process.env.BENCH_OUT ?? join(ROOT, 'bench/results')
const FORMATS = [
  { name: 'RSS', path: '/feed.xml' },
  { name: 'Atom', path: '/atom.xml' },
  { name: 'JSON Feed', path: '/feed.json' },
]

const tmp = mkdtempSync(join(tmpdir(), 'bench-'))
const running: RunningWorker[] = []
async function cleanup() {
  await Promise.allSettled(running.map((w) => w.dispose()))
  rmSync(tmp, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanup().then(() => process.exit(130)))
const deadline = setTimeout(() => {
  console.error('bench: time limit reached, stopping')
  void cleanup().then(() => process.exit(2))
}, 15 * 60_000)
deadline.unref()

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}
const round1 = (x: number) => Math.round(x * 10) / 10
const log = (s: string) => console.log(`bench: ${s}`)

async function start(name: string, scriptPath: string, flags: string[] = []): Promise<RunningWorker> {
  const w = await startWorker({ scriptPath, compatibilityFlags: flags })
  running.push(w)
  log(`${name} on ${w.url} (workerd pid ${w.pid ?? '?'})`)
  return w
}

interface Row {
  target: string
  server: string
  rps: number
  p50ms: number
  p99ms: number
  ratioToLimit: number | null
  errors: number
  rounds: LoadResult[]
}

async function throughput(): Promise<{ rows: Row[]; bundles: Record<string, { raw: number; gzip: number }> }> {
  log(`building the deploy bundle and the peer (wrangler deploy --dry-run)`)
  const productJs = deployBundle(join(tmp, 'product'))
  // The peer as a user of `feed` would deploy it: wrangler, its own config, nodejs_compat.
  const peerBundle = deployBundle(join(tmp, 'peer'), join(ROOT, 'bench/peer/wrangler.toml'))
  const codeOnly = await bundleWith(join(ROOT, 'src/index.ts'), join(tmp, 'code-only.js'), writeEmptyArticles())

  const product = await start('product', productJs)
  const captured: Captured[] = []
  const etags: Record<string, string> = {}
  for (const f of FORMATS) {
    const res = await fetch(product.url + f.path)
    const headers = [...res.headers].filter(([k]) => !['content-length', 'content-encoding', 'date'].includes(k))
    captured.push({ path: f.path, headers, body: new Uint8Array(await res.arrayBuffer()) })
    const etag = res.headers.get('etag')
    if (etag) etags[f.path] = etag
  }
  const limitJs = join(tmp, 'limit.js')
  writeFileSync(limitJs, limitWorkerSource(captured))
  const limit = await start('limit (module-scope bytes)', limitJs)
  const peer = await start('peer (Hono + feed per request)', peerBundle, ['nodejs_compat'])
  for (const w of [limit, peer]) for (const f of FORMATS) if ((await fetch(w.url + f.path)).status !== 200) throw new Error(`${w.url}${f.path} is not 200`)

  const servers = { limit, product, peer }
  const results = new Map<string, LoadResult[]>()
  const add = (key: string, r: LoadResult) => results.set(key, [...(results.get(key) ?? []), r])
  for (let round = 1; round <= ROUNDS; round++) {
    for (const f of FORMATS) {
      // Alternate the order each round so no server always runs first or last.
      const order = (['limit', 'product', 'peer'] as const).slice()
      if (round % 2 === 0) order.reverse()
      for (const name of order) add(`${f.name}|${name}`, await measure({ url: servers[name].url + f.path, seconds: SECONDS, connections: CONNECTIONS }))
      const etag = etags[f.path]
      if (etag) add(`${f.name} 304|product`, await measure({ url: product.url + f.path, seconds: SECONDS, connections: CONNECTIONS, headers: { 'If-None-Match': etag } }))
    }
    log(`round ${round}/${ROUNDS} done`)
  }

  const rows: Row[] = []
  for (const f of FORMATS) {
    const limitRps = median((results.get(`${f.name}|limit`) ?? []).map((r) => r.rps))
    for (const [target, server] of [[f.name, 'limit'], [f.name, 'product'], [f.name, 'peer'], [`${f.name} 304`, 'product']] as const) {
      const runs = results.get(`${target}|${server}`)
      if (!runs) {
        rows.push({ target, server, rps: NaN, p50ms: NaN, p99ms: NaN, ratioToLimit: null, errors: 0, rounds: [] })
        continue
      }
      const rps = median(runs.map((r) => r.rps))
      rows.push({
        target,
        server,
        rps: round1(rps),
        p50ms: round1(median(runs.map((r) => r.p50ms)) * 100) / 100,
        p99ms: round1(median(runs.map((r) => r.p99ms)) * 100) / 100,
        ratioToLimit: Math.round((rps / limitRps) * 1000) / 1000,
        errors: runs.reduce((a, r) => a + r.errors, 0),
        rounds: runs,
      })
    }
  }
  for (const w of [limit, product, peer]) await w.dispose()
  running.length = 0
  return { rows, bundles: { deploy: sizes(productJs), codeOnly: sizes(codeOnly), peer: sizes(peerBundle) } }
}

function writeEmptyArticles(): string {
  const file = join(tmp, 'empty-articles.ts')
  writeFileSync(file, 'export const articles = []\n')
  return file
}

interface ColdRow {
  articles: number
  seedBytes: number
  bundleBytes: number
  /** Fresh V8 isolate (Node): CPU to evaluate the module (articles JSON) and to build the 3 feeds + index. */
  isolateModuleCpuMs: number
  isolateBuildCpuMs: number
  /** Fresh workerd process: wall time and CPU of the first requests (3 feeds + index), and the same for a trivial Worker. */
  firstRequestsWallMs: number
  workerdCpuMs: number | null
  trivialWorkerdCpuMs: number | null
  memoryMiB: number | null
}

/** A fresh Node process evaluating `bundle` and building every representation; see bench/cold-isolate.ts. */
async function coldIsolate(bundle: string): Promise<{ moduleCpuMs: number; buildCpuMs: number }> {
  const runner = await bundleWith(join(ROOT, 'bench/cold-isolate.ts'), join(tmp, 'cold-isolate.js'))
  const out = execFileSync(process.execPath, [runner], { env: { ...process.env, COLD_BUNDLE: pathToFileURL(bundle).href }, encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').at(-1) as string)
}

/** Cold start: a fresh workerd per size, timing the first request of every feed and the index. */
async function coldStarts(): Promise<ColdRow[]> {
  const rows: ColdRow[] = []
  // The runtime's own cost of a fresh process answering four first requests, to read our share.
  const trivialJs = join(tmp, 'trivial.js')
  writeFileSync(trivialJs, limitWorkerSource(['/feed.xml', '/atom.xml', '/feed.json', '/'].map((path) => ({ path, headers: [], body: new Uint8Array([120]) }))))
  for (const count of SIZES) {
    const dir = join(tmp, `seeds-${count}`)
    const seedBytes = generateArticles(dir, count)
    const articlesModule = join(tmp, `articles-${count}.ts`)
    buildContent(dir, articlesModule)
    const js = await bundleWith(join(ROOT, 'src/index.ts'), join(tmp, `cold-${count}.js`), articlesModule)
    const w = await start(`cold start, ${count} articles`, js)
    const cpuBefore = cpuMs(w.pid)
    const t0 = performance.now()
    for (const path of [...FORMATS.map((f) => f.path), '/']) {
      const res = await fetch(w.url + path)
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    }
    const wall = performance.now() - t0
    const cpuAfter = cpuMs(w.pid)
    const memoryMiB = residentMiB(w.pid) ?? null
    await w.dispose()
    running.splice(running.indexOf(w), 1)
    const trivial = await start('trivial Worker', trivialJs)
    const trivialBefore = cpuMs(trivial.pid)
    for (const path of [...FORMATS.map((f) => f.path), '/']) await (await fetch(trivial.url + path)).arrayBuffer()
    const trivialAfter = cpuMs(trivial.pid)
    await trivial.dispose()
    running.splice(running.indexOf(trivial), 1)
    const isolate = await coldIsolate(js)
    rows.push({
      articles: count,
      seedBytes,
      bundleBytes: sizes(js).raw,
      isolateModuleCpuMs: round1(isolate.moduleCpuMs),
      isolateBuildCpuMs: round1(isolate.buildCpuMs),
      firstRequestsWallMs: round1(wall),
      workerdCpuMs: cpuBefore !== undefined && cpuAfter !== undefined ? round1(cpuAfter - cpuBefore) : null,
      trivialWorkerdCpuMs: trivialBefore !== undefined && trivialAfter !== undefined ? round1(trivialAfter - trivialBefore) : null,
      memoryMiB,
    })
  }
  return rows
}

function machine() {
  return { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, generator, connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, pinned: PINNING }
}

function markdown(result: { machine: ReturnType<typeof machine>; rows: Row[]; cold: ColdRow[]; bundles: Record<string, { raw: number; gzip: number }>; targets: { name: string; pass: boolean; detail: string }[] }): string {
  const fmt = (x: number) => (Number.isFinite(x) ? String(x) : 'n/a')
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`
  const m = result.machine
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${m.cores} cores (${m.cpu}), ${m.node}, ${m.generator} with ${m.connections} connections, ${m.rounds} rounds × ${m.seconds} s per server, servers alternated${m.pinned ? '; workerd pinned to one core, the load generator to the other(s)' : ''}.`,
    '',
    '| Target | Server | req/s (median) | p50 ms | p99 ms | vs limit | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.rows.map((r) => `| ${r.target} | ${r.server} | ${fmt(r.rps)} | ${fmt(r.p50ms)} | ${fmt(r.p99ms)} | ${r.ratioToLimit === null ? 'n/a' : `${Math.round(r.ratioToLimit * 100)} %`} | ${r.errors} |`),
    '',
    'Cold start. *V8 isolate*: a fresh Node process (the V8 that workerd embeds) evaluates the bundle (module CPU: parsing the bundled articles) and builds every representation (3 feeds + index: build CPU). *workerd*: a fresh workerd process answering the same four first requests, wall time and process CPU counted from the first request (workerd evaluates the module when it starts), next to a trivial Worker doing the same (the runtime\'s own share).',
    '',
    '| Articles | seeds | bundle | V8 module CPU | V8 build CPU | workerd wall | workerd CPU | trivial Worker CPU | workerd RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.cold.map((c) => `| ${c.articles} | ${kb(c.seedBytes)} | ${kb(c.bundleBytes)} | ${c.isolateModuleCpuMs} ms | ${c.isolateBuildCpuMs} ms | ${c.firstRequestsWallMs} ms | ${c.workerdCpuMs ?? 'n/a'} ms | ${c.trivialWorkerdCpuMs ?? 'n/a'} ms | ${c.memoryMiB?.toFixed(1) ?? 'n/a'} MiB |`),
    '',
    `Bundle: deploy (1 seed article) ${kb(result.bundles.deploy!.raw)} raw / ${kb(result.bundles.deploy!.gzip)} gzip; code only ${kb(result.bundles.codeOnly!.raw)} / ${kb(result.bundles.codeOnly!.gzip)}; the peer (Hono + feed + xml-js + sax, nodejs_compat) ${kb(result.bundles.peer!.raw)} / ${kb(result.bundles.peer!.gzip)}.`,
    '',
    '| Goal | Result |',
    '| --- | --- |',
    ...result.targets.map((t) => `| ${t.name} | ${t.pass ? 'PASS' : 'GAP'}: ${t.detail} |`),
    '',
  ].join('\n')
}

try {
  log(`load generator: ${generator}`)
  const { rows, bundles } = await throughput()
  const cold = await coldStarts()
  const targets = []
  for (const f of FORMATS) {
    const p = rows.find((r) => r.target === f.name && r.server === 'product')!
    targets.push({ name: `${f.name} 200 ≥ 90 % of limit`, pass: (p.ratioToLimit ?? 0) >= 0.9, detail: `${Math.round((p.ratioToLimit ?? 0) * 100)} %` })
    const n = rows.find((r) => r.target === `${f.name} 304`)!
    targets.push({ name: `${f.name} 304 ≥ limit's 200`, pass: (n.ratioToLimit ?? 0) >= 1, detail: `${Math.round((n.ratioToLimit ?? 0) * 100)} %` })
  }
  const thousand = cold.find((c) => c.articles === 1000)
  if (thousand) {
    const cpu = thousand.isolateModuleCpuMs + thousand.isolateBuildCpuMs
    targets.push({ name: 'cold build, 1,000 articles, < 10 ms CPU', pass: cpu < 10, detail: `${round1(cpu)} ms in a fresh V8 isolate (module ${thousand.isolateModuleCpuMs} + build ${thousand.isolateBuildCpuMs}); workerd process ${thousand.workerdCpuMs} ms vs ${thousand.trivialWorkerdCpuMs} ms for a trivial Worker` })
  }
  const result = { machine: machine(), rows, cold, bundles, targets }
  mkdirSync(OUT, { recursive: true })
  writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`)
  const md = markdown(result)
  writeFileSync(join(OUT, 'latest.md'), md)
  console.log(`\n${md}`)
  log(`results in ${OUT}/latest.json and latest.md`)
} finally {
  await cleanup()
}
