// The real build script on Markdown seeds: images published under names made from their bytes,
// and a missing image stopping the build with file and line.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const tmp = mkdtempSync(join(tmpdir(), 'markdown-build-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function build(seeds: string, assets: string) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/build-content.ts'), seeds, assets], { encoding: 'utf8' })
}

describe('build of Markdown seeds', () => {
  it('publishes the images an article uses under names made from their bytes', () => {
    const run = build(join(ROOT, 'examples/markdown'), join(tmp, 'assets'))
    expect(run.status, run.stderr).toBe(0)
    const media = readdirSync(join(tmp, 'assets/_content/media'))
    expect(media).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.png$/)])
    expect(readFileSync(join(tmp, 'assets/_content/media', media[0] as string))).toEqual(
      readFileSync(join(ROOT, 'examples/markdown/images/pipeline.png')),
    )
  })

  it('stops at a missing image with file and line, and writes nothing', () => {
    const seeds = join(tmp, 'bad')
    cpSync(join(ROOT, 'examples/markdown'), seeds, { recursive: true })
    writeFileSync(join(seeds, 'b.md'), '---\npublished: 2024-01-01\n---\n# B\n\nText.\n\n![gone](images/gone.png)\n')
    const run = build(seeds, join(tmp, 'bad-assets'))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      /b\.md:8: image "images\/gone\.png" is not in seeds\/\. Put the file at seeds\/images\/gone\.png/,
    )
    expect(() => readdirSync(join(tmp, 'bad-assets'))).toThrow()
  })
})
