// `npm run load` must keep working: a few seconds of the mixed load, and a well-formed report.
// No timing or memory threshold is asserted here; the script itself judges statuses.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'load-test-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('npm run load (tiny configuration)', () => {
  it('sends the whole mix and gets only the statuses that are right for each request', async () => {
    const env = { ...process.env, LOAD_SECONDS: '2', LOAD_CONNECTIONS: '8', LOAD_OUT: out }
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((done) =>
      execFile(process.execPath, [join(ROOT, 'bench/load.ts')], { env, cwd: ROOT, timeout: 150_000 }, (error, so) =>
        done({ code: (error as { code?: number } | null)?.code ?? 0, stdout: so }),
      ),
    )
    const report = JSON.parse(readFileSync(join(out, 'load.json'), 'utf8'))
    expect(stdout).toContain('unexpected statuses 0, 5xx 0')
    expect(report.requests).toBeGreaterThan(0)
    expect(report.unexpectedStatuses).toBe(0)
    expect(report.serverErrors).toBe(0)
    expect(report.perKind.length).toBeGreaterThan(10)
    for (const kind of report.perKind) expect(Object.keys(kind.byStatus).map(Number), kind.name).toEqual(kind.expect)
    expect(report.latencyMs.p99).toBeGreaterThanOrEqual(report.latencyMs.p50)
    expect(report.memoryMiB.start).toBeGreaterThan(0)
    expect(report.memoryMiB.trivialWorkerDelta).toEqual(expect.any(Number))
    // Exit status follows the verdict (memory on a 2-second run is too noisy to assert here).
    expect(code === 0 || report.memoryMiB.flatAgainstRuntime === false).toBe(true)
  }, 180_000)
})
