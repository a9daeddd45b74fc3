// Content distribution (W3C WebSub §7): a scheduled post appears, and with no request arriving the
// hub's alarm pushes each changed topic (site and tag, three formats) to its subscribers on a real
// loopback server, signed, byte for byte what a GET then returns. Failing subscribers are retried,
// then dropped, without holding up the others.
import { createHmac } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../src/model/article.ts'
import { articleText, files, loadArticles } from '../fixtures/articles.ts'
import { packedFiles, testWorker } from '../helpers/app.ts'
import { callback, configureHub, hubEnv, hubRequest, inHub, received, subscriptions, until } from '../helpers/hub.ts'
import type { Received } from '../helpers/subscriber.ts'

const ORIGIN = 'http://reveal.localhost'
const iso = (ms: number) => new Date(ms).toISOString()
// The build ran now; one post appears in 5 s (tags News and Launch), while nothing changes for Other.
const BUILT = Date.now()
const REVEAL = Math.ceil((BUILT + 5_000) / 1000) * 1000
const articles: Article[] = await loadArticles(
  files({
    'old-news.txt': articleText('Old news', 'Old.', { published: iso(BUILT - 86_400_000), tags: 'News' }),
    'other.txt': articleText('Other', 'Other.', { published: iso(BUILT - 90_000_000), tags: 'Other' }),
    'launch.txt': articleText('Launch day', 'It is here.', { published: iso(REVEAL), tags: 'News, Launch' }),
  }),
)
const content = { articles, builtAt: BUILT }
const worker = testWorker({ files: packedFiles(content) })
const FORMAT_PATHS = ['/feed.xml', '/atom.xml', '/feed.json']
const changed = ['', '/tags/news'].flatMap((prefix) => FORMAT_PATHS.map((path) => `${ORIGIN}${prefix}${path}`))
const unchanged = `${ORIGIN}/tags/other/feed.xml`

const subscribe = async (topic: string, cb: string, extra: Record<string, string> = {}, mode = 'subscribe') => {
  const response = await worker.fetch(
    hubRequest(ORIGIN, { 'hub.mode': mode, 'hub.topic': topic, 'hub.callback': cb, ...extra }),
    hubEnv,
  )
  expect(response.status, await response.clone().text()).toBe(202)
  await until(
    () => subscriptions(topic),
    (s) => s.has(cb) === (mode === 'subscribe'),
  )
}
const posts = async (cb: string) => (await received(cb)).filter((r) => r.method === 'POST')

/** Every subscriber, by what it should see. */
const signed = new Map(changed.map((topic, i) => [topic, { cb: callback('ok', `signed-${i}`), secret: `secret-${i}` }]))
const unsigned = callback('ok', 'unsigned')
const bystander = callback('ok', 'other-tag')
const leaver = callback('ok', 'unsubscribed')
const expired = callback('ok', 'expired')
const failing = callback('fail', 'failing')
const leaving = callback('gone', 'gone-410')
const hanging = callback('hang', 'hanging')

beforeAll(async () => {
  await configureHub({ files: packedFiles(content), timings: { timeoutMs: 1_500, retryDelaysMs: [500, 1_000] } })
  for (const [topic, { cb, secret }] of signed) await subscribe(topic, cb, { 'hub.secret': secret })
  for (const cb of [unsigned, leaver, expired, failing, hanging, leaving]) await subscribe(changed[0] as string, cb)
  await subscribe(unchanged, bystander)
  await subscribe(changed[0] as string, leaver, {}, 'unsubscribe')
  // A lease that ran out: its end written into the past, as time would.
  await inHub((_hub, state) =>
    state.storage.sql.exec('UPDATE subscriptions SET expires = ? WHERE callback = ?', Date.now() - 1, expired),
  )
  expect(Date.now()).toBeLessThan(REVEAL) // subscribed before the post appears
}, 30_000)

describe('a scheduled post appears', () => {
  it('is not served, nor delivered, before its time; a hidden tag is not a topic', async () => {
    const hidden = await worker.fetch(
      hubRequest(ORIGIN, {
        'hub.mode': 'subscribe',
        'hub.topic': `${ORIGIN}/tags/launch/feed.xml`,
        'hub.callback': callback('ok', 'early'),
      }),
      hubEnv,
    )
    expect(hidden.status).toBe(404)
    expect(await posts(signed.get(changed[0] as string)?.cb as string)).toEqual([])
  })

  it('is pushed to each subscriber of each changed topic within 15 s, once, signed, as a GET then returns it', async () => {
    for (const [topic, { cb, secret }] of signed) {
      const [delivery, ...more] = await until(
        () => posts(cb),
        (p) => p.length > 0,
        REVEAL + 15_000 - Date.now(),
      )
      expect(delivery, topic).toBeDefined()
      const got = delivery as Received
      expect(got.at).toBeGreaterThanOrEqual(REVEAL)
      expect(got.at - REVEAL).toBeLessThan(15_000)
      const served = await worker.fetch(new Request(topic), hubEnv)
      expect(got.body).toBe(await served.text())
      expect(got.body).toContain('Launch day')
      expect(got.headers['content-type']).toBe(served.headers.get('Content-Type'))
      expect(got.headers.link).toContain(`<${ORIGIN}/websub>; rel="hub"`)
      expect(got.headers.link).toContain(`<${topic}>; rel="self"`)
      const mac = createHmac('sha256', secret).update(Buffer.from(got.body, 'utf8')).digest('hex')
      expect(got.headers['x-hub-signature']).toBe(`sha256=${mac}`)
      expect(more).toEqual([])
    }
    const [plain] = await posts(unsigned)
    expect(plain?.headers['x-hub-signature']).toBeUndefined()
    expect(plain?.body).toContain('Launch day')
  })

  it('sends nothing to a topic that did not change, an unsubscribed callback or an expired lease; still one each', async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, REVEAL + 3_000 - Date.now())))
    for (const { cb } of signed.values()) expect(await posts(cb)).toHaveLength(1)
    // A callback that answered 410 Gone got its one delivery and is no longer subscribed.
    expect(await posts(leaving)).toHaveLength(1)
    expect((await subscriptions(changed[0] as string)).has(leaving)).toBe(false)
    expect(await posts(bystander)).toEqual([])
    expect(await posts(leaver)).toEqual([])
    expect(await posts(expired)).toEqual([])
    expect((await subscriptions(changed[0] as string)).has(expired)).toBe(false)
  })

  it('retries a subscriber that answers 500 or hangs, then drops the delivery; the others are not held up', async () => {
    const first = (await posts(unsigned))[0]?.at as number
    for (const cb of [failing, hanging]) {
      const attempts = await until(
        () => posts(cb),
        (p) => p.length === 3,
        20_000,
      )
      expect(attempts.map((a) => a.body === attempts[0]?.body)).toEqual([true, true, true])
      expect(first).toBeLessThan((attempts[0]?.at as number) + 1_500) // delivered while the hanging one still hung
    }
    const pending = await until(
      () => inHub((_h, state) => state.storage.sql.exec('SELECT count(*) AS n FROM deliveries').one().n),
      (n) => n === 0,
      10_000,
    )
    expect(pending).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect((await posts(failing)).length).toBe(3)
    expect((await posts(hanging)).length).toBe(3)
  })
})
