// A deploy that changes a feed is pushed with no manual step: the hub notices new content (its
// fingerprint and the version id key what it last saw) when the Cron Trigger wakes it, and posts the
// changed documents once. Nothing changed, nothing is posted; a feed the deploy removed, nothing either.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/model/article.ts'
import { createWorker } from '../../src/worker.ts'
import { articleText, files, loadArticles } from '../fixtures/articles.ts'
import { packedFiles, testWorker } from '../helpers/app.ts'
import { callback, configureHub, hubEnv, hubRequest, inHub, received, subscriptions, until } from '../helpers/hub.ts'

const ORIGIN = 'http://deploy.localhost'
const TOPIC = `${ORIGIN}/feed.json`
const TAG_TOPIC = `${ORIGIN}/tags/later/feed.json`
const tagCb = callback('ok', 'tag-removed')
const before: Article[] = await loadArticles(
  files({ 'a.txt': articleText('First', 'One.', { published: '2026-01-01T00:00:00Z' }) }),
)
const after: Article[] = await loadArticles(
  files({
    'a.txt': articleText('First', 'One.', { published: '2026-01-01T00:00:00Z' }),
    'b.txt': articleText('Deployed later', 'Two.', { published: '2026-02-01T00:00:00Z', tags: 'Later' }),
  }),
)
const posts = async (cb: string) => (await received(cb)).filter((r) => r.method === 'POST')
const cron = async () => {
  const ctx = createExecutionContext()
  await createWorker().scheduled(createScheduledController({ scheduledTime: Date.now() }), hubEnv, ctx)
  await waitOnExecutionContext(ctx)
}

describe('a deploy that changes a feed', () => {
  const cb = callback('ok', 'deploy')

  it('is pushed when the Cron Trigger wakes the hub, once', async () => {
    await configureHub({ files: packedFiles({ articles: before }) })
    const old = testWorker({ files: packedFiles({ articles: before }) })
    const response = await old.fetch(
      hubRequest(ORIGIN, { 'hub.mode': 'subscribe', 'hub.topic': TOPIC, 'hub.callback': cb }),
      hubEnv,
    )
    expect(response.status).toBe(202)
    await until(
      () => subscriptions(TOPIC),
      (s) => s.has(cb),
    )
    await cron()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await posts(cb)).toEqual([]) // the same content: nothing to push

    await configureHub({ files: packedFiles({ articles: after }) }) // the new deployment's content
    await cron()
    const [delivery, ...more] = await until(
      () => posts(cb),
      (p) => p.length > 0,
      10_000,
    )
    const served = await testWorker({ files: packedFiles({ articles: after }) }).fetch(new Request(TOPIC), hubEnv)
    expect(delivery?.body).toBe(await served.text())
    expect(delivery?.body).toContain('Deployed later')
    expect(more).toEqual([])
    await cron()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await posts(cb)).toHaveLength(1)
  })

  it('is pushed again by the next deploy; a feed that deploy removed gets nothing', async () => {
    await configureHub({ files: packedFiles({ articles: before }) }) // back to the first content: no tag Later
    await cron()
    const [, second] = await until(
      () => posts(cb),
      (p) => p.length > 1,
      10_000,
    )
    expect(second?.body).not.toContain('Deployed later')
    // The tag is gone with the deploy: its stored document goes too, and nothing is posted for it.
    const topicRows = await inHub((_hub, state) =>
      Number(state.storage.sql.exec('SELECT count(*) AS n FROM topics WHERE topic = ?', TAG_TOPIC).one().n),
    )
    expect(topicRows).toBe(0)
    expect(await posts(tagCb)).toEqual([])
  })
})
