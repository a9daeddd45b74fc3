/**
 * Runs inside a fresh Node process (a fresh V8 isolate, the engine workerd embeds), bundled by the
 * benchmark with the articles of one size: measures the CPU time to evaluate the Worker module
 * (parse the bundled articles) and to build every representation (3 feeds + the index page), as the
 * first requests after a deploy would. Prints one JSON line.
 */
const start = process.cpuUsage()
const t0 = performance.now()
const { default: worker } = await import(process.env.COLD_BUNDLE as string)
const loaded = process.cpuUsage(start)
const t1 = performance.now()
for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/']) {
  const res: Response = await worker.fetch(new Request(`http://127.0.0.1${path}`), {}, { waitUntil() {}, passThroughOnException() {} })
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
  await res.arrayBuffer()
}
const total = process.cpuUsage(start)
const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000
console.log(JSON.stringify({ moduleCpuMs: ms(loaded), totalCpuMs: ms(total), buildCpuMs: ms(total) - ms(loaded), moduleWallMs: t1 - t0, totalWallMs: performance.now() - t0 }))
