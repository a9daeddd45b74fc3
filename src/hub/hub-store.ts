import type { Intent } from './subscription-form.ts'

/** One statement per line, run once per object: the hub's tables (Durable Object SQLite storage). */
const SCHEMA = [
  // Verified subscriptions; `expires` in ms since the epoch (leases are never perpetual).
  'CREATE TABLE IF NOT EXISTS subscriptions (topic TEXT NOT NULL, callback TEXT NOT NULL, host TEXT NOT NULL, secret TEXT NOT NULL, expires INTEGER NOT NULL, PRIMARY KEY (topic, callback))',
  // Requests awaiting verification of intent (W3C WebSub §5.3); a newer request replaces an older one.
  'CREATE TABLE IF NOT EXISTS intents (topic TEXT NOT NULL, callback TEXT NOT NULL, host TEXT NOT NULL, mode TEXT NOT NULL, secret TEXT NOT NULL, lease INTEGER NOT NULL, PRIMARY KEY (topic, callback))',
  // Each topic's document as last distributed (or first seen, when its first subscriber joined).
  'CREATE TABLE IF NOT EXISTS topics (topic TEXT PRIMARY KEY, etag TEXT NOT NULL, content_type TEXT NOT NULL, link TEXT NOT NULL, body TEXT NOT NULL)',
  // Topics to render and compare (after a reveal or a new version), each when `due` (a failed one later).
  'CREATE TABLE IF NOT EXISTS checks (topic TEXT PRIMARY KEY, due INTEGER NOT NULL)',
  // One pending delivery per subscription: a newer change replaces one not yet made.
  'CREATE TABLE IF NOT EXISTS deliveries (topic TEXT NOT NULL, callback TEXT NOT NULL, attempt INTEGER NOT NULL, due INTEGER NOT NULL, PRIMARY KEY (topic, callback))',
  'CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (due)',
  'CREATE INDEX IF NOT EXISTS subscriptions_host ON subscriptions (host)',
  'CREATE INDEX IF NOT EXISTS subscriptions_expires ON subscriptions (expires)',
  'CREATE INDEX IF NOT EXISTS intents_host ON intents (host)',
  'CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
]

/**
 * The hub's subscribers in its Durable Object's SQLite storage: subscriptions and the intents that
 * await verification (the topics' side is `TopicStore`). Every method is one or two statements, so
 * each is atomic; the object takes other calls while its alarm awaits a callback, so a method never
 * assumes a row it read before an `await` is still there.
 */
export class HubStore {
  readonly #sql: SqlStorage

  constructor(sql: SqlStorage) {
    this.#sql = sql
    for (const statement of SCHEMA) sql.exec(statement)
  }

  #count(query: string, ...bindings: unknown[]): number {
    return Number(this.#sql.exec(query, ...bindings).one().n)
  }

  /**
   * What the bounds count for a request of `callback` to `topic` (the pair itself left out, so that
   * renewing never hits them): subscriptions and pending subscriptions of its host and of the topic,
   * intents of its host, intents in all; and whether the pair is subscribed or about to be.
   */
  counts(i: Pick<Intent, 'host' | 'topic' | 'callback'>) {
    const others = 'NOT (topic = ? AND callback = ?)'
    const pair = [i.topic, i.callback]
    const subscribing = `SELECT count(*) AS n FROM intents WHERE mode = 'subscribe' AND`
    return {
      host:
        this.#count(`SELECT count(*) AS n FROM subscriptions WHERE host = ? AND ${others}`, i.host, ...pair) +
        this.#count(`${subscribing} host = ? AND ${others}`, i.host, ...pair),
      topic:
        this.#count(`SELECT count(*) AS n FROM subscriptions WHERE topic = ? AND callback <> ?`, ...pair) +
        this.#count(`${subscribing} topic = ? AND callback <> ?`, ...pair),
      hostPending: this.#count('SELECT count(*) AS n FROM intents WHERE host = ?', i.host),
      pending: this.#count('SELECT count(*) AS n FROM intents'),
      held:
        this.#count('SELECT count(*) AS n FROM subscriptions WHERE topic = ? AND callback = ?', ...pair) +
          this.#count(`${subscribing} topic = ? AND callback = ?`, ...pair) >
        0,
    }
  }

  addIntent(i: Intent): void {
    this.#sql.exec(
      'INSERT OR REPLACE INTO intents (topic, callback, host, mode, secret, lease) VALUES (?, ?, ?, ?, ?, ?)',
      i.topic,
      i.callback,
      i.host,
      i.mode,
      i.secret,
      i.lease,
    )
  }

  intents(limit: number): Intent[] {
    return this.#sql
      .exec<Record<string, string | number>>('SELECT * FROM intents LIMIT ?', limit)
      .toArray()
      .map((r) => ({
        mode: r.mode as Intent['mode'],
        topic: String(r.topic),
        callback: String(r.callback),
        host: String(r.host),
        lease: Number(r.lease),
        secret: String(r.secret),
      }))
  }

  /** Drops the intent, and applies it when verified: a subscription made or renewed, or removed with its deliveries. */
  settle(i: Intent, verified: boolean, now: number): void {
    // Only this intent: a newer request for the same pair, made while this one was verified, stays.
    this.#sql.exec(
      'DELETE FROM intents WHERE topic = ? AND callback = ? AND mode = ? AND secret = ? AND lease = ?',
      i.topic,
      i.callback,
      i.mode,
      i.secret,
      i.lease,
    )
    if (!verified) return
    if (i.mode === 'subscribe')
      this.#sql.exec(
        'INSERT OR REPLACE INTO subscriptions (topic, callback, host, secret, expires) VALUES (?, ?, ?, ?, ?)',
        i.topic,
        i.callback,
        i.host,
        i.secret,
        now + i.lease * 1000,
      )
    else this.#unsubscribe(i.topic, i.callback)
  }

  /** Removes a subscription and its pending delivery (an unsubscription, or a callback that answered 410 Gone). */
  #unsubscribe(topic: string, callback: string): void {
    this.#sql.exec('DELETE FROM subscriptions WHERE topic = ? AND callback = ?', topic, callback)
    this.#sql.exec('DELETE FROM deliveries WHERE topic = ? AND callback = ?', topic, callback)
  }

  /** A callback that answered 410 Gone: it wants no more (W3C WebSub leaves this to the hub). */
  gone(topic: string, callback: string): void {
    this.#unsubscribe(topic, callback)
  }

  /** Ends leases that ran out, and forgets topics nobody subscribes to any more. */
  expire(now: number): void {
    this.#sql.exec(
      'DELETE FROM deliveries WHERE (topic, callback) IN (SELECT topic, callback FROM subscriptions WHERE expires <= ?)',
      now,
    )
    this.#sql.exec('DELETE FROM subscriptions WHERE expires <= ?', now)
    this.#sql.exec('DELETE FROM topics WHERE topic NOT IN (SELECT topic FROM subscriptions)')
  }

  /** Whether anyone subscribes to anything (else the hub has nothing to watch). */
  get idle(): boolean {
    return !this.#exists('subscriptions') && !this.#exists('intents')
  }

  /** Whether requests await verification (the alarm then runs at once). */
  get pending(): boolean {
    return this.#exists('intents')
  }

  /** Whether `table` (a name from the schema, never input) has a row: one index step, not a count. */
  #exists(table: 'subscriptions' | 'intents'): boolean {
    return this.#count(`SELECT EXISTS (SELECT 1 FROM ${table}) AS n`) === 1
  }

  get(key: string): string | undefined {
    return this.#sql.exec<{ value: string }>('SELECT value FROM state WHERE key = ?', key).toArray()[0]?.value
  }

  set(key: string, value: string): void {
    this.#sql.exec('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)', key, value)
  }
}
