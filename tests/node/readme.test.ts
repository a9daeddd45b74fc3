import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { METADATA_KEYS } from '../../src/content/metadata.ts'

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
