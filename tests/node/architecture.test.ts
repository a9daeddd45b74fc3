// The tree's structure as the issue that drew it asked: the Worker never loads the build's code,
// no module or folder imports itself around a loop, and Biome's rule that keeps the line refuses a
// Worker module that crosses it. The import graph is read from the files, as bundlers read it.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g

/** Every module `entry` loads (type-only imports included: they tie modules together too), as paths from the root. */
function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8')
  return [...text.matchAll(IMPORT)]
    .map((m) => normalize(join(dirname(file), (m[1] ?? m[2]) as string)))
    .filter((path) => existsSync(join(root, path)))
}

function reach(entry: string): Set<string> {
  const seen = new Set<string>()
  const stack = [entry]
  while (stack.length > 0) {
    const file = stack.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    stack.push(...imports(file))
  }
  return seen
}

const worker = reach('src/index.ts')
const build = reach('scripts/build-content.ts')
const sources = execFileSync('git', ['ls-files', 'src'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))

/** The strongly connected groups of more than one node (Tarjan): each is a loop of imports. */
function loops(nodes: readonly string[], edges: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const found: string[][] = []
  const visit = (v: string) => {
    index.set(v, index.size)
    low.set(v, index.get(v) as number)
    stack.push(v)
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number))
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number))
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = []
      let w: string
      do {
        w = stack.pop() as string
        group.push(w)
      } while (w !== v)
      if (group.length > 1) found.push(group.sort())
    }
  }
  for (const v of nodes) if (!index.has(v)) visit(v)
  return found
}

describe('the line between the build and the Worker', () => {
  it('keeps every build-only module in src/build/, and none of them in the Worker', () => {
    expect(sources.length).toBeGreaterThan(80)
    expect([...worker].filter((f) => f.startsWith('src/build/'))).toEqual([])
    const buildOnly = sources.filter((f) => build.has(f) && !worker.has(f))
    expect(buildOnly.length).toBeGreaterThan(10)
    expect(buildOnly.filter((f) => !f.startsWith('src/build/'))).toEqual([])
    expect(sources.filter((f) => f.startsWith('src/build/') && !build.has(f))).toEqual([])
  })

  it('has no import loop between modules, nor between folders (the root holds the shared primitives)', () => {
    expect(loops(sources, (f) => imports(f).filter((g) => g.startsWith('src/')))).toEqual([])
    const folder = (f: string) => dirname(f)
    const folders = [...new Set(sources.map(folder))].filter((d) => d !== 'src')
    const edges = (d: string) => [
      ...new Set(
        sources
          .filter((f) => folder(f) === d)
          .flatMap(imports)
          .map(folder)
          .filter((g) => g !== d && g !== 'src' && g.startsWith('src')),
      ),
    ]
    expect(loops(folders, edges)).toEqual([])
  })

  it('is enforced by Biome: a Worker module that imports src/build/ fails the lint', () => {
    // Probe files beside real modules (Biome's rule applies by path), removed whatever happens.
    const lint = (path: string, source: string) => {
      const file = join(root, path)
      writeFileSync(file, source)
      try {
        return spawnSync(join(root, 'node_modules/.bin/biome'), ['lint', '--max-diagnostics=5', file], {
          cwd: root,
          encoding: 'utf8',
        })
      } finally {
        rmSync(file, { force: true })
      }
    }
    const probe = `lint-probe-${process.pid}.ts`
    const crossing = lint(
      `src/site/${probe}`,
      "import { packCorpus } from '../build/pack.ts'\nexport const x = packCorpus\n",
    )
    expect(crossing.status).not.toBe(0)
    expect(crossing.stdout + crossing.stderr).toMatch(/noRestrictedImports/)
    // The build itself, and a Worker module importing shared code, pass.
    expect(
      lint(`src/build/${probe}`, "import { packCorpus } from './pack.ts'\nexport const x = packCorpus\n").status,
    ).toBe(0)
    const shared = "import { tagKey } from '../content/tag-key.ts'\nexport const x = tagKey\n"
    expect(lint(`src/site/${probe}`, shared).status).toBe(0)
  })
})
