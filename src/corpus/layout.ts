/**
 * How the build lays the corpus out as files, and how the Worker finds an article in them. One
 * module for both sides, so writer and reader cannot disagree.
 *
 * - `manifest.json`: counts and dates (a few hundred bytes, whatever the corpus size).
 * - `articles/{k}.json`: articles `k * CHUNK_SIZE …` in feed order (newest first), stored form.
 * - `slugs/{b}.json`: `{ slug: position }` for the slugs whose hash falls in bucket `b`.
 *
 * A feed reads chunk 0, an index page one or two chunks, an article page one bucket and one chunk:
 * the cost of a request does not grow with the corpus.
 */
import type { StoredArticle } from '../content/article-body.ts'
import { fnv1a } from '../fingerprint.ts'

/** Articles per chunk file: a feed of 20 or an index page of 30 reads one or two files. */
export const CHUNK_SIZE = 32

/** Aim for about this many slugs per bucket file (a few KiB). */
export const SLUGS_PER_BUCKET = 64

/** Format of the files; the Worker refuses a manifest of another version with a clear error. */
export const LAYOUT_VERSION = 1

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
  /**
   * Set only by a build under `wrangler dev` that found bad files: their problems
   * (`file:line: problem. fix.`). The Worker then answers every request with them.
   */
  problems?: string[]
}

/** The manifest of a refused build under `wrangler dev`: no articles, only what is wrong. */
export function problemManifest(problems: string[]): Manifest {
  return { layout: LAYOUT_VERSION, count: 0, chunkSize: CHUNK_SIZE, buckets: 1, updated: '', fingerprint: '', problems }
}

/** One chunk file: articles in feed order. */
export type Chunk = StoredArticle[]

/** One slug bucket file: slug → position in feed order. */
export type SlugBucket = Record<string, number>

export const MANIFEST_PATH = 'manifest.json'

/** Path of the chunk holding position `k * chunkSize`. */
export function chunkPath(k: number): string {
  return `articles/${k}.json`
}

/** Path of slug bucket `b`. */
export function bucketPath(b: number): string {
  return `slugs/${b}.json`
}

/** The bucket a slug is filed under. */
export function bucketOf(slug: string, buckets: number): number {
  return Number.parseInt(fnv1a(slug), 16) & (buckets - 1)
}

/** Buckets for `count` slugs: a power of two near `count / SLUGS_PER_BUCKET`, at least 1. */
export function bucketCount(count: number): number {
  let buckets = 1
  while (buckets * SLUGS_PER_BUCKET < count) buckets *= 2
  return buckets
}
