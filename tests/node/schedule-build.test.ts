// Drafts and scheduled articles through the real build script: what is uploaded, what is printed,
// and the preview setting that a deploy refuses.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CONTENT_PREFIX, MANIFEST_PATH, type Manifest } from '../../src/content/layout.ts'
import { TINY_IMAGES } from '../fixtures/tiny-images.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const article = (title: string, meta: Record<string, string>, body = `${title} text.`) =>
  `---\n${Object.entries(meta)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n${title}\n\n${body}\n`

const PUBLISHED = {
  'a.txt': article('Aardvark post', { published: '2024-01-01', tags: 'Animals' }),
  'b.md': article(
    '# Badger post',
    { published: '2024-02-01', tags: 'Animals' },
    'Badger.\n\n![Badger](images/badger.png)',
  ),
}
const DRAFT = {
  'draft.md': article(
    '# Wombat draft',
    { published: '2024-03-01', tags: 'Animals, Marsupials', draft: 'true' },
    'Wombat secret.\n\n![Wombat](images/wombat.gif)',
  ),
  'images/wombat.gif': TINY_IMAGES.gif,
}

/** Runs the build on a folder of `texts` (a new one, or `dir` with `texts` added); `env` adds to the environment. */
function build(texts: Record<string, string | Uint8Array>, env: Record<string, string> = {}, dir = newDir()) {
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text)
  const out = mkdtempSync(join(dir, 'out-'))
  const { WRANGLER_COMMAND: _, ...inherited } = process.env
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build-content.ts'), dir, out], {
    encoding: 'utf8',
    env: { ...inherited, ...env },
  })
  return { ...run, out, dir }
}

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'images'))
  writeFileSync(join(dir, 'images/badger.png'), TINY_IMAGES.png)
  return dir
}

/** Every file written, by path, as bytes. */
function written(out: string): Map<string, Buffer> {
  const root = join(out, CONTENT_PREFIX)
  const files = new Map<string, Buffer>()
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      files.set(relative(root, path), readFileSync(path))
    }
  return files
}

describe('drafts in the build', () => {
  it('uploads exactly the files of a build without the draft, byte for byte, and says what it left out', () => {
    const without = build(PUBLISHED)
    const withDraft = build(DRAFT, {}, without.dir)
    expect([without.status, withDraft.status]).toEqual([0, 0])
    expect(written(withDraft.out)).toEqual(written(without.out))
    for (const [path, bytes] of written(withDraft.out)) {
      expect(bytes.includes('Wombat'), path).toBe(false)
      expect(bytes.includes('Marsupials'), path).toBe(false)
      expect(bytes.equals(Buffer.from(TINY_IMAGES.gif)), path).toBe(false)
    }
    expect(withDraft.stdout).toContain('1 draft left out')
    expect(withDraft.stdout).toContain('draft.md')
  })

  it('still checks a draft: a bad one stops the build with file and line', () => {
    const run = build({ ...PUBLISHED, 'draft.txt': article('Draft', { published: '2024-13-01', draft: 'true' }) })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/draft\.txt:2: published "2024-13-01" is not a date/)
    const bad = build({ ...PUBLISHED, 'maybe.txt': article('Maybe', { published: '2024-01-01', draft: 'maybe' }) })
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/maybe\.txt:3: draft "maybe" is not `true` or `false`\. Write `draft: true`/)
  })
})

describe('scheduled articles in the build', () => {
  it('writes them with the schedule, prints it, and hides their images', () => {
    // Half past: the printed time stays `2 h 30 min` however long the build takes to start.
    const soon = Date.now() + 2.5 * HOUR
    const run = build({
      ...PUBLISHED,
      'soon.md': article('# Soon post', { published: iso(soon), tags: 'Future' }, 'Soon.\n\n![Soon](images/soon.gif)'),
      'images/soon.gif': TINY_IMAGES.gif,
    })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `1 scheduled article, hidden until its time \\(UTC\\):\\n\\s+${iso(soon).replace(/\./, '\\.')}\\s+in 2 h 30 min\\s+\\S*soon\\.md`,
      ),
    )
    const files = written(run.out)
    const manifest = JSON.parse(String(files.get(MANIFEST_PATH))) as Manifest
    expect(manifest.schedule).toEqual([
      { published: iso(soon), updated: iso(soon), slug: 'soon-post', tags: ['future'], newTags: ['future'] },
    ])
    expect(manifest.count).toBe(3)
    expect(Object.values(manifest.hiddenMedia ?? {})).toEqual([iso(soon)])
    // The sitemap lists only what is visible at build time.
    expect(String(files.get('sitemaps/1.xml'))).not.toContain('soon-post')
  })
})

describe('the preview setting', () => {
  it('is refused outside wrangler dev, so a deploy never carries drafts', () => {
    const run = build({ ...PUBLISHED, ...DRAFT }, { PREVIEW: '1' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('PREVIEW is set, but this is not `wrangler dev`')
    for (const command of ['deploy', 'versions upload'])
      expect(build(PUBLISHED, { PREVIEW: '1', WRANGLER_COMMAND: command }).status, command).toBe(1)
  })

  it('under wrangler dev, publishes drafts and scheduled articles and marks the manifest', () => {
    const run = build(
      { ...PUBLISHED, ...DRAFT, 'soon.txt': article('Soon post', { published: iso(Date.now() + HOUR) }) },
      { PREVIEW: '1', WRANGLER_COMMAND: 'dev' },
    )
    expect(run.status, run.stderr).toBe(0)
    const manifest = JSON.parse(String(written(run.out).get(MANIFEST_PATH))) as Manifest
    expect([manifest.preview, manifest.count, manifest.schedule]).toEqual([true, 4, undefined])
    expect(run.stdout).toContain('PREVIEW: 1 draft and 1 scheduled article served as if published')
  })
})
