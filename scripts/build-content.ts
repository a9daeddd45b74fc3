/**
 * Build step: reads every file in `seeds/`, parses and checks it with the same code the tests use,
 * and lays the articles out as the files the Worker reads through its `ASSETS` binding
 * (`generated/assets/_content/`: a manifest, chunks of articles in feed order, slug buckets; see
 * `src/content/layout.ts`). A bad file stops the build here, with file, line and fix, so it never
 * reaches a feed, and nothing is written.
 *
 * Under `wrangler dev` (`npm start`; wrangler sets WRANGLER_COMMAND=dev for the build it runs) a bad
 * file does not stop the server: the build prints the problems, writes a manifest that holds only
 * them and succeeds, so every request answers with an error page listing them until the files are
 * fixed and wrangler rebuilds. `wrangler deploy`, `npm test` and a direct run still fail.
 *
 * Usage: node scripts/build-content.ts [seedsDir] [assetsDir]
 *   (defaults: seeds, generated/assets; the SEEDS_DIR variable also sets the folder)
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { ContentErrors } from '../src/build/content-error.ts'
import { isImageName } from '../src/build/images.ts'
import { loadContent } from '../src/build/load-content.ts'
import { packCorpus, problemManifest } from '../src/build/pack.ts'
import type { SourceFile } from '../src/build/seed-files.ts'
import { CONTENT_PREFIX, MANIFEST_PATH } from '../src/content/layout.ts'

const root = resolve(import.meta.dirname, '..')
const seedsDir = resolve(process.argv[2] ?? process.env.SEEDS_DIR ?? join(root, 'seeds'))
const assetsDir = resolve(process.argv[3] ?? join(root, 'generated', 'assets'))
const contentDir = join(assetsDir, CONTENT_PREFIX)
/** Files read or written at once: far below any open-files limit (`ulimit -n` is often 1,024). */
const CONCURRENCY = 64
/** Workers Static Assets: files per Worker version on the Free plan (100,000 on Paid). */
const FREE_PLAN_FILES = 20_000
const started = performance.now()

/** Runs `task` over `items`, at most {@link CONCURRENCY} at a time, reporting progress on long runs. */
async function eachLimited<T, R>(label: string, items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let done = 0
  let reported = performance.now()
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i] as T)
      done++
      if (performance.now() - reported > 2000) {
        reported = performance.now()
        console.log(
          `content: ${label} ${done.toLocaleString('en')} of ${items.length.toLocaleString('en')} files (${seconds()} s)`,
        )
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
  return results
}

function seconds(): string {
  return ((performance.now() - started) / 1000).toFixed(1)
}

// Articles at the top, images anywhere below (`images/`), by their path under seeds/; other files
// of subfolders are not the build's (loadContent ignores them too), so they are not even read.
const names = (await readdir(seedsDir, { withFileTypes: true, recursive: true }))
  .filter((e) => e.isFile())
  .map((e) => relative(seedsDir, join(e.parentPath, e.name)).split('\\').join('/'))
  .filter((name) => !name.includes('/') || isImageName(name))
const files: SourceFile[] = await eachLimited('read', names, async (name) => ({
  name,
  bytes: new Uint8Array(await readFile(join(seedsDir, name))),
}))

try {
  let reported = performance.now()
  const progress = (parsed: number, total: number) => {
    if (performance.now() - reported < 2000) return
    reported = performance.now()
    console.log(
      `content: parsed ${parsed.toLocaleString('en')} of ${total.toLocaleString('en')} articles (${seconds()} s)`,
    )
  }
  const { articles, media } = await loadContent(files, { dir: `${relative(root, seedsDir) || '.'}/`, progress })
  const packed = packCorpus(articles, media)
  await rm(contentDir, { recursive: true, force: true })
  const dirs = new Set([...packed.keys()].map((path) => dirname(join(contentDir, path))))
  for (const dir of dirs) await mkdir(dir, { recursive: true })
  await eachLimited('wrote', [...packed], ([path, text]) => writeFile(join(contentDir, path), text))
  const bytes = [...packed.values()].reduce(
    (sum, file) => sum + (typeof file === 'string' ? Buffer.byteLength(file) : file.byteLength),
    0,
  )
  console.log(
    `content: ${articles.length.toLocaleString('en')} article${articles.length === 1 ? '' : 's'} from ${relative(root, seedsDir) || '.'}/ -> ` +
      `${relative(root, contentDir)}/ (${packed.size.toLocaleString('en')} files, ${(bytes / 1048576).toFixed(1)} MiB) in ${seconds()} s`,
  )
  if (packed.size > FREE_PLAN_FILES) {
    console.warn(
      `content: ${packed.size.toLocaleString('en')} files is over the ${FREE_PLAN_FILES.toLocaleString('en')} Static Assets files a Worker may have on the Free plan (100,000 on Paid); \`wrangler deploy\` will refuse it there.`,
    )
  }
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error
  if (process.env.WRANGLER_COMMAND !== 'dev') {
    console.error(error.message)
    process.exit(1)
  }
  // Printed to stdout: wrangler shows a failing build's stderr with a page of its own internals.
  console.log(error.message)
  console.log('content: every page answers with these problems until they are fixed; saving a file rebuilds.')
  await rm(contentDir, { recursive: true, force: true })
  await mkdir(contentDir, { recursive: true })
  await writeFile(join(contentDir, MANIFEST_PATH), JSON.stringify(problemManifest(error.errors.map((e) => e.message))))
}
