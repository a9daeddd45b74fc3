import { type ArticleList, countNewTags, type Scheduled, storedArticles } from '../content/layout.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { revealTime } from '../content/reveal-time.ts'
import type { SiteDefaults } from '../content/site-defaults.ts'
import type { TagEntry } from '../model/site.ts'
import { pageCount, TAG_LIST_PAGE_SIZE } from '../paging.ts'
import { mediaBytes } from './checked-reads.ts'
import type { Corpus, Located } from './corpus.ts'
import { EditionSitemaps } from './edition-sitemaps.ts'
import type { ContentFiles } from './files.ts'

/**
 * The corpus as readers see it at one instant: every article published by then, none after. The
 * build files scheduled articles (published after it ran) with the others, at the head of every
 * list since they are the newest, and names them in the manifest's `schedule`; an edition counts
 * the first `revealed` of them as visible and stops every list, count and lookup before the rest.
 * Between two scheduled times nothing changes, so one edition serves every request of that span
 * (`Schedule.at` in schedule.ts), and the memo and Cache API keys of the responses it changes name it.
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
  readonly #sitemaps: EditionSitemaps

  constructor(corpus: Corpus, revealed: number, since = Number.NEGATIVE_INFINITY, next = Number.POSITIVE_INFINITY) {
    const { manifest } = corpus
    const schedule = manifest.schedule ?? []
    this.#corpus = corpus
    this.revealed = revealed
    this.#appeared = schedule.slice(0, revealed)
    this.count = manifest.count - schedule.length + revealed
    this.all = { ...corpus.all, count: this.count }
    this.updated = newestUpdated([{ updated: manifest.updated }, ...this.#appeared])
    this.since = since
    this.next = next
    this.#since = Number.isFinite(since) ? new Date(since).toISOString() : ''
    this.#hiddenTags = countNewTags(schedule.slice(revealed))
    this.#sitemaps = new EditionSitemaps(corpus, this.#appeared, this.updated, (date) => this.bound(date) ?? '')
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

  /** The bytes of the published image `name`, or `undefined` (none, or only hidden articles use it; see `mediaBytes`). */
  async media(files: ContentFiles, name: string): Promise<Uint8Array | undefined> {
    return this.mediaVisible(name) ? mediaBytes(files, name) : undefined
  }

  /** The `lastmod` of each sitemap file (for the index), as this edition moved them (see `EditionSitemaps`). */
  get sitemaps(): string[] {
    return this.#sitemaps.lastmods
  }

  /** The `<url>` elements of sitemap `n` (from 1) as this edition lists them, or `undefined` (see `EditionSitemaps`). */
  sitemap(files: ContentFiles, n: number): Promise<string | undefined> {
    return this.#sitemaps.fragment(files, n)
  }

  /** A tag as it stands now ({@link counted}); `undefined` while it has no visible article. */
  #visible(entry: TagEntry): TagEntry | undefined {
    const tag = this.#counted(entry)
    return tag.count > 0 ? tag : undefined
  }

  /** A tag with the scheduled articles of it that have appeared counted, and their dates. */
  #counted(entry: TagEntry): TagEntry {
    const { scheduled, ...tag } = entry
    tag.stored = storedArticles(entry)
    if (scheduled)
      for (const [published, updated] of scheduled) {
        if (revealTime(published) > this.since) break
        tag.count++
        if (updated > tag.updated) tag.updated = updated
      }
    return tag
  }
}
