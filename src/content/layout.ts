/**
 * How the build lays the corpus out as files, and how the Worker finds an article in them. One
 * module for both sides, so writer and reader cannot disagree.
 *
 * Articles are numbered from the oldest (0) and filed in chunks of {@link CHUNK_SIZE} from the
 * oldest too, so a full chunk never changes when newer articles are added: a deploy uploads only
 * the files that changed (Static Assets skips the rest by hash), and the archive pages built on
 * them keep their bytes.
 *
 * - `manifest.json`: counts and dates, and one date per sitemap file (a few hundred bytes, plus
 *   about 27 per 1,000 articles), and the schedule (about 160 bytes per scheduled article).
 * - `articles/{c}.json`: articles `c * CHUNK_SIZE …` from the oldest, oldest first, stored form.
 * - `slugs/{b}.json`: `{ slug: number }` for the slugs whose hash falls in bucket `b`.
 * - `tag/{id}/{c}.json`: the same chunks for the articles of one tag.
 * - `tags/{b}.json`: `{ key: TagEntry }` for the tag keys whose hash falls in bucket `b`.
 * - `tag-list/{p}.json`: every tag, by key, `TAG_LIST_PAGE_SIZE` per file (the `/tags` pages, the OPML).
 * - `sitemaps/{n}.xml`: the `<url>` elements of sitemap `n`, with {@link SITEMAP_BASE} in place of the site's URL.
 *
 * A feed reads one or two chunks, a tag feed one tag bucket and one or two of its chunks, an
 * article page one bucket and one chunk: the cost of a request does not grow with the corpus.
 */

import { fnv1a } from '../fingerprint.ts'
import type { StoredArticle } from '../model/article.ts'
import type { TagEntry } from '../model/site.ts'

/** Where the content files sit under the assets root (see `[assets]` in wrangler.toml). */
export const CONTENT_PREFIX = '/_content/'

/** Articles per chunk file: a feed of 20 or an index page of 30 reads one or two files. */
export const CHUNK_SIZE = 32

/** Aim for about this many slugs (or tag keys) per bucket file (a few KiB). */
export const SLUGS_PER_BUCKET = 64

/**
 * URLs per sitemap file. The protocol allows 50,000, but a sitemap's first request costs about 4 ms
 * of CPU per 1,000 URLs (measured with `npm run bench`: 52 ms for 10,000), against the 10 ms a
 * request has on the Free plan; 1,000 URLs (about 110 KB) cost what a feed does. Past one file,
 * `/sitemap.xml` is a sitemap index.
 * @see https://www.sitemaps.org/protocol.html#index
 */
export const SITEMAP_URLS = 1_000

/** Stands for the site's URL (origin and base path) in the stored sitemaps: it is known per request only. */
export const SITEMAP_BASE = '{base}'

/** Stands for the `<lastmod>` of the home page and `/tags` in the stored sitemaps: it moves when a scheduled article appears. */
export const SITEMAP_UPDATED = '{updated}'

/** Stands for the `<lastmod>` of a tag's page that scheduled articles will change (keys hold no `}`: see `tagKey`). */
export function sitemapTagUpdated(key: string): string {
  return `{updated:${key}}`
}

/** Finds every {@link sitemapTagUpdated} placeholder; the key is group 1. */
export const SITEMAP_TAG_UPDATED = /\{updated:([^}]+)\}/g

/** Format of the files; the Worker refuses a manifest of another version with a clear error. */
export const LAYOUT_VERSION = 4

/**
 * An article the build found scheduled (its `published` after the build): filed with the others,
 * at the head of the lists since it is newer than every visible one, and hidden by the Worker until
 * its time (see `Edition`).
 */
export interface Scheduled {
  /** When it appears (RFC 3339 UTC). */
  published: string
  updated: string
  /** Its page, for the sitemap once it appears. */
  slug: string
  /** Keys of its tags: their counts, dates and sitemap `lastmod` move when it appears. */
  tags?: string[]
  /** Keys of its tags that no article before it has: their pages appear with it. */
  newTags?: string[]
}

/** How many tags `entries` bring: tags no article before them has, which appear with them. */
export function countNewTags(entries: readonly Scheduled[]): number {
  return entries.reduce((n, s) => n + (s.newTags?.length ?? 0), 0)
}

/** What the Worker learns on its first request: everything a list needs besides the articles. */
export interface Manifest {
  layout: typeof LAYOUT_VERSION
  /** Number of articles. */
  count: number
  chunkSize: number
  /** Number of slug buckets (a power of two). */
  buckets: number
  /** Newest `updated` date of all articles (RFC 3339): the index's `Last-Modified`. */
  updated: string
  /** Fingerprint of every file: changes whenever any content changes. */
  fingerprint: string
  /** Number of distinct tags and of their key buckets (a power of two). */
  tags: { count: number; buckets: number }
  /** The `lastmod` of each sitemap file (`sitemaps/{n}.xml`, n from 1), newest date of its URLs. */
  sitemaps: string[]
  /**
   * The scheduled articles, oldest first: the last `schedule.length` of the `count` articles from
   * the oldest. `updated` and the counts above are those of the visible articles at build time.
   */
  schedule?: Scheduled[]
  /**
   * Tags the stored sitemaps list that scheduled articles will change: which file lists each (from 1)
   * and its newest date at build time. Their `<lastmod>` is a {@link sitemapTagUpdated} placeholder.
   */
  sitemapTags?: Record<string, { file: number; updated: string }>
  /** Images that only scheduled articles use (`{hash}.{ext}` → when the first of them appears): 404 until then. */
  hiddenMedia?: Record<string, string>
  /** A preview build (`npm run preview`): drafts and scheduled articles are served, and every page says so. */
  preview?: true
  /**
   * Set only by a build under `wrangler dev` that found bad files: their problems
   * (`file:line: problem. fix.`). The Worker then answers every request with them.
   */
  problems?: string[]
}

/** A list of articles in chunks from the oldest: the whole corpus, or one tag's share of it. */
export interface ArticleList {
  count: number
  /** Articles in its chunk files, hidden (scheduled) ones included: what each chunk must hold (see `chunkLength`). */
  stored: number
  /** Folder of its chunk files. */
  dir: string
}

/** One chunk file: articles, oldest first. */
export type Chunk = StoredArticle[]

/** One slug bucket file: slug → number from the oldest. */
export type SlugBucket = Record<string, number>

/** One tag bucket file: key → tag. */
export type TagBucket = Record<string, TagEntry>

export const MANIFEST_PATH = 'manifest.json'

/** Folder of the whole corpus's chunks. */
export const ARTICLES_DIR = 'articles'

/** Folder of the chunks of the tag numbered `id`. */
export function tagDir(id: number): string {
  return `tag/${id}`
}

/** Path of chunk `c` of the list in `dir`. */
export function chunkPath(dir: string, c: number): string {
  return `${dir}/${c}.json`
}

/** Path of the published image `{hash}.{ext}`. */
export function mediaPath(name: string): string {
  return `media/${name}`
}

/** Path of slug bucket `b`. */
export function bucketPath(b: number): string {
  return `slugs/${b}.json`
}

/** Path of tag bucket `b`. */
export function tagBucketPath(b: number): string {
  return `tags/${b}.json`
}

/** Path of tag-list file `p` (from 1). */
export function tagListPath(p: number): string {
  return `tag-list/${p}.json`
}

/** Path of sitemap `n` (from 1). */
export function sitemapPath(n: number): string {
  return `sitemaps/${n}.xml`
}

/** Articles in a tag's chunk files: its visible ones and its scheduled ones (see `TagEntry.stored`). */
export function storedArticles(tag: Pick<TagEntry, 'count' | 'scheduled' | 'stored'>): number {
  return tag.stored ?? tag.count + (tag.scheduled?.length ?? 0)
}

/** How many articles chunk `c` of a list of `stored` articles holds: every chunk is full but the newest. */
export function chunkLength(stored: number, chunkSize: number, c: number): number {
  return Math.max(0, Math.min(chunkSize, stored - c * chunkSize))
}

/** The bucket a slug or tag key is filed under. */
export function bucketOf(name: string, buckets: number): number {
  return Number.parseInt(fnv1a(name), 16) & (buckets - 1)
}

/** Buckets for `count` names: a power of two near `count / SLUGS_PER_BUCKET`, at least 1. */
export function bucketCount(count: number): number {
  let buckets = 1
  while (buckets * SLUGS_PER_BUCKET < count) buckets *= 2
  return buckets
}
