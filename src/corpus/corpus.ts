import { BoundedCache } from '../bounded-cache.ts'
import {
  ARTICLES_DIR,
  type ArticleList,
  bucketOf,
  bucketPath,
  type Chunk,
  chunkPath,
  LAYOUT_VERSION,
  MANIFEST_PATH,
  type Manifest,
  type SlugBucket,
  sitemapPath,
  type TagBucket,
  tagBucketPath,
  tagDir,
  tagListPath,
} from '../content/layout.ts'
import { RefusedContent } from '../content/refused-content.ts'
import type { SiteDefaults } from '../content/site-defaults.ts'
import { fromStored } from '../content/stored-article.ts'
import type { SiteArticle } from '../model/article.ts'
import type { TagEntry } from '../model/site.ts'
import type { ContentFiles } from './files.ts'

/** Options of {@link Corpus}. */
export interface CorpusOptions {
  /** Parsed chunk files kept per isolate (each up to `chunkSize` articles). Default 16. */
  chunks?: number
  /** Parsed slug buckets kept per isolate. Default 64. */
  buckets?: number
}

/** An article and where it stands in feed order (0 = newest). */
export interface Located {
  article: SiteArticle
  position: number
}

/**
 * The articles as the Worker sees them: a manifest read once, then only the chunk and bucket files
 * a request needs, parsed on demand and kept in bounded caches. Nothing here grows with the corpus
 * but those caches' bounds.
 *
 * Each read takes the files of the request that asks, and nothing pending is shared between
 * requests: workerd runs the continuation of a promise in the context of the request that settled
 * it, and refuses I/O through one request's binding on behalf of another. Caches hold parsed files
 * only; two requests that miss the same file at the same moment each read it.
 */
export class Corpus {
  readonly manifest: Manifest
  readonly #chunks: BoundedCache<Chunk>
  readonly #buckets: BoundedCache<SlugBucket>
  readonly #tagBuckets: BoundedCache<TagBucket>
  /** The whole corpus as a list. */
  readonly all: ArticleList
  private constructor(manifest: Manifest, options: CorpusOptions) {
    this.manifest = manifest
    this.all = { count: manifest.count, dir: ARTICLES_DIR }
    this.#chunks = new BoundedCache({ entries: options.chunks ?? 16 })
    this.#buckets = new BoundedCache({ entries: options.buckets ?? 64 })
    this.#tagBuckets = new BoundedCache({ entries: options.buckets ?? 64 })
  }

  /**
   * Reads the manifest and returns the corpus over `files`.
   * @throws Error when there is no manifest (the content was not built) or it has another layout;
   *   RefusedContent when the build (under `wrangler dev`) refused the files and left only their problems
   */
  static async open(files: ContentFiles, options: CorpusOptions = {}): Promise<Corpus> {
    const text = await files.read(MANIFEST_PATH)
    if (text === undefined)
      throw new Error(
        `No ${MANIFEST_PATH} in the content files: run \`npm run build:content\` (npm start, npm test and wrangler deploy run it).`,
      )
    const manifest = JSON.parse(text) as Manifest
    if (manifest.problems) throw new RefusedContent(manifest.problems)
    if (manifest.layout !== LAYOUT_VERSION)
      throw new Error(
        `The content files have layout ${manifest.layout}; this Worker reads layout ${LAYOUT_VERSION}. Rebuild the content.`,
      )
    return new Corpus(manifest, options)
  }

  get count(): number {
    return this.manifest.count
  }

  /** Positions `start` to `end` (exclusive) of the whole corpus (see {@link listRange}). */
  range(files: ContentFiles, start: number, end: number, site: SiteDefaults): Promise<SiteArticle[]> {
    return this.listRange(files, this.all, start, end, site)
  }

  /**
   * Positions `start` to `end` (exclusive), newest first, of `list`: the whole corpus ({@link all})
   * or a tag's articles ({@link tagList}), as `site` serves them (see `authorAndLanguage`). Chunks
   * are filed from the oldest: position `p` is article `count - 1 - p` from the oldest.
   */
  async listRange(
    files: ContentFiles,
    list: ArticleList,
    start: number,
    end: number,
    site: SiteDefaults,
  ): Promise<SiteArticle[]> {
    const { chunkSize } = this.manifest
    // From the oldest: [first, last) is the same run of articles, counted the other way.
    const first = Math.max(0, list.count - end)
    const last = Math.min(list.count, list.count - Math.max(0, start))
    if (last <= first) return []
    const chunks: Promise<Chunk>[] = []
    // A list (a feed, an index page) keeps its chunks; one article of the long tail does not evict them.
    const keep = last - first > 1
    const c0 = Math.floor(first / chunkSize)
    for (let c = c0; c * chunkSize < last; c++) chunks.push(this.#chunk(files, chunkPath(list.dir, c), keep))
    // Only the articles asked for get their HTML and text forms; the rest of a chunk stays as stored.
    return (await Promise.all(chunks))
      .flat()
      .slice(first - c0 * chunkSize, last - c0 * chunkSize)
      .reverse()
      .map((stored) => fromStored(stored, site))
  }

  /**
   * The number from the oldest of the article whose page is `/articles/{slug}`, scheduled or not,
   * or `undefined`: the Worker asks its `Edition`, which finds only what has appeared.
   */
  async slugNumber(files: ContentFiles, slug: string): Promise<number | undefined> {
    const bucket = await this.#bucket(files, this.#buckets, bucketPath(bucketOf(slug, this.manifest.buckets)))
    return Object.hasOwn(bucket, slug) ? bucket[slug] : undefined
  }

  /** The tag whose page is `/tags/{key}`, or `undefined`. */
  async tag(files: ContentFiles, key: string): Promise<TagEntry | undefined> {
    const bucket = await this.#bucket(files, this.#tagBuckets, tagBucketPath(bucketOf(key, this.manifest.tags.buckets)))
    return Object.hasOwn(bucket, key) ? bucket[key] : undefined
  }

  /** The articles of `tag`, as a list for {@link listRange}. */
  tagList(tag: TagEntry): ArticleList {
    return { count: tag.count, dir: tagDir(tag.id) }
  }

  /** Tags `(p - 1) * TAG_LIST_PAGE_SIZE …` by key (`p` from 1), or `undefined` past the last. */
  async tagListPage(files: ContentFiles, p: number): Promise<TagEntry[] | undefined> {
    const text = await files.read(tagListPath(p))
    return text === undefined ? undefined : (JSON.parse(text) as TagEntry[])
  }

  /** The stored `<url>` elements of sitemap `n` (from 1), or `undefined`. */
  sitemap(files: ContentFiles, n: number): Promise<string | undefined> {
    return files.read(sitemapPath(n))
  }

  async #chunk(files: ContentFiles, path: string, keep: boolean): Promise<Chunk> {
    const hit = this.#chunks.peek(path)
    if (hit) return hit
    const text = await files.read(path)
    if (text === undefined) throw new Error(`The content files lack ${path}; rebuild the content.`)
    const chunk = JSON.parse(text) as Chunk
    if (keep) this.#chunks.set(path, chunk)
    return chunk
  }

  /** A slug or tag bucket file, parsed and kept in `cache`. */
  async #bucket<T>(
    files: ContentFiles,
    cache: BoundedCache<Record<string, T>>,
    path: string,
  ): Promise<Record<string, T>> {
    const hit = cache.peek(path)
    if (hit) return hit
    const text = await files.read(path)
    // A bucket no name falls in is not written.
    const bucket = text === undefined ? {} : (JSON.parse(text) as Record<string, T>)
    cache.set(path, bucket)
    return bucket
  }
}
