import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { METADATA_KEYS } from '../../src/build/metadata-keys.ts'

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')

/** The rows of the first Markdown table whose header starts with `| ${first} |`, as trimmed cells. */
function table(first: string): string[][] {
  const lines = readme.split('\n')
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(l))
  expect(start, `README has a table starting with "${first}"`).toBeGreaterThan(-1)
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
  }
  return rows
}

describe('README agrees with the code', () => {
  it('lists every metadata key, in order, with whether it is required and its default', () => {
    const rows = table('Key').map(([key, required, fallback]) => ({ key, required, default: fallback }))
    expect(rows).toEqual(
      METADATA_KEYS.map((k) => ({ key: `\`${k.key}\``, required: k.required ? '**yes**' : 'no', default: k.default })),
    )
  })
})

describe('docs agree with the tree', () => {
  const root = join(import.meta.dirname, '../..')
  const architecture = readFileSync(join(root, 'docs/architecture.md'), 'utf8')
  const tracked = execFileSync('git', ['ls-files', 'src', 'scripts', 'bench'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f))

  it('names every source file in the file map of docs/architecture.md', () => {
    expect(tracked.length).toBeGreaterThan(50)
    const missing = tracked.filter((file) => {
      const name = basename(file)
      // bench/lib files are listed by name in one line: "lib/ (workers, bundle, …)".
      return (
        !architecture.includes(name) &&
        !(file.startsWith('bench/') && architecture.includes(name.replace(/\.tsx?$/, '')))
      )
    })
    expect(missing).toEqual([])
  })

  it('links only to files that exist, from README.md and docs/', () => {
    const pages = [
      'README.md',
      ...readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ]
    const broken: string[] = []
    for (const page of pages) {
      // Fenced code blocks hold examples (an article's own relative image), not links of the page.
      const text = readFileSync(join(root, page), 'utf8').replace(/^```[\s\S]*?^```/gm, '')
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target as string)) continue
        const path = (target as string).split('#')[0] as string
        if (path && !existsSync(join(root, dirname(page), path))) broken.push(`${page} → ${target}`)
      }
    }
    expect(broken).toEqual([])
  })
})
