import { BoundedCache } from '../bounded-cache.ts'
import { fromStored } from '../content/article-body.ts'
import { RefusedContent } from '../content/content-error.ts'
import type { SiteDefaults } from '../content/site-defaults.ts'
import type { Article, SiteArticle } from '../model.ts'
import type { ContentFiles } from './files.ts'
import {
  bucketOf,
  bucketPath,
  type Chunk,
  chunkPath,
  LAYOUT_VERSION,
  MANIFEST_PATH,
  type Manifest,
  type SlugBucket,
} from './layout.ts'

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

  private constructor(manifest: Manifest, options: CorpusOptions) {
    this.manifest = manifest
    this.#chunks = new BoundedCache({ entries: options.chunks ?? 16 })
    this.#buckets = new BoundedCache({ entries: options.buckets ?? 64 })
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

  /**
   * Articles at positions `start` (inclusive) to `end` (exclusive) in feed order, newest first; as
   * `site` serves them when given (see `creditsOf`), else as stored.
   */
  range(files: ContentFiles, start: number, end: number): Promise<Article[]>
  range(files: ContentFiles, start: number, end: number, site: SiteDefaults): Promise<SiteArticle[]>
  async range(files: ContentFiles, start: number, end: number, site?: SiteDefaults): Promise<Article[]> {
    const { chunkSize } = this.manifest
    const from = Math.max(0, start)
    const to = Math.min(this.count, end)
    if (to <= from) return []
    const chunks: Promise<Chunk>[] = []
    // A list (a feed, an index page) keeps its chunks; one article of the long tail does not evict them.
    const keep = to - from > 1
    for (let k = Math.floor(from / chunkSize); k * chunkSize < to; k++) chunks.push(this.#chunk(files, k, keep))
    const first = Math.floor(from / chunkSize) * chunkSize
    // Only the articles asked for get their HTML and text forms; the rest of a chunk stays as stored.
    return (await Promise.all(chunks))
      .flat()
      .slice(from - first, to - first)
      .map((stored) => (site ? fromStored(stored, site) : fromStored(stored)))
  }

  /** The `n` newest articles. */
  newest(files: ContentFiles, n: number, site: SiteDefaults): Promise<SiteArticle[]> {
    return this.range(files, 0, n, site)
  }

  /** The article whose page is `/articles/{slug}`, or `undefined`. */
  async bySlug(files: ContentFiles, slug: string, site: SiteDefaults): Promise<Located | undefined> {
    const bucket = await this.#bucket(files, bucketOf(slug, this.manifest.buckets))
    const position = Object.hasOwn(bucket, slug) ? bucket[slug] : undefined
    if (position === undefined) return undefined
    const [article] = await this.range(files, position, position + 1, site)
    return article && { article, position }
  }

  async #chunk(files: ContentFiles, k: number, keep: boolean): Promise<Chunk> {
    const hit = this.#chunks.peek(String(k))
    if (hit) return hit
    const text = await files.read(chunkPath(k))
    if (text === undefined) throw new Error(`The content files lack ${chunkPath(k)}; rebuild the content.`)
    const chunk = JSON.parse(text) as Chunk
    if (keep) this.#chunks.set(String(k), chunk)
    return chunk
  }

  async #bucket(files: ContentFiles, b: number): Promise<SlugBucket> {
    const hit = this.#buckets.peek(String(b))
    if (hit) return hit
    const text = await files.read(bucketPath(b))
    // A bucket no slug falls in is not written.
    const bucket = text === undefined ? {} : (JSON.parse(text) as SlugBucket)
    this.#buckets.set(String(b), bucket)
    return bucket
  }
}
