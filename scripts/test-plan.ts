/**
 * Printed by `npm test` before it starts (the `pretest` script): what it runs and for how long, so
 * nobody mistakes a two-minute run for a hang. Counts the test files as they are.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const tests = resolve(import.meta.dirname, '..', 'tests')

/** Test files under `dir` (recursively). */
function count(dir: string): number {
  return readdirSync(join(tests, dir), { recursive: true }).filter((f) => /\.test\.tsx?$/.test(String(f))).length
}

const node = count('node')
const browser = count('browser')
const workers = count('.') - node - browser
const chromium = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
console.log(`npm test: builds seeds/ into generated/assets, then runs ${workers + node + browser} test files in three Vitest projects:
  workers  ${workers} files inside workerd: content, corpus, feeds, HTTP, pages, property tests (~1 min)
  node     ${node} files in Node: Atom and JSON Feed schemas, the build script, websub:ping, 10,000 articles
           in a fresh workerd, real feed readers from Debian (feedparser, SimplePie, tt-rss, newsboat,
           sfeed), and smoke runs of npm run bench and npm run load (~1 min)
  browser  ${browser} file${browser === 1 ? '' : 's'} in real Chromium${chromium ? '' : ' (skipped: no Chromium at /usr/bin/chromium or CHROMIUM_PATH)'} (~20 s)
About 2 to 3 minutes on 2 cores; Vitest prints the time at the end. Only the fast part: npm test -- --project workers
`)
