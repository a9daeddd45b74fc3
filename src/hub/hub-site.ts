import { type Env, readConfig } from '../config.ts'
import { assetFiles, type ContentFiles, countedFiles } from '../corpus/files.ts'
import { createWorker } from '../worker.ts'
import type { TopicDocument } from './topic-store.ts'
import { touchedBy } from './touched-topics.ts'

/** What the hub last saw of the site: its deployment (version and content) and how many scheduled articles had appeared. */
export type Seen = [deployment?: string, revealed?: number]

/**
 * The site as the hub's Durable Object sees it: the Worker's own code over the deployment's content,
 * without the Cache API (each call to it would be a subrequest of the invocation), every content
 * read reported (`onRead`) so the invocation counts it.
 */
export class HubSite {
  readonly #env: Env
  readonly #worker: ReturnType<typeof createWorker>

  constructor(env: Env, files: ContentFiles | undefined, onRead: () => void) {
    this.#env = env
    const source = files ?? (env.ASSETS && assetFiles(env.ASSETS))
    this.#worker = createWorker({ ...(source && { files: countedFiles(source, onRead) }), cacheApi: false })
  }

  /**
   * The topic's document as a `GET` of it returns it now; `gone` for a 404 or 410, `failed` for
   * anything else, a stale copy (`Age`, served while the content cannot be read) included: the
   * check is retried rather than taken as "unchanged".
   */
  async render(topic: string): Promise<TopicDocument | 'gone' | 'failed'> {
    let response: Response
    try {
      response = await this.#worker.fetch(new Request(topic), this.#env)
    } catch (error) {
      console.error(`hub: rendering ${topic} failed:`, error)
      return 'failed'
    }
    if (response.status !== 200 || response.headers.has('Age')) {
      await response.body?.cancel()
      return response.status === 404 || response.status === 410 ? 'gone' : 'failed'
    }
    const header = (name: string) => response.headers.get(name) ?? ''
    const body = await response.text()
    return { etag: header('ETag'), contentType: header('Content-Type'), link: header('Link'), body }
  }

  /** When the next scheduled article appears (ms), `undefined` when none is left. */
  async nextReveal(now: number): Promise<number | undefined> {
    const next = (await this.#worker.schedule(this.#env)).at(now).next
    return Number.isFinite(next) ? next : undefined
  }

  /**
   * What changed since `seen`: nothing (`undefined`), or what is seen now and which of `subscribed`
   * to check. A new deployment (version or content fingerprint) may change any document; a reveal
   * in the same deployment changes the site's feeds and its articles' tags' (`touchedBy`).
   */
  async changes(
    seen: Seen,
    now: number,
    subscribed: () => string[],
  ): Promise<{ seen: Seen; topics: string[] } | undefined> {
    const schedule = await this.#worker.schedule(this.#env)
    const { manifest } = schedule.corpus
    const deployment = `${this.#env.CF_VERSION_METADATA?.id ?? 'local'} ${manifest.fingerprint}`
    const revealed = schedule.at(now).revealed
    const [seenDeployment, seenRevealed] = seen
    if (seenDeployment === deployment && seenRevealed === revealed) return undefined
    const topics = subscribed()
    const reveal = seenDeployment === deployment && seenRevealed !== undefined && seenRevealed < revealed
    const appeared = (manifest.schedule ?? []).slice(seenRevealed, revealed)
    return {
      seen: [deployment, revealed],
      topics: reveal ? touchedBy(appeared, topics, readConfig(this.#env).basePath) : topics,
    }
  }
}
