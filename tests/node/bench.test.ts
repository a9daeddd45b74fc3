// The benchmark itself must keep working: run it on a tiny configuration and check its results
// are complete and well-formed. No timing is asserted (machines here are shared and noisy).
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'bench-test-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('npm run bench (tiny configuration)', () => {
  it('measures every target side by side and writes JSON and Markdown', async () => {
    const env = {
      ...process.env,
      BENCH_SECONDS: '1',
      BENCH_ROUNDS: '1',
      BENCH_SIZES: '1,40',
      BENCH_COLD_REPEAT: '1',
      BENCH_CONNECTIONS: '4',
      BENCH_OUT: out,
      BENCH_GENERATOR: 'autocannon',
      BENCH_HUB_SUBSCRIBERS: '30',
      BENCH_FAULT_ARTICLES: '40',
    }
    const stdout = await new Promise<string>((done, fail) =>
      execFile(process.execPath, [join(ROOT, 'bench/run.ts')], { env, cwd: ROOT, timeout: 210_000 }, (error, so, se) =>
        error ? fail(new Error(`${error.message}\n${se}`)) : done(so),
      ),
    )
    expect(stdout).toContain('| Target | Server |')
    const result = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8'))
    expect(result.machine).toMatchObject({ generator: 'autocannon', rounds: 1, seconds: 1 })
    const targets = result.rows.map((r: { target: string; server: string }) => `${r.target}|${r.server}`)
    for (const f of ['RSS', 'Atom', 'JSON Feed'])
      expect(targets).toEqual(expect.arrayContaining([`${f}|limit`, `${f}|product`, `${f}|peer`, `${f} 304|product`]))
    for (const row of result.rows) {
      expect(row.rps, row.target).toBeGreaterThan(0)
      expect(row.p99ms).toBeGreaterThanOrEqual(row.p50ms)
      expect(row.errors, `${row.target} ${row.server}`).toBe(0)
      // The ratio pairs each round with the limit's run of the same round.
      const limit = result.rows.find(
        (r: { target: string; server: string }) => r.server === 'limit' && row.target.startsWith(r.target),
      )
      expect(row.ratioToLimit).toBeCloseTo(row.rounds[0].rps / limit.rounds[0].rps, 2)
      expect(row.cpuUsPerRequest).toBeGreaterThan(0)
      expect(row.capacityToLimit).toBeCloseTo(limit.cpuUsPerRequest / row.cpuUsPerRequest, 1)
    }
    // Scheduled publishing: every scheduled article was seen, none before its second (the latency is reported, not judged here).
    expect(result.schedule.reveals).toHaveLength(3)
    for (const reveal of result.schedule.reveals) {
      expect(reveal.early, reveal.published).toBe(0)
      expect(reveal.latencyMs, reveal.published).toBeGreaterThanOrEqual(0)
    }
    expect(result.schedule.rows.map((r: { server: string }) => r.server)).toEqual(['limit', 'product', 'product'])
    for (const row of result.schedule.rows) expect([row.errors, row.rps > 0], row.target).toEqual([0, true])
    expect(result.scale.map((c: { scheduled: number }) => c.scheduled)).toEqual([0, 0])
    // The hub: every subscriber got the post once, signed, in invocations within the Free plan's subrequests.
    expect(result.hub).toMatchObject({ subscribers: 30, deliveredOnce: 30, signed: 30 })
    expect(result.hub.maxSubrequests).toBeLessThanOrEqual(50)
    expect(result.hub.lastDeliveryMs).toBeGreaterThanOrEqual(result.hub.firstDeliveryMs)
    expect(result.hub.limitInvocations).toBeGreaterThan(0)
    // Faults: each route answered under a hanging and a slow binding, fresh and warm, with a 200 or a 503.
    expect(new Set(result.faults.map((r: { fault: string }) => r.fault)).size).toBe(2)
    for (const row of result.faults)
      for (const answer of [row.fresh, row.warm])
        expect([200, 503], `${row.fault} ${row.route}`).toContain(answer.status)
    // Headers of every feed's 200 and 304, counted from the responses.
    expect(result.headers.map((h: { response: string }) => h.response)).toEqual([
      'RSS 200',
      'RSS 304',
      'Atom 200',
      'Atom 304',
      'JSON Feed 200',
      'JSON Feed 304',
    ])
    for (const h of result.headers) expect(h.bytes, h.response).toBeGreaterThan(h.names.join('').length)
    // Every size was built and measured on each route, next to the trivial Worker.
    expect(result.scale.map((c: { articles: number }) => c.articles)).toEqual([1, 40])
    for (const c of result.scale) {
      expect(c.build.files).toBeGreaterThanOrEqual(3)
      expect(c.startupCpuMs).toBeGreaterThan(0)
      // 40 articles (20 in the feeds) have one archive page; one article has none.
      const archives = c.articles > 20 ? ['oldest archive', 'newest archive'] : []
      expect(Object.keys(c.workerdFirstRequestMs)).toEqual([
        'feed',
        'index',
        'newest article',
        'oldest article',
        ...archives,
        'tag feed',
        'tag page',
        'sitemap',
      ])
      for (const name of Object.keys(c.workerdFirstRequestMs)) {
        expect(c.workerdFirstRequestMs[name], name).toBeGreaterThan(0)
        expect(c.trivialFirstRequestMs[name], name).toBeGreaterThan(0)
        expect(c.isolateFirstRequestMs[name], name).toBeGreaterThan(0)
        expect(Number.isFinite(c.firstRequestExcessMs[name]), name).toBe(true)
      }
      expect(c.memoryMiB).toBeGreaterThan(0)
    }
    expect(result.bundles.deploy.gzip).toBeLessThan(result.bundles.deploy.raw)
    expect(readFileSync(join(out, 'latest.md'), 'utf8')).toContain('| Goal | Result |')
    // The chart is an SVG with one polyline per series.
    const svg = readFileSync(join(out, 'scale.svg'), 'utf8')
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg.match(/<polyline/g)?.length).toBe(2 + 9)
  }, 240_000)
})
