import { BoundedCache } from '../bounded-cache.ts'
import type { PreparedResponse } from '../http/prepared-response.ts'
import { sizeOf } from '../http/representation.ts'
import type { Maybe } from './site-options.ts'

/** Bounds of the per-isolate memo of a site, per kind of page (bytes count body + gzip). */
export const SITE_LIMITS = {
  /** Index pages past the pinned first ones. */
  indexPages: { entries: 32, size: 2 * 1024 * 1024 },
  /** Article pages past the newest `FEED_ITEMS` (those stay: feed readers link to them). */
  articles: { entries: 512, size: 4 * 1024 * 1024 },
  /** Tag pages and the pages of `/tags`. */
  lists: { entries: 64, size: 2 * 1024 * 1024 },
  /** Tag feeds, archive pages and sitemaps (up to about 1 MB each). */
  documents: { entries: 64, size: 8 * 1024 * 1024 },
} as const

/**
 * Where a response is kept: for the isolate's life, in the bounded memo of its kind, or not at all
 * (`none`: articles' images, up to 5 MiB each and the same for every site, are read per request).
 */
export type MemoKind = 'pinned' | 'none' | keyof typeof SITE_LIMITS

/**
 * The prepared responses of one site. A fixed set (feeds, their views, OPML, assets, the first
 * index pages, the newest articles) is kept for the isolate's life; the other index pages and the
 * long tail of articles each have a bounded memo, so no kind can push out another.
 */
export class SiteMemo {
  readonly #pinned = new Map<string, PreparedResponse>()
  readonly #bounded = {
    indexPages: new BoundedCache<PreparedResponse>(SITE_LIMITS.indexPages),
    articles: new BoundedCache<PreparedResponse>(SITE_LIMITS.articles),
    lists: new BoundedCache<PreparedResponse>(SITE_LIMITS.lists),
    documents: new BoundedCache<PreparedResponse>(SITE_LIMITS.documents),
  }

  /** Whether nothing was kept. */
  get empty(): boolean {
    return this.#pinned.size === 0 && Object.values(this.#bounded).every((memo) => memo.stats.entries === 0)
  }

  /** A memo of the pinned responses only (the polled ones): what is kept of an edition for stale copies. */
  pinnedOnly(): SiteMemo {
    const memo = new SiteMemo()
    for (const [key, prepared] of this.#pinned) memo.#pinned.set(key, prepared)
    return memo
  }

  /** The response kept under `key`, of whatever kind, or `undefined`. */
  peek(key: string): PreparedResponse | undefined {
    return (
      this.#pinned.get(key) ??
      this.#bounded.articles.peek(key) ??
      this.#bounded.indexPages.peek(key) ??
      this.#bounded.lists.peek(key) ??
      this.#bounded.documents.peek(key)
    )
  }

  /**
   * The response kept under `key`, or a promise of it built now and kept as `kind`. Nothing pending
   * is shared between requests (see `Corpus`): two requests that miss at the same moment each build
   * it, and the first to finish is kept.
   */
  get(key: string, kind: MemoKind, build: () => Promise<PreparedResponse>): Maybe<PreparedResponse> {
    const hit = this.peek(key)
    if (hit) return hit
    return build().then((prepared) => {
      const kept = this.peek(key)
      if (kept) return kept
      if (kind === 'pinned') this.#pinned.set(key, prepared)
      else if (kind !== 'none') this.#bounded[kind].set(key, prepared, sizeOf(prepared.representation))
      return prepared
    })
  }
}
