import { createRepresentation, type Representation, withGzip } from './representation.ts'

/** What {@link RepresentationStore.load} builds on a miss. */
export interface RepresentationSpec {
  /** Same key, same bytes: it names the kind, the variant, the settings and the base URL. */
  key: string
  render: () => string | Uint8Array | Promise<string | Uint8Array>
  contentType: string
  /** RFC 3339 date the bytes last changed, for `Last-Modified`; `undefined` when none is known. */
  updated: string | undefined
  /** The ETag, when the bytes are already named by a hash of them (see `createRepresentation`). */
  etag?: string
}

/** Options of {@link RepresentationStore}. */
export interface StoreOptions {
  /**
   * Identifies the deployment (its version id). Cache API entries are keyed by it, so a new
   * deployment never reads an old one's bytes. Without it nothing is shared between isolates.
   */
  version?: string
}

const CACHE_ORIGIN = 'https://representations.feed-endpoint.internal'

/**
 * Renders representations, first looking in the Workers Cache API, which the isolates of one data
 * center share: a fresh isolate then reads bytes another one rendered instead of rendering them
 * again. Where the runtime has no Cache API (or it does nothing, as on `*.workers.dev`), or no
 * deployment version is known, every miss renders. The per-isolate memo is the site's
 * (`src/site/site-memo.ts`), bounded per kind.
 *
 * Hono's `cache` middleware is not used: it keys entries by request URL, but one URL here has
 * several representations (negotiated format, browser view, base URL), and Cache API `match`
 * ignores `Vary`, so URL keys would hand one client's variant to another.
 */
export class RepresentationStore {
  readonly #options: StoreOptions

  constructor(options: StoreOptions = {}) {
    this.#options = options
  }

  /**
   * The representation for `spec.key`: from the Cache API when another isolate stored it, else rendered
   * (and stored for the others).
   * @param waitUntil - keeps the Cache API write alive after the response (from the execution context)
   */
  async load(spec: RepresentationSpec, waitUntil?: (promise: Promise<unknown>) => void): Promise<Representation> {
    // Opened per load, not kept: a Cache object, like any I/O object, belongs to the request that opened it.
    const cache = await this.#open()
    const url =
      cache && `${CACHE_ORIGIN}/${encodeURIComponent(this.#options.version as string)}/${encodeURIComponent(spec.key)}`
    if (cache && url) {
      const hit = await cache.match(url)
      const cached = hit && (await fromCached(hit))
      if (cached) return cached
    }
    const representation = await createRepresentation(await spec.render(), spec.contentType, spec.updated, spec.etag)
    if (cache && url) {
      const put = cache
        .put(url, toCached(representation))
        .catch((error: unknown) => console.warn(`Cache API put failed: ${String(error)}`))
      if (waitUntil) waitUntil(put)
      else await put
    }
    return representation
  }

  async #open(): Promise<Cache | undefined> {
    if (!this.#options.version || typeof caches === 'undefined') return undefined
    try {
      return await caches.open('representations')
    } catch {
      return undefined
    }
  }
}

function toCached(r: Representation): Response {
  return new Response(r.body, {
    headers: {
      'Content-Type': r.contentType,
      ETag: r.etag,
      ...(r.lastModified && { 'Last-Modified': r.lastModified }),
      'Cache-Control': 'public, max-age=604800',
    },
  })
}

/** Takes bytes and validators as stored: nothing is rendered or hashed again. */
async function fromCached(response: Response): Promise<Representation | undefined> {
  const { headers } = response
  const etag = headers.get('ETag')
  const lastModified = headers.get('Last-Modified')
  const contentType = headers.get('Content-Type')
  if (!etag || !contentType) return undefined
  const body = new Uint8Array(await response.arrayBuffer())
  return withGzip(lastModified ? { body, etag, lastModified, contentType } : { body, etag, contentType })
}
