// Every bad subscription request is refused at once with a status and a reason, and the hub neither
// stores it nor calls anyone: no intent, no subscription, no request to the subscriber.
import { describe, expect, it } from 'vitest'
import { testWorker } from '../helpers/app.ts'
import { hubEnv, hubRequest, inHub, received, SUBSCRIBER } from '../helpers/hub.ts'

const worker = testWorker()
const LOCAL = 'http://hub.localhost'
const DEPLOYED = 'https://news.example.com'
const post = (origin: string, fields: Record<string, string>, headers?: Record<string, string>) =>
  worker.fetch(hubRequest(origin, fields, headers), hubEnv)
const form = (cb: string, topic = `${LOCAL}/feed.xml`, extra: Record<string, string> = {}) => ({
  'hub.mode': 'subscribe',
  'hub.topic': topic,
  'hub.callback': cb,
  ...extra,
})

/** A row: what is sent (its callback carries `token`, so that anything stored or sent for it is found), and the answer. */
type Case = [name: string, send: (token: string) => Promise<Response>, status: number, message: RegExp]
const ok = (token: string) => `${SUBSCRIBER}/ok/${token}`
const cases: Case[] = [
  [
    'a foreign topic',
    (t) => post(LOCAL, form(ok(t), 'https://elsewhere.example/feed.xml')),
    404,
    /not a feed of this site/,
  ],
  ['an archive page', (t) => post(LOCAL, form(ok(t), `${LOCAL}/archive/1/feed.xml`)), 404, /not a feed/],
  [
    'the negotiated /feed',
    (t) => post(LOCAL, form(ok(t), `${LOCAL}/feed`)),
    404,
    /self URL, http:\/\/hub.localhost\/feed/,
  ],
  ['a page, not a feed', (t) => post(LOCAL, form(ok(t), `${LOCAL}/`)), 404, /not a feed/],
  ['a topic that is not a URL', (t) => post(LOCAL, form(ok(t), 'feed.xml')), 404, /not a URL/],
  ['a malformed callback', () => post(LOCAL, form('not a url')), 400, /not an absolute URL/],
  ['an ftp callback', (t) => post(LOCAL, form(`ftp://example.com/${t}`)), 400, /http or https/],
  ['a callback with credentials', (t) => post(LOCAL, form(`https://u:p@example.com/${t}`)), 400, /user name/],
  ['a callback with a fragment', (t) => post(LOCAL, form(`${ok(t)}#x`)), 400, /fragment/],
  [
    'a secret of 200 bytes',
    (t) => post(LOCAL, form(ok(t), undefined, { 'hub.secret': 'é'.repeat(100) })),
    400,
    /shorter than 200 bytes/,
  ],
  [
    'a lease that is not a number',
    (t) => post(LOCAL, form(ok(t), undefined, { 'hub.lease_seconds': '1e9' })),
    400,
    /whole number/,
  ],
  ['no mode', (t) => post(LOCAL, { 'hub.topic': `${LOCAL}/feed.xml`, 'hub.callback': ok(t) }), 400, /hub.mode/],
  ['another mode', (t) => post(LOCAL, { ...form(ok(t)), 'hub.mode': 'publish' }), 400, /hub.mode/],
  [
    'no callback',
    () => post(LOCAL, { 'hub.mode': 'subscribe', 'hub.topic': `${LOCAL}/feed.xml` }),
    400,
    /hub.callback is missing/,
  ],
  [
    'a JSON body',
    (t) => post(LOCAL, form(ok(t)), { 'Content-Type': 'application/json' }),
    415,
    /x-www-form-urlencoded/,
  ],
  ['a form over 8 KiB', (t) => post(LOCAL, form(ok(t), undefined, { pad: 'x'.repeat(9000) })), 413, /larger than 8192/],
  ['the hub itself as callback', (t) => post(LOCAL, form(`${LOCAL}/${t}`)), 403, /does not call itself/],
  [
    'an unsubscription of a pair never subscribed',
    (t) => post(LOCAL, { ...form(ok(t)), 'hub.mode': 'unsubscribe' }),
    404,
    /not subscribed/,
  ],
]
// In a deploy: this machine, private and link-local ranges, local names, and the site by another scheme or port.
const deployedForm = (cb: string) => form(cb, `${DEPLOYED}/feed.xml`)
for (const base of [
  SUBSCRIBER,
  'http://localhost:9',
  'http://localhost.',
  'http://[::1]',
  'http://[::]',
  'http://0.0.0.0',
  'http://10.1.2.3',
  'http://172.20.0.1',
  'http://192.168.1.1',
  'http://100.64.0.1',
  'http://169.254.169.254',
  'http://[fe80::1]',
  'http://[fd00::1]',
  'http://[::ffff:127.0.0.1]',
  'http://2130706433',
  'http://0x7f.1',
  'http://printer.local',
  'http://metadata.google.internal.',
  'http://intranet',
  'http://224.0.0.1',
])
  cases.push([`in a deploy, ${base}`, (t) => post(DEPLOYED, deployedForm(`${base}/${t}`)), 403, /public hosts only/])
for (const base of ['http://news.example.com', 'https://news.example.com:8443', 'https://NEWS.example.com.'])
  cases.push([
    `in a deploy, the site itself at ${base}`,
    (t) => post(DEPLOYED, deployedForm(`${base}/${t}`)),
    403,
    /does not call itself/,
  ])

const stored = (token: string) =>
  inHub((_hub, state) => {
    const like = `%${token}%`
    const count = (table: string) =>
      Number(state.storage.sql.exec(`SELECT count(*) AS n FROM ${table} WHERE callback LIKE ?`, like).one().n)
    return count('intents') + count('subscriptions')
  })

describe('refused at once: the status, the reason, nothing stored, nobody called', () => {
  for (const [i, [name, send, status, message]] of cases.entries())
    it(`${name}: ${status}`, async () => {
      const token = `refused-${i}-${crypto.randomUUID().slice(0, 8)}`
      const response = await send(token)
      expect(response.status).toBe(status)
      expect(await response.text()).toMatch(message)
      expect(await stored(token)).toBe(0)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect((await received(`${SUBSCRIBER}/`)).filter((r) => r.url.includes(token))).toEqual([])
    })

  it('answers GET /websub and PUT /websub with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'PUT']) {
      const response = await worker.fetch(new Request(`${LOCAL}/websub`, { method }), hubEnv)
      expect(response.status).toBe(405)
      expect(response.headers.get('Allow')).toBe('POST')
    }
  })
})
