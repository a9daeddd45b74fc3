import { countNewTags, type Scheduled, SITEMAP_TAG_UPDATED } from '../content/layout.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { lastmodElement, sitemapUrls } from '../feeds/sitemap.ts'
import { PATHS } from '../paths.ts'
import type { Corpus } from './corpus.ts'
import type { ContentFiles } from './files.ts'

/**
 * The sitemaps as one edition of the corpus lists them. The build wrote what was visible then,
 * with placeholders for the dates a reveal moves (see `packSitemaps`); here those are filled in,
 * and the last file gets the URLs of the articles that appeared since (and of the tags they were
 * first of, and `/tags` when the build had none). A last file may grow past its 1,000 URLs by the
 * scheduled count until the next deploy. Every date is cut to the edition's start (`bound`): a
 * sitemap never dates a page in the future.
 */
export class EditionSitemaps {
  readonly #corpus: Corpus
  readonly #appeared: readonly Scheduled[]
  /** Newest `updated` of the visible articles. */
  readonly #updated: string
  readonly #bound: (date: string) => string
  #tagUpdates: Map<string, string> | undefined

  /**
   * @param appeared - the scheduled articles that have appeared, oldest first
   * @param bound - a date as the edition may name it (`Edition.bound`), '' for none
   */
  constructor(corpus: Corpus, appeared: readonly Scheduled[], updated: string, bound: (date: string) => string) {
    this.#corpus = corpus
    this.#appeared = appeared
    this.#updated = updated
    this.#bound = bound
  }

  /**
   * The `lastmod` of each sitemap file (for the index): a file moves with a reveal when it holds the
   * home page (the first), the URLs of the articles that appeared (the last) or a tag they are in.
   */
  get lastmods(): string[] {
    const stored = this.#corpus.manifest.sitemaps
    if (this.#appeared.length === 0) return stored
    const moved = new Map<number, string>([
      [1, this.#updated],
      [stored.length, this.#updated],
    ])
    const placed = this.#corpus.manifest.sitemapTags ?? {}
    for (const [key, updated] of this.#tagUpdated()) {
      const file = placed[key]?.file
      if (file !== undefined) moved.set(file, newest(updated, moved.get(file)))
    }
    return stored.map((d, i) => this.#bound(newest(d, moved.get(i + 1))))
  }

  /** The `<url>` elements of sitemap `n` (from 1), every placeholder but the site's own filled in, or `undefined`. */
  async fragment(files: ContentFiles, n: number): Promise<string | undefined> {
    const stored = await this.#corpus.sitemap(files, n)
    if (stored === undefined) return undefined
    const { manifest } = this.#corpus
    const filled = stored.replace(SITEMAP_TAG_UPDATED, (_, key: string) => lastmodElement(this.#tagLastmod(key)))
    if (this.#appeared.length === 0 || n !== manifest.sitemaps.length) return filled
    const newTags = this.#appeared.flatMap((s) => s.newTags ?? [])
    // The build listed `/tags` only when some tag was visible then.
    const tagsPage = newTags.length > 0 && manifest.tags.count === countNewTags(manifest.schedule ?? [])
    const urls = [
      ...(tagsPage ? [{ path: PATHS.tags, lastmod: this.#bound(this.#updated) }] : []),
      ...newTags.map((key) => ({ path: PATHS.tag(key), lastmod: this.#tagLastmod(key) })),
      ...this.#appeared.map((s) => ({ path: PATHS.article(s.slug), lastmod: this.#bound(s.updated) })),
    ]
    return `${filled}\n${sitemapUrls(urls)}`
  }

  /** A tag's `lastmod`: its newest date at build time or of an article of it that appeared since. */
  #tagLastmod(key: string): string {
    return this.#bound(newest(this.#corpus.manifest.sitemapTags?.[key]?.updated, this.#tagUpdated().get(key)))
  }

  /** Newest `updated` of the articles that appeared since the build, per tag key. */
  #tagUpdated(): Map<string, string> {
    if (this.#tagUpdates) return this.#tagUpdates
    const updates = new Map<string, string>()
    for (const s of this.#appeared)
      for (const key of s.tags ?? []) if (s.updated > (updates.get(key) ?? '')) updates.set(key, s.updated)
    this.#tagUpdates = updates
    return updates
  }
}

/** The newer of two RFC 3339 dates ('' when neither is known). */
function newest(a: string | undefined, b: string | undefined): string {
  return newestUpdated([{ updated: a ?? '' }, { updated: b ?? '' }])
}
