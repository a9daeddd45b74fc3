// A scheduled post appears while the content binding fails: the hub's render of the topic fails
// (a 503, not a 404), the check is kept and tried again, and once the binding answers the post is
// pushed, once. The binding is a real Worker behind a service binding (tests/helpers/fault-worker.js).
import { beforeAll, describe, expect, it } from 'vitest'
import { packCorpus } from '../../src/build/pack.ts'
import type { Env } from '../../src/config.ts'
import { assetFiles } from '../../src/corpus/files.ts'
import { articleText, files, loadArticles } from '../fixtures/articles.ts'
import { testWorker } from '../helpers/app.ts'
import { FaultWorker } from '../helpers/faults.ts'
import { callback, configureHub, hubEnv, hubRequest, inHub, received, subscriptions, until } from '../helpers/hub.ts'

const ORIGIN = 'http://fault.localhost'
const TOPIC = `${ORIGIN}/feed.xml`
const iso = (ms: number) => new Date(ms).toISOString()
const BUILT = Date.now()
const REVEAL = Math.ceil((BUILT + 5_000) / 1000) * 1000
const articles = await loadArticles(
  files({
    'old.txt': articleText('Old news', 'Old.', { published: iso(BUILT - 86_400_000) }),
    'launch.txt': articleText('Launch day', 'It is here.', { published: iso(REVEAL) }),
  }),
)
const faults = new FaultWorker('FAULTS_HUB')
await faults.serve(packCorpus(articles, new Map(), { now: BUILT }))
const env: Env = { ...hubEnv, ASSETS: faults.binding }
const worker = testWorker()
const subscriber = callback('ok', 'render-fault')
const posts = async () => (await received(subscriber)).filter((r) => r.method === 'POST')
/** The hub as a restarted object: a fresh copy of the site, nothing of it in memory. */
const restartHub = () =>
  configureHub({ files: assetFiles(faults.binding), timings: { checkRetryMs: 1_000, timeoutMs: 1_500 } })
const baseline = () =>
  inHub((_hub, state) => state.storage.sql.exec('SELECT etag FROM topics WHERE topic = ?', TOPIC).toArray().length)

beforeAll(async () => {
  await restartHub()
  const response = await worker.fetch(
    hubRequest(ORIGIN, { 'hub.mode': 'subscribe', 'hub.topic': TOPIC, 'hub.callback': subscriber }),
    env,
  )
  expect(response.status, await response.clone().text()).toBe(202)
  await until(
    () => subscriptions(TOPIC),
    (s) => s.has(subscriber),
  )
  // The document as it stood at subscription: what the reveal is measured against.
  expect(await until(baseline, (n) => n === 1)).toBe(1)
  expect(Date.now()).toBeLessThan(REVEAL - 1_000)
}, 30_000)

describe('a reveal while the content binding answers 500', () => {
  it('is pushed once the binding answers again, not before, and once', async () => {
    await faults.inject({ mode: 'status', status: 500 })
    await restartHub()
    // Past the reveal, with the hub's renders failing.
    await new Promise((resolve) => setTimeout(resolve, REVEAL + 2_500 - Date.now()))
    expect(await faults.reads()).toBeGreaterThan(0)
    expect(await posts()).toEqual([])
    await faults.inject({ mode: 'none' })
    const [delivery] = await until(posts, (p) => p.length > 0, 10_000)
    expect(delivery?.body).toContain('Launch day')
    const served = await worker.fetch(new Request(TOPIC), env)
    expect(delivery?.body).toBe(await served.text())
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect(await posts()).toHaveLength(1)
  })
})
