import { type ArticleList, type Scheduled, SITEMAP_TAG_UPDATED } from '../content/layout.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { revealTime } from '../content/reveal-time.ts'
import type { SiteDefaults } from '../content/site-defaults.ts'
import { lastmodElement, sitemapUrls } from '../feeds/sitemap.ts'
import type { TagEntry } from '../model/site.ts'
import { pageCount, TAG_LIST_PAGE_SIZE } from '../paging.ts'
import { PATHS } from '../paths.ts'
import type { Corpus, Located } from './corpus.ts'
import type { ContentFiles } from './files.ts'

/**
 * When each scheduled article of a corpus appears (`revealTime`), and the {@link Edition} of any
 * instant: the same object for every instant until the next scheduled article appears.
 */
export class Schedule {
  readonly corpus: Corpus
  /** When each scheduled article appears (ms), oldest first. */
  readonly #reveals: number[]
  #edition: Edition | undefined

  constructor(corpus: Corpus) {
    this.corpus = corpus
    this.#reveals = (corpus.manifest.schedule ?? []).map((s) => revealTime(s.published))
  }

  /** The corpus as it stands at `now` (ms since the epoch): the articles published by then. */
  at(now: number): Edition {
    const current = this.#edition
    if (current && now < current.next && now >= current.since) return current
    const revealed = this.revealedAt(now)
    this.#edition = new Edition(this.corpus, revealed, this.#reveals[revealed - 1], this.#reveals[revealed])
    return this.#edition
  }

  /** How many scheduled articles have appeared at `now` (ms): a binary search over their times. */
  revealedAt(now: number): number {
    let low = 0
    let high = this.#reveals.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if ((this.#reveals[mid] as number) <= now) low = mid + 1
      else high = mid
    }
    return low
  }

  /** When the first scheduled article after `now` (ms) appears, or `undefined` when none is left. */
  nextAfter(now: number): number | undefined {
    return this.#reveals[this.revealedAt(now)]
  }
}

/**
 * The corpus as readers see it at one instant: every article published by then, none after. The
 * build files scheduled articles (published after it ran) with the others, at the head of every
 * list since they are the newest, and names them in the manifest's `schedule`; an edition counts
 * the first `revealed` of them as visible and stops every list, count and lookup before the rest.
 * Between two scheduled times nothing changes, so one edition serves every request of that span
 * (`Schedule.at`), and the memo and Cache API keys of the responses it changes name it.
 *
 * Nothing here can reach a hidden article: lists are cut at {@link count}, a slug numbered past it
 * is not found, a tag counts only what has appeared (a tag with nothing visible is not found, nor
 * counted among the tags), an image only scheduled articles use is missing until the first of them
 * appears. The corpus itself stays private: every read goes through these filters.
 */
export class Edition {
  readonly #corpus: Corpus
  /** Scheduled articles that have appeared (the edition's number: 0 before the first). */
  readonly revealed: number
  /** Visible articles. */
  readonly count: number
  /** The visible articles as a list for {@link listRange}. */
  readonly all: ArticleList
  /** Newest `updated` of the visible articles (RFC 3339), '' when there are none. */
  readonly updated: string
  /** When this edition began (ms): the reveal of its newest scheduled article; `-Infinity` before any. */
  readonly since: number
  /** When the next scheduled article appears (ms): the end of this edition; `Infinity` when none is left. */
  readonly next: number
  /** {@link since} as RFC 3339 ('' before any reveal). */
  readonly #since: string
  readonly #appeared: readonly Scheduled[]
  /** Tags that only articles still hidden have. */
  readonly #hiddenTags: number
  #tagUpdates: Map<string, string> | undefined

  constructor(corpus: Corpus, revealed: number, since = Number.NEGATIVE_INFINITY, next = Number.POSITIVE_INFINITY) {
    const { manifest } = corpus
    const schedule = manifest.schedule ?? []
    this.#corpus = corpus
    this.revealed = revealed
    this.#appeared = schedule.slice(0, revealed)
    this.count = manifest.count - schedule.length + revealed
    this.all = { count: this.count, dir: corpus.all.dir }
    this.updated = newestUpdated([{ updated: manifest.updated }, ...this.#appeared])
    this.since = since
    this.next = next
    this.#since = Number.isFinite(since) ? new Date(since).toISOString() : ''
    this.#hiddenTags = schedule.slice(revealed).reduce((n, s) => n + (s.newTags?.length ?? 0), 0)
  }

  /** A preview build: drafts and scheduled articles are served, and pages say so. */
  get preview(): boolean {
    return this.#corpus.manifest.preview === true
  }

  /**
   * A content date as a `Last-Modified` may name it: bytes made in this edition changed at its start
   * at the latest, so a later date (an `updated` in the future) is cut to it (RFC 9110 §8.8.2.1).
   */
  bound(content: string | undefined): string | undefined {
    return content !== undefined && this.#since !== '' && content > this.#since ? this.#since : content
  }

  /**
   * `Last-Modified` of bytes a reveal changes: at least this edition's start, when those bytes
   * changed (an archive page that an older article slid onto shows only older dates).
   */
  floor(lastModified: string | undefined): string | undefined {
    return lastModified !== undefined && lastModified < this.#since ? this.#since : lastModified
  }

  /** Positions `start` to `end` (exclusive) of `list` ({@link all} or a {@link tagList}), newest first (see `Corpus.listRange`). */
  listRange(files: ContentFiles, list: ArticleList, start: number, end: number, site: SiteDefaults) {
    return this.#corpus.listRange(files, list, start, end, site)
  }

  /** The visible article whose page is `/articles/{slug}`, or `undefined` (none, or not yet published). */
  async bySlug(files: ContentFiles, slug: string, site: SiteDefaults): Promise<Located | undefined> {
    const n = await this.#corpus.slugNumber(files, slug)
    if (n === undefined || n >= this.count) return undefined
    const position = this.count - 1 - n
    const [article] = await this.listRange(files, this.all, position, position + 1, site)
    return article && { article, position }
  }

  /** The tag whose page is `/tags/{key}` as it stands now, or `undefined` (none, or only hidden articles). */
  async tag(files: ContentFiles, key: string): Promise<TagEntry | undefined> {
    const entry = await this.#corpus.tag(files, key)
    return entry && this.#visible(entry)
  }

  /** The visible articles of `tag` (from {@link tag}), as a list for {@link listRange}. */
  tagList(tag: TagEntry): ArticleList {
    return this.#corpus.tagList(tag)
  }

  /** Number of tags with a visible article. */
  get tagCount(): number {
    return this.#corpus.manifest.tags.count - this.#hiddenTags
  }

  /**
   * Page `p` (from 1) of the visible tags, {@link TAG_LIST_PAGE_SIZE} a page by key, or `undefined`
   * past the last. While some tag has only hidden articles, the pages are counted without it: every
   * tag-list file is read (a few files: 500 tags each).
   */
  async tagListPage(files: ContentFiles, p: number): Promise<TagEntry[] | undefined> {
    if (p > pageCount(this.tagCount, TAG_LIST_PAGE_SIZE)) return undefined
    if (this.#hiddenTags === 0) return ((await this.#corpus.tagListPage(files, p)) ?? []).map((e) => this.#counted(e))
    return (await this.allTags(files)).slice((p - 1) * TAG_LIST_PAGE_SIZE, p * TAG_LIST_PAGE_SIZE)
  }

  /** Every visible tag, by key: every tag-list file, read in parallel (the OPML lists them all). */
  async allTags(files: ContentFiles): Promise<TagEntry[]> {
    const stored = pageCount(this.#corpus.manifest.tags.count, TAG_LIST_PAGE_SIZE)
    const lists = await Promise.all(Array.from({ length: stored }, (_, i) => this.#corpus.tagListPage(files, i + 1)))
    return lists.flatMap((list) => list ?? []).flatMap((entry) => this.#visible(entry) ?? [])
  }

  /** Whether the published image `{hash}.{ext}` may be served: not one that only hidden articles use. */
  mediaVisible(name: string): boolean {
    const at = this.#corpus.manifest.hiddenMedia?.[name]
    return at === undefined || revealTime(at) <= this.since
  }

  /**
   * The `lastmod` of each sitemap file (for the index): a file moves with a reveal when it holds the
   * home page (the first), the URLs of the articles that appeared (the last) or a tag they are in.
   */
  get sitemaps(): string[] {
    const stored = this.#corpus.manifest.sitemaps
    if (this.revealed === 0) return stored
    const moved = new Map<number, string>([
      [1, this.updated],
      [stored.length, this.updated],
    ])
    const placed = this.#corpus.manifest.sitemapTags ?? {}
    for (const [key, updated] of this.#tagUpdated()) {
      const file = placed[key]?.file
      if (file !== undefined) moved.set(file, newestUpdated([{ updated }, { updated: moved.get(file) ?? '' }]))
    }
    return stored.map((d, i) => this.bound(newestUpdated([{ updated: d }, { updated: moved.get(i + 1) ?? '' }])) ?? '')
  }

  /**
   * The `<url>` elements of sitemap `n` (from 1), or `undefined`, with each tag's `lastmod` placeholder
   * (`{updated:key}`) filled in: the stored ones, and on the last file those of the articles that
   * appeared since the build (and of the tags they were first of, and `/tags` when it had none). A
   * last file may grow past its 1,000 URLs by the scheduled count until the next deploy.
   */
  async sitemap(files: ContentFiles, n: number): Promise<string | undefined> {
    const stored = await this.#corpus.sitemap(files, n)
    if (stored === undefined) return undefined
    const { manifest } = this.#corpus
    const updates = this.#tagUpdated()
    const placed = manifest.sitemapTags ?? {}
    const tagLastmod = (key: string) =>
      this.bound(newestUpdated([{ updated: placed[key]?.updated ?? '' }, { updated: updates.get(key) ?? '' }])) ?? ''
    const filled = stored.replace(SITEMAP_TAG_UPDATED, (_, key: string) => lastmodElement(tagLastmod(key)))
    if (this.revealed === 0 || n !== manifest.sitemaps.length) return filled
    const newTags = this.#appeared.flatMap((s) => s.newTags ?? [])
    const tagsPage = newTags.length > 0 && manifest.tags.count - this.#allNewTags() === 0
    const urls = [
      ...(tagsPage ? [{ path: PATHS.tags, lastmod: this.updated }] : []),
      ...newTags.map((key) => ({ path: PATHS.tag(key), lastmod: tagLastmod(key) })),
      ...this.#appeared.map((s) => ({ path: PATHS.article(s.slug), lastmod: this.bound(s.updated) ?? '' })),
    ]
    return `${filled}\n${sitemapUrls(urls)}`
  }

  /** Number of tags that scheduled articles bring (visible now or not). */
  #allNewTags(): number {
    return (this.#corpus.manifest.schedule ?? []).reduce((n, s) => n + (s.newTags?.length ?? 0), 0)
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

  /** A tag as it stands now ({@link counted}); `undefined` while it has no visible article. */
  #visible(entry: TagEntry): TagEntry | undefined {
    const tag = this.#counted(entry)
    return tag.count > 0 ? tag : undefined
  }

  /** A tag with the scheduled articles of it that have appeared counted, and their dates. */
  #counted(entry: TagEntry): TagEntry {
    const { scheduled, ...tag } = entry
    if (scheduled)
      for (const [published, updated] of scheduled) {
        if (revealTime(published) > this.since) break
        tag.count++
        if (updated > tag.updated) tag.updated = updated
      }
    return tag
  }
}
