import { env } from 'cloudflare:workers'

/** A fault the fault Worker (tests/helpers/fault-worker.js) injects into every read after it is set. */
export type Fault =
  | { mode: 'none' }
  | { mode: 'status'; status: number }
  | { mode: 'throw' | 'reset' | 'hang' | 'stall' | 'cut' | 'no-manifest' | 'all-404' | 'flaky' }
  | { mode: 'slow'; ms: number }
  | { mode: 'cache-throw' | 'cache-hang' | 'cache-cut' | 'cache-flip' | 'cache-put-hang' }

/** The copies of the fault Worker (vitest.config.ts): one per test file that injects faults. */
export type FaultWorkerName = 'FAULTS_CONTENT' | 'FAULTS_CACHE' | 'FAULTS_HUB'

/** One copy of the fault Worker, reached through its service binding, and how to drive it. */
export class FaultWorker {
  /** The binding itself: what the Worker under test gets as `ASSETS`. */
  readonly binding: Fetcher

  constructor(name: FaultWorkerName) {
    this.binding = (env as unknown as Record<FaultWorkerName, Fetcher>)[name]
  }

  /** Serves `files` (as `packCorpus` lays them out) from now on. */
  async serve(files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
    const sent: Record<string, string> = {}
    for (const [path, file] of files) {
      const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file
      let binary = ''
      for (const byte of bytes) binary += String.fromCharCode(byte)
      sent[path] = btoa(binary)
    }
    await this.#control('/files', sent)
  }

  /** Injects `fault` into every read from now on (`{ mode: 'none' }` clears it). */
  async inject(fault: Fault): Promise<void> {
    await this.#control('/fault', fault)
  }

  /** Content reads since the fault was last set. */
  async reads(): Promise<number> {
    return ((await (await this.binding.fetch('https://control/reads')).json()) as { reads: number }).reads
  }

  /**
   * A Cache API whose `match` and `put` go to the fault Worker's own Cache API (faults included):
   * the `cache` option of `createWorker`. Only the two methods the Worker uses are there.
   */
  cache(): Cache {
    const binding = this.binding
    return {
      async match(url: RequestInfo | URL) {
        const response = await binding.fetch('https://cache/match', {
          method: 'POST',
          body: JSON.stringify({ url: String(url) }),
        })
        return response.status === 404 ? undefined : response
      },
      async put(url: RequestInfo | URL, response: Response) {
        await binding.fetch(`https://cache/put?url=${encodeURIComponent(String(url))}`, {
          method: 'POST',
          headers: response.headers,
          body: await response.arrayBuffer(),
        })
      },
    } as unknown as Cache
  }

  async #control(path: string, body: unknown): Promise<void> {
    const response = await this.binding.fetch(`https://control${path}`, { method: 'PUT', body: JSON.stringify(body) })
    if (!response.ok) throw new Error(`fault worker ${path}: ${response.status} ${await response.text()}`)
  }
}
