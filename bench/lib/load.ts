/** One load run against a URL, with wrk when it is installed, else autocannon (npm). */
import { execFile, execFileSync } from 'node:child_process'
import autocannon from 'autocannon'
import { PINNING, WORKER_CPU } from './workers.ts'

/** Options of {@link measure}. */
export interface LoadOptions {
  url: string
  seconds: number
  connections: number
  headers?: Record<string, string>
}

/** What one run measured. */
export interface LoadResult {
  rps: number
  p50ms: number
  p99ms: number
  requests: number
  /** Responses outside 2xx/3xx, and socket errors. */
  errors: number
}

/** Which load generator this machine has: `wrk` (Debian package) or `autocannon`. */
export const generator: 'wrk' | 'autocannon' = (() => {
  if (process.env.BENCH_GENERATOR === 'autocannon') return 'autocannon'
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
    return 'wrk'
  } catch (error) {
    // wrk --version exits 1 but prints its version: it exists when the error is not ENOENT.
    return (error as { code?: string }).code === 'ENOENT' ? 'autocannon' : 'wrk'
  }
})()

/** Runs the load and reports req/s and latency percentiles. */
export function measure(options: LoadOptions): Promise<LoadResult> {
  return generator === 'wrk' ? wrk(options) : cannon(options)
}

function wrk(options: LoadOptions): Promise<LoadResult> {
  const args = [
    '-t',
    '2',
    '-c',
    String(options.connections),
    '-d',
    `${options.seconds}s`,
    '--latency',
    '--timeout',
    '5s',
  ]
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}: ${v}`)
  args.push(options.url)
  // wrk on the cores workerd does not use (see PINNING).
  const [command, argv] = PINNING
    ? ['taskset', ['-c', WORKER_CPU === 1 ? '0' : `0-${WORKER_CPU - 1}`, 'wrk', ...args]]
    : ['wrk', args]
  return new Promise((resolve, reject) => {
    execFile(command, argv as string[], { timeout: (options.seconds + 30) * 1000 }, (error, stdout) => {
      if (error) return reject(error)
      const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? NaN)
      const ms = (label: string) => {
        const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(stdout)
        if (!m) return NaN
        return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1)
      }
      const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout)
      resolve({
        rps: num(/Requests\/sec:\s+([\d.]+)/),
        p50ms: ms('50'),
        p99ms: ms('99'),
        requests: num(/(\d+) requests in/),
        errors:
          (num(/Non-2xx or 3xx responses: (\d+)/) || 0) +
          (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
      })
    })
  })
}

async function cannon(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
  })
  return {
    rps: result.requests.average,
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.non2xx - (result['3xx'] ?? 0) + result.errors + result.timeouts,
  }
}
