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
 * Drafts (`draft: true`) are checked and left out: no file of theirs is written. An article
 * published after the build runs is scheduled: written with the others, listed in the manifest's
 * schedule, and hidden by the Worker until its time; the build prints the schedule.
 *
 * PREVIEW=1 (`npm run preview`) builds drafts and scheduled articles as if published, for
 * `wrangler dev` only: the build refuses it under any other command, so a deploy never carries them.
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
import { isScheduled } from '../src/content/reveal-time.ts'
import type { Article } from '../src/model/article.ts'

const root = resolve(import.meta.dirname, '..')
const seedsDir = resolve(process.argv[2] ?? process.env.SEEDS_DIR ?? join(root, 'seeds'))
const assetsDir = resolve(process.argv[3] ?? join(root, 'generated', 'assets'))
const contentDir = join(assetsDir, CONTENT_PREFIX)
/** Files read or written at once: far below any open-files limit (`ulimit -n` is often 1,024). */
const CONCURRENCY = 64
/** Workers Static Assets: files per Worker version on the Free plan (100,000 on Paid). */
const FREE_PLAN_FILES = 20_000
/** A manifest past this size costs a first request more than a feed's render (see docs/performance.md). */
const MANIFEST_WARNING_BYTES = 1_048_576
const started = performance.now()
/** `npm run preview`: drafts and scheduled articles published now, under `wrangler dev` only. */
const preview = process.env.PREVIEW !== undefined && process.env.PREVIEW !== '' && process.env.PREVIEW !== '0'
if (preview && process.env.WRANGLER_COMMAND !== 'dev') {
  console.error(
    'content: PREVIEW is set, but this is not `wrangler dev`: a preview shows drafts and scheduled articles, so it is only built for `npm run preview`. Unset PREVIEW to build for a deploy or a test.',
  )
  process.exit(1)
}

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
  const { articles, media, usedBy, drafts } = await loadContent(files, {
    dir: `${relative(root, seedsDir) || '.'}/`,
    progress,
    drafts: preview,
  })
  const now = Date.now()
  const packed = preview ? packCorpus(articles, media, { preview: true }) : packCorpus(articles, media, { now, usedBy })
  reportSchedule(articles, drafts, now)
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
  const manifestBytes = Buffer.byteLength(packed.get(MANIFEST_PATH) as string)
  if (manifestBytes > MANIFEST_WARNING_BYTES) {
    console.warn(
      `content: the manifest is ${(manifestBytes / 1048576).toFixed(1)} MiB (the schedule holds about 160 bytes per scheduled article); every isolate parses it on its first request (13 MiB, 85,000 scheduled articles, took a first feed request from about 40 to 140 ms of CPU in workerd). Schedule fewer articles ahead, or publish some now.`,
    )
  }
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

/** Prints what readers will not see yet: the scheduled articles with their times, and the drafts left out. */
function reportSchedule(articles: readonly Article[], drafts: readonly Article[], now: number): void {
  const scheduled = articles.filter((a) => isScheduled(a.published, now) && !drafts.includes(a)).reverse()
  if (preview) {
    console.log(
      `content: PREVIEW: ${drafts.length === 0 ? 'no drafts' : plural(drafts.length, 'draft')} and ${plural(scheduled.length, 'scheduled article')} served as if published (wrangler dev only; a deploy never includes drafts)`,
    )
    return
  }
  if (scheduled.length > 0) {
    console.log(`content: ${plural(scheduled.length, 'scheduled article')}, hidden until its time (UTC):`)
    for (const a of scheduled.slice(0, 50))
      console.log(`  ${a.published}  in ${until(Date.parse(a.published) - now)}  ${a.source}`)
    if (scheduled.length > 50) console.log(`  … and ${(scheduled.length - 50).toLocaleString('en')} more`)
  }
  if (drafts.length > 0) {
    console.log(`content: ${plural(drafts.length, 'draft')} left out (draft: true; \`npm run preview\` shows them):`)
    for (const a of drafts.slice(0, 50)) console.log(`  ${a.source}`)
    if (drafts.length > 50) console.log(`  … and ${(drafts.length - 50).toLocaleString('en')} more`)
  }
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`
}

/** A span of time as a person reads it: `40 s`, `12 min`, `5 h 3 min`, `3 d 4 h` (whole units, never `60 min`). */
function until(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 120) return `${s} s`
  const min = Math.round(s / 60)
  if (min < 120) return `${min} min`
  const h = Math.floor(min / 60)
  if (h < 48) return `${h} h ${min % 60} min`
  return `${Math.floor(h / 24)} d ${h % 24} h`
}
