import { toStored } from '../content/article-body.ts'
import { newestUpdated } from '../content/newest-updated.ts'
import { fnv1a } from '../fingerprint.ts'
import type { Article } from '../model.ts'
import {
  bucketCount,
  bucketOf,
  bucketPath,
  CHUNK_SIZE,
  chunkPath,
  LAYOUT_VERSION,
  MANIFEST_PATH,
  type Manifest,
  type SlugBucket,
} from './layout.ts'

/**
 * Lays articles out as the files the Worker reads (see `layout.ts`). Pure: the build writes the
 * result to disk; tests serve it from memory through the same reader.
 *
 * @param articles - every article, in feed order (newest first, as `loadArticles` returns them)
 * @returns file path (relative, `/`-separated) → JSON text
 */
export function packCorpus(articles: readonly Article[]): Map<string, string> {
  const files = new Map<string, string>()
  for (let k = 0; k * CHUNK_SIZE < articles.length; k++) {
    files.set(chunkPath(k), JSON.stringify(articles.slice(k * CHUNK_SIZE, (k + 1) * CHUNK_SIZE).map(toStored)))
  }
  const buckets = bucketCount(articles.length)
  const slugs: SlugBucket[] = Array.from({ length: buckets }, () => ({}))
  articles.forEach((article, position) => {
    ;(slugs[bucketOf(article.slug, buckets)] as SlugBucket)[article.slug] = position
  })
  slugs.forEach((bucket, b) => {
    if (Object.keys(bucket).length > 0) files.set(bucketPath(b), JSON.stringify(bucket))
  })
  let all = ''
  for (const [path, text] of files) all += `${path}\n${fnv1a(text)}\n`
  const manifest: Manifest = {
    layout: LAYOUT_VERSION,
    count: articles.length,
    chunkSize: CHUNK_SIZE,
    buckets,
    updated: newestUpdated(articles),
    fingerprint: fnv1a(all),
  }
  files.set(MANIFEST_PATH, JSON.stringify(manifest))
  return files
}
