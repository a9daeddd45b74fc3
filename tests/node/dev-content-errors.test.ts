// A broken seed under `npm start` (wrangler dev): the build must not stop the server. It prints the
// problems and leaves a manifest of them; the Worker answers every request with an error page that
// lists them. Everywhere else (deploy, npm test, a direct run) the build still fails.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deployBundle } from '../../bench/lib/bundle.ts'
import { type RunningWorker, startWorker } from '../../bench/lib/workers.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const tmp = mkdtempSync(join(tmpdir(), 'dev-errors-'))
const seeds = join(tmp, 'seeds')
const assets = join(tmp, 'assets')
let bundle: string

function build(env: Record<string, string>) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/build-content.ts'), seeds, assets], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  })
}

beforeAll(async () => {
  spawnSync('mkdir', ['-p', seeds])
  writeFileSync(join(seeds, 'good.txt'), '---\npublished: 2024-01-01\n---\nGood\n\nText.\n')
  writeFileSync(join(seeds, 'bad.txt'), '---\npublished: 2024-13-01\ncolour: red\n---\nBad <b>\n\nText.\n')
  bundle = deployBundle(join(tmp, 'bundle'))
}, 180_000)
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

describe('a bad article under wrangler dev', () => {
  it('fails the build everywhere but wrangler dev, and writes nothing', () => {
    for (const command of [undefined, 'deploy']) {
      const result = build(command ? { WRANGLER_COMMAND: command } : {})
      expect(result.status, String(command)).toBe(1)
      expect(result.stderr).toContain('bad.txt:2: published "2024-13-01" is not a date')
      expect(existsSync(join(assets, '_content/manifest.json'))).toBe(false)
    }
  })

  it('keeps wrangler dev serving: exit 0, the problems on stdout only, every one of them, and a manifest of them', () => {
    const result = build({ WRANGLER_COMMAND: 'dev' })
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    const lines = result.stdout.trim().split('\n')
    expect(lines[0]).toBe('2 problems in seeds/:')
    expect(lines[1]).toMatch(/bad\.txt:2: published "2024-13-01" is not a date\. Use RFC 3339/)
    expect(lines[2]).toMatch(/bad\.txt:3: unknown metadata key "colour"\. Known keys/)
    expect(lines).toHaveLength(4)
    const manifest = JSON.parse(readFileSync(join(assets, '_content/manifest.json'), 'utf8')) as { problems: string[] }
    expect(manifest.problems).toHaveLength(2)
  })

  it('answers every request with 503 and the problems, as a page, as text and as JSON, never cached', async () => {
    build({ WRANGLER_COMMAND: 'dev' })
    const restarted: RunningWorker = await startWorker({ scriptPath: bundle, assetsDir: assets })
    try {
      for (const path of ['/', '/feed.xml', '/feed.json', '/articles/good']) {
        const page = await fetch(restarted.url + path, { headers: { Accept: 'text/html' } })
        expect(page.status, path).toBe(503)
        expect(page.headers.get('Cache-Control')).toBe('no-store')
        const html = await page.text()
        expect(html).toContain('<li><code>')
        expect(html).toContain('bad.txt:2: published &quot;2024-13-01&quot; is not a date')
        expect(html).toContain('bad.txt:3: unknown metadata key &quot;colour&quot;')
      }
      const text = await (await fetch(`${restarted.url}/feed.xml`)).text()
      expect(text).toMatch(
        /^503 The articles in seeds\/ cannot be served until these 2 problems are fixed:\n.*bad\.txt:2:/,
      )
      const json = (await (
        await fetch(`${restarted.url}/feed.json`, { headers: { Accept: 'application/json' } })
      ).json()) as {
        error: { status: number; message: string }
      }
      expect(json.error.status).toBe(503)
      expect(json.error.message).toContain('bad.txt:3:')
    } finally {
      await restarted.dispose()
    }
  })
})
