/** Starting Workers in workerd on 127.0.0.1 through Miniflare's API (not `wrangler dev`, whose proxy caps throughput). */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname } from 'node:path'
import { Log, LogLevel, Miniflare } from 'miniflare'

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  /** Path of an ES module bundle. */
  scriptPath: string
  compatibilityFlags?: string[]
  bindings?: Record<string, string>
  /** Static Assets folder served through the `ASSETS` binding, as `[assets]` in wrangler.toml says. */
  assetsDir?: string
  /** Bind the site's hub (`HUB`, the bundle's `Hub` class with SQLite storage), as wrangler.toml does. */
  hub?: boolean
  /** The source of the Worker between this one and Static Assets (default: a pass-through): faults are injected there. */
  contentScript?: string
}

/** A running Worker: its URL, the workerd process serving it, and how to stop it. */
export interface RunningWorker {
  url: string
  pid: number | undefined
  /** The Miniflare instance: its Durable Object namespaces for RPC from Node. */
  mf: Miniflare
  dispose(): Promise<void>
}

/** The project's compatibility date, read from wrangler.toml so the bench runs what deploy runs. */
export function compatibilityDate(): string {
  const toml = readFileSync(new URL('../../wrangler.toml', import.meta.url), 'utf8')
  return /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? '2026-07-30'
}

function workerdPids(): Set<number> {
  try {
    const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    return new Set(
      out
        .split('\n')
        .filter((l) => l.includes('workerd'))
        .map((l) => Number(l.trim().split(/\s+/)[0])),
    )
  } catch {
    return new Set()
  }
}

/**
 * On a small machine the load generator and the server fight for the same cores, which makes
 * side-by-side ratios noisy. When there are at least two cores, every workerd runs on the last one
 * and the load generator on the others (see `load.ts`); `BENCH_PIN=0` turns this off.
 */
export const PINNING = process.env.BENCH_PIN !== '0' && cpus().length >= 2 && hasTaskset()
export const WORKER_CPU = cpus().length - 1

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function pinToCore(pid: number, cpu: number): void {
  if (!PINNING) return
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' })
  } catch {
    // Not allowed here: run unpinned.
  }
}

/** Starts one Worker in its own workerd process, listening on 127.0.0.1 (a free port). */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const before = workerdPids()
  const worker = {
    name: 'worker',
    modules: true,
    scriptPath: options.scriptPath,
    modulesRoot: dirname(options.scriptPath),
    compatibilityDate: compatibilityDate(),
    compatibilityFlags: options.compatibilityFlags ?? [],
    bindings: options.bindings ?? {},
    // As wrangler.toml's [version_metadata]: the deployment's id and time (Cache API keys, Last-Modified).
    versionMetadata: 'CF_VERSION_METADATA',
    ...(options.hub && { durableObjects: { HUB: { className: 'Hub', useSQLite: true } } }),
    // A socket straight to the Worker, past Miniflare's entry Worker (which emulates Cloudflare's
    // front line in JavaScript and costs more per request than the Workers measured here).
    unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
  }
  // Static Assets in a Worker of their own, bound as ASSETS: miniflare routes a direct socket to a
  // Worker that has assets through its asset router (JavaScript, several hops, a third of the
  // throughput), whereas with run_worker_first every request reaches this Worker at once on Cloudflare.
  const content = options.assetsDir && {
    name: 'content',
    modules: true,
    script: options.contentScript ?? 'export default { fetch(request, env) { return env.ASSETS.fetch(request) } }',
    compatibilityDate: compatibilityDate(),
    assets: {
      directory: options.assetsDir,
      binding: 'ASSETS',
      // A content script of its own sees every read (else the asset router answers the files itself).
      ...(options.contentScript && {
        routerConfig: { invoke_user_worker_ahead_of_assets: true, has_user_worker: true },
      }),
    },
  }
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    // No per-request log lines: Miniflare would otherwise send one to Node for every request.
    log: new Log(LogLevel.NONE),
    workers: content ? [{ ...worker, serviceBindings: { ASSETS: 'content' } }, content] : [worker],
  })
  await mf.ready
  const url = (await mf.unsafeGetDirectURL('worker')).toString().replace(/\/$/, '')
  const pid = [...workerdPids()].find((p) => !before.has(p))
  if (pid !== undefined) pinToCore(pid, WORKER_CPU)
  return { url, pid, mf, dispose: () => mf.dispose() }
}

/** Resident memory of a process in MiB (VmRSS), or undefined when it cannot be read. */
export function residentMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : undefined
  } catch {
    return undefined
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds, from its threads' schedstat (ns). */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    let ns = 0
    for (const task of execFileSync('ls', [`/proc/${pid}/task`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0])
    }
    return ns / 1e6
  } catch {
    return undefined
  }
}
