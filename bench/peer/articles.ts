/**
 * Writes the articles of seeds/ for the benchmark's peer (`generated/peer-articles.json`, the JSON
 * module it bundles): `npm run bench` runs it before bundling the peer, and `npm run typecheck`
 * before tsc, which checks the peer's import of it.
 *
 * Usage: node bench/peer/articles.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { loadContent } from '../../src/build/load-content.ts'

const ROOT = resolve(import.meta.dirname, '../..')

/** Parses seeds/ with the build's code and writes the articles as JSON. */
export async function writePeerArticles(): Promise<void> {
  const dir = join(ROOT, 'seeds')
  const files = await Promise.all(
    (await readdir(dir)).map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })),
  )
  mkdirSync(join(ROOT, 'generated'), { recursive: true })
  writeFileSync(join(ROOT, 'generated/peer-articles.json'), JSON.stringify((await loadContent(files)).articles))
}

if (import.meta.main) await writePeerArticles()
