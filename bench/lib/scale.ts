/**
 * Scale measurements for one corpus size: build time and output, module evaluation, the CPU of the
 * first request of each route in a fresh isolate, and memory after requests for 1,000 articles.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DEFAULTS } from '../../src/config.ts'
import {
  ARTICLES_DIR,
  bucketOf,
  bucketPath,
  CHUNK_SIZE,
  chunkPath,
  MANIFEST_PATH,
  type Manifest,
  sitemapPath,
  tagBucketPath,
  tagDir,
  tagListPath,
} from '../../src/content/layout.ts'
import type { TagEntry } from '../../src/model/site.ts'
import { archivePages, archiveRange, INDEX_PAGE_SIZE, TAG_LIST_PAGE_SIZE } from '../../src/paging.ts'
import { PATHS } from '../../src/paths.ts'
import { generateArticles } from '../generate-articles.ts'
import { ROOT } from './bundle.ts'
import { cpuMs, type RunningWorker, residentMiB, startWorker } from './workers.ts'

/** A route to measure, and the content files its first request reads (see src/content/layout.ts). */
export interface Route {
  name: string
  path: string
  reads: string[]
}

/** The chunk files of `dir` that positions `start` to `end` (feed order, newest first) of a list of `count` read. */
export function rangeReads(dir: string, count: number, start: number, end: number): string[] {
  const first = Math.max(0, count - end)
  const last = Math.min(count, count - start)
  const reads: string[] = []
  for (let c = Math.floor(first / CHUNK_SIZE); c * CHUNK_SIZE < last; c++) reads.push(chunkPath(dir, c))
  return reads
}

/** Articles a request sees before the first scheduled one appears: scheduled ones are the newest, filed last. */
export function visibleCount(manifest: Manifest): number {
  return manifest.count - (manifest.schedule?.length ?? 0)
}

/** The content files the page of the visible article at `position` reads after the manifest. */
export function articleReads(manifest: Manifest, slug: string, position: number): string[] {
  return [
    bucketPath(bucketOf(slug, manifest.buckets)),
    ...rangeReads(ARTICLES_DIR, visibleCount(manifest), position, position + 1),
  ]
}

/**
 * The routes whose first request is measured: a feed, the index, the newest and the oldest
 * article, the oldest and the newest archive page, the feed and the page of the largest tag, and
 * the first sitemap.
 */
export function routes(assetsDir: string): Route[] {
  const manifest = readManifest(assetsDir)
  const count = visibleCount(manifest)
  const [newest, oldest] = slugsAt(assetsDir, [0, count - 1]) as [string, string]
  const tag = largestTag(assetsDir, manifest)
  const tagReads = (end: number) => [
    MANIFEST_PATH,
    tagBucketPath(bucketOf(tag.key, manifest.tags.buckets)),
    ...rangeReads(tagDir(tag.id), tag.count, 0, end),
  ]
  const pages = archivePages(count, DEFAULTS.feedItems)
  const archive = (n: number) => {
    const { start, end } = archiveRange(count, DEFAULTS.feedItems, n)
    return [MANIFEST_PATH, ...rangeReads(ARTICLES_DIR, count, start, end)]
  }
  return [
    {
      name: 'feed',
      path: '/feed.xml',
      reads: [MANIFEST_PATH, ...rangeReads(ARTICLES_DIR, count, 0, DEFAULTS.feedItems)],
    },
    { name: 'index', path: '/', reads: [MANIFEST_PATH, ...rangeReads(ARTICLES_DIR, count, 0, INDEX_PAGE_SIZE)] },
    {
      name: 'newest article',
      path: `/articles/${newest}`,
      reads: [MANIFEST_PATH, ...articleReads(manifest, newest, 0)],
    },
    {
      name: 'oldest article',
      path: `/articles/${oldest}`,
      reads: [MANIFEST_PATH, ...articleReads(manifest, oldest, count - 1)],
    },
    ...(pages > 0
      ? [
          { name: 'oldest archive', path: PATHS.archive('', 1) + PATHS.rss, reads: archive(1) },
          { name: 'newest archive', path: PATHS.archive('', pages) + PATHS.rss, reads: archive(pages) },
        ]
      : []),
    { name: 'tag feed', path: PATHS.tag(tag.key) + PATHS.rss, reads: tagReads(DEFAULTS.feedItems) },
    { name: 'tag page', path: PATHS.tag(tag.key), reads: tagReads(INDEX_PAGE_SIZE) },
    {
      name: 'sitemap',
      path: manifest.sitemaps.length > 1 ? PATHS.sitemapPart(1) : PATHS.sitemap,
      reads: [MANIFEST_PATH, sitemapPath(1)],
    },
  ]
}

/** The tag with the most articles, from the tag list. */
function largestTag(assetsDir: string, manifest: Manifest): TagEntry {
  let largest: TagEntry | undefined
  for (let p = 1; (p - 1) * TAG_LIST_PAGE_SIZE < manifest.tags.count; p++) {
    const list = JSON.parse(readFileSync(join(assetsDir, '_content', tagListPath(p)), 'utf8')) as TagEntry[]
    for (const tag of list) if (!largest || tag.count > largest.count) largest = tag
  }
  if (!largest) throw new Error('the generated articles have no tags')
  return largest
}

/** The manifest of a built content folder. */
export function readManifest(assetsDir: string): Manifest {
  return JSON.parse(readFileSync(join(assetsDir, '_content', MANIFEST_PATH), 'utf8')) as Manifest
}

/** What the build wrote: file count, bytes, the largest file (Static Assets: 20,000 files on Free, 25 MiB each). */
export interface BuildOutput {
  seconds: number
  files: number
  bytes: number
  largestBytes: number
  /** The build's own progress and summary lines. */
  log: string
}

/** Generates `count` articles (the newest `scheduled` of them after the build) and builds them into `assetsDir`, timing the build alone. */
export function generateAndBuild(
  count: number,
  seedsDir: string,
  assetsDir: string,
  scheduled = 0,
): BuildOutput & { seedBytes: number } {
  const seedBytes = generateArticles(seedsDir, count, { scheduled })
  const t0 = performance.now()
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build-content.ts'), seedsDir, assetsDir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const seconds = (performance.now() - t0) / 1000
  if (run.status !== 0) throw new Error(`build of ${count} articles failed:\n${run.stderr.slice(0, 2000)}`)
  let files = 0
  let bytes = 0
  let largestBytes = 0
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else {
        const size = statSync(path).size
        files++
        bytes += size
        largestBytes = Math.max(largestBytes, size)
      }
    }
  }
  walk(assetsDir)
  return { seconds, files, bytes, largestBytes, seedBytes, log: run.stdout.trim() }
}

/** Slugs of the visible articles at `positions` (feed order, scheduled ones skipped), read from the built chunks. */
export function slugsAt(assetsDir: string, positions: readonly number[]): string[] {
  const manifest = readManifest(assetsDir)
  const chunks = new Map<number, { slug: string }[]>()
  return positions.map((p) => {
    // Chunks are filed from the oldest (see src/content/layout.ts).
    const n = visibleCount(manifest) - 1 - p
    const c = Math.floor(n / manifest.chunkSize)
    const path = join(assetsDir, '_content', chunkPath(ARTICLES_DIR, c))
    if (!chunks.has(c)) chunks.set(c, JSON.parse(readFileSync(path, 'utf8')))
    return (chunks.get(c) as { slug: string }[])[n % manifest.chunkSize]!.slug
  })
}

/**
 * The bundle as Node can load it: its import of workerd's built-in `cloudflare:workers` (the base
 * class of the hub's Durable Object, which a request to the Worker never constructs) points at a
 * one-line module that defines a stand-in class. Everything else is the deployed bytes.
 */
function nodeLoadable(bundle: string): string {
  const stand = `data:text/javascript,${encodeURIComponent('export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env } }')}`
  const out = `${bundle}.node.mjs`
  writeFileSync(out, readFileSync(bundle, 'utf8').replaceAll('"cloudflare:workers"', JSON.stringify(stand)))
  return out
}

/** Module evaluation and one first request in a fresh Node process (see bench/cold-isolate.ts). */
export function coldIsolate(
  runner: string,
  bundle: string,
  assetsDir: string,
  path: string,
): { moduleCpuMs: number; requestCpuMs: number } {
  const out = execFileSync(process.execPath, [runner], {
    env: {
      ...process.env,
      COLD_BUNDLE: pathToFileURL(nodeLoadable(bundle)).href,
      COLD_ASSETS: assetsDir,
      COLD_PATH: path,
    },
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').at(-1) as string)
}

/**
 * Source of the trivial Worker: constant bytes, after the platform work the product's first request
 * does besides its own code, so the difference is the product's own work. It reads the content files
 * named in `?read=` through the same `ASSETS` binding, one after the other as the product does; and
 * with `?cache=` it looks up and stores a body of that many bytes in the Cache API, as the product's
 * representation store does once version metadata is bound. Locally the asset service and the
 * Cache API run in the same workerd process as the Worker, so their CPU (and their own first-use
 * cost) lands in the process figures; on Cloudflare they are other services and do not count
 * against the Worker.
 */
export const TRIVIAL_WITH_READS = `export default {
  async fetch(request, env, ctx) {
    const params = new URL(request.url).searchParams;
    const read = params.get('read');
    for (const path of read ? read.split(',') : []) await (await env.ASSETS.fetch('https://assets.invalid/_content/' + path)).arrayBuffer();
    const bytes = Number(params.get('cache') ?? 0);
    if (bytes > 0) {
      const cache = await caches.open('representations');
      const url = 'https://representations.feed-endpoint.internal/trivial/' + crypto.randomUUID();
      await cache.match(url);
      ctx.waitUntil(cache.put(url, new Response(new Uint8Array(bytes), { headers: { 'Cache-Control': 'public, max-age=604800' } })));
    }
    return new Response('x');
  },
};
`

/** The trivial Worker's URL that reads `files` and, with `cacheBytes`, stores that many bytes in the Cache API. */
export function trivialPath(files: readonly string[], cacheBytes = 0): string {
  const query = [
    ...(files.length > 0 ? [`read=${files.join(',')}`] : []),
    ...(cacheBytes > 0 ? [`cache=${cacheBytes}`] : []),
  ]
  return query.length > 0 ? `/?${query.join('&')}` : '/'
}

/** CPU (process, ms) of one request to a freshly started Worker, and the bytes of its body. */
export async function firstRequestCpu(
  start: () => Promise<RunningWorker>,
  path: string,
): Promise<{ cpuMs: number; bytes: number }> {
  const w = await start()
  try {
    const before = cpuMs(w.pid)
    const res = await fetch(w.url + path, { headers: { 'Accept-Encoding': 'identity' } })
    const bytes = (await res.arrayBuffer()).byteLength
    const after = cpuMs(w.pid)
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    if (before === undefined || after === undefined) return { cpuMs: Number.NaN, bytes }
    return { cpuMs: after - before, bytes }
  } finally {
    await w.dispose()
  }
}

/** Resident memory (MiB) of a Worker's workerd after requests for every path in `paths`. */
export async function memoryAfter(start: () => Promise<RunningWorker>, paths: readonly string[]): Promise<number> {
  const w = await start()
  try {
    for (let i = 0; i < paths.length; i += 8) {
      await Promise.all(
        paths.slice(i, i + 8).map(async (p) => {
          const res = await fetch(w.url + p)
          await res.arrayBuffer()
          if (res.status !== 200) throw new Error(`${p}: ${res.status}`)
        }),
      )
    }
    return residentMiB(w.pid) ?? Number.NaN
  } finally {
    await w.dispose()
  }
}

/** Writes a Worker source to a file and returns its path. */
export function writeWorker(path: string, source: string): string {
  writeFileSync(path, source)
  return path
}

export { startWorker }
