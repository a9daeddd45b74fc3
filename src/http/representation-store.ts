import { RepresentationCache } from './representation-cache.ts'
import { createRepresentation, withGzip, type Representation } from './representation.ts'

/** What {@link RepresentationStore.get} builds on a miss. */
export interface RepresentationSpec {
  /** Same key, same bytes: it names format, variant and base URL. */
  key: string
  render: () => string
  contentType: string
  /** RFC 3339 date of the newest content, for `Last-Modified`. */
  updated: string
}

/** Options of {@link RepresentationStore}. */
export interface StoreOptions {
  /**
   * Identifies the deployment (its version id). Cache API entries are keyed by it, so a new
   * deployment never reads an old one's bytes. Without it only the in-isolate memo is used.
   */
  version?: string
  /** Name of the Cache API cache. */
  cacheName?: string
}

const CACHE_ORIGIN = 'https://representations.feed-endpoint.internal'

/**
 * Where rendered bodies live: first a per-isolate memo (a `Map`, no I/O), then the Workers Cache
 * API shared by the isolates of a data center, then the renderer. A memo or cache hit renders
 * nothing. Where the runtime has no Cache API, or no deployment version is known, the memo alone
 * serves.
 *
 * Hono's `cache` middleware is not used: it keys entries by request URL, but one URL here has
 * several representations (negotiated format, browser view, base URL), and Cache API `match`
 * ignores `Vary`, so URL keys would hand one client's variant to another.
 */
export class RepresentationStore {
  readonly #memo = new RepresentationCache<Promise<Representation>>()
  readonly #options: StoreOptions

  constructor(options: StoreOptions = {}) {
    this.#options = options
  }

  /**
   * Returns the representation for `spec.key`, building it at most once per isolate.
   * @param waitUntil - keeps a Cache API write alive after the response (from the execution context)
   */
  get(spec: RepresentationSpec, waitUntil?: (promise: Promise<unknown>) => void): Promise<Representation> {
    return this.#memo.get(spec.key, () => {
      const pending = this.#load(spec, waitUntil)
      // A failure must not stay memoised: the next request tries again.
      pending.catch(() => this.#memo.delete(spec.key))
      return pending
    })
  }

  async #load(spec: RepresentationSpec, waitUntil?: (promise: Promise<unknown>) => void): Promise<Representation> {
    const cache = await this.#cache()
    const url = cache && `${CACHE_ORIGIN}/${encodeURIComponent(this.#options.version as string)}/${encodeURIComponent(spec.key)}`
    if (cache && url) {
      const hit = await cache.match(url)
      const cached = hit && (await fromCached(hit))
      if (cached) return cached
    }
    const representation = await createRepresentation(spec.render(), spec.contentType, spec.updated)
    if (cache && url) {
      const put = cache.put(url, toCached(representation)).catch((error: unknown) => console.warn(`Cache API put failed: ${String(error)}`))
      if (waitUntil) waitUntil(put)
      else await put
    }
    return representation
  }

  async #cache(): Promise<Cache | undefined> {
    if (!this.#options.version || typeof caches === 'undefined') return undefined
    try {
      return await caches.open(this.#options.cacheName ?? 'representations')
    } catch {
      return undefined
    }
  }
}

function toCached(r: Representation): Response {
  return new Response(r.body, {
    headers: { 'Content-Type': r.contentType, ETag: r.etag, 'Last-Modified': r.lastModified, 'Cache-Control': 'public, max-age=604800' },
  })
}

/** Takes bytes and validators as stored: nothing is rendered or hashed again. */
async function fromCached(response: Response): Promise<Representation | undefined> {
  const { headers } = response
  const etag = headers.get('ETag')
  const lastModified = headers.get('Last-Modified')
  const contentType = headers.get('Content-Type')
  if (!etag || !lastModified || !contentType) return undefined
  return withGzip({ body: new Uint8Array(await response.arrayBuffer()), etag, lastModified, contentType })
}
