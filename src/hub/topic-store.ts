/** A delivery due now: the subscriber, and which attempt this is (0 = the first). */
export interface DueDelivery {
  topic: string
  callback: string
  secret: string
  attempt: number
}

/** A topic's document as the Worker serves it. */
export interface TopicDocument {
  etag: string
  contentType: string
  /** The `Link` header the document is served with: its `self` and `hub` (W3C WebSub §7). */
  link: string
  body: string
}

/**
 * The topics' side of the hub's storage (tables made by `HubStore`): each topic's document as last
 * distributed, the topics to check, and one pending delivery per subscription.
 */
export class TopicStore {
  readonly #sql: SqlStorage

  constructor(sql: SqlStorage) {
    this.#sql = sql
  }

  /** The ETag of the topic's document as last distributed (or first seen), `undefined` for a topic new to the hub. */
  etag(topic: string): string | undefined {
    return this.#sql.exec<{ etag: string }>('SELECT etag FROM topics WHERE topic = ?', topic).toArray()[0]?.etag
  }

  /** Every topic someone subscribes to. */
  subscribed(): string[] {
    return this.#sql
      .exec<{ topic: string }>('SELECT DISTINCT topic FROM subscriptions')
      .toArray()
      .map((r) => r.topic)
  }

  /** Queues a check of `topics` (each once), due now. */
  check(topics: readonly string[], now: number): void {
    for (const topic of topics) this.#sql.exec('INSERT OR IGNORE INTO checks (topic, due) VALUES (?, ?)', topic, now)
  }

  /** The checks due by `now`, at most `limit`. */
  checks(now: number, limit: number): string[] {
    return this.#sql
      .exec<{ topic: string }>('SELECT topic FROM checks WHERE due <= ? ORDER BY due LIMIT ?', now, limit)
      .toArray()
      .map((r) => r.topic)
  }

  /** A check that could not render its topic (an error, not a 404): tried again at `at`. */
  retry(topic: string, at: number): void {
    this.#sql.exec('UPDATE checks SET due = ? WHERE topic = ?', at, topic)
  }

  /**
   * A topic no longer served (a deploy removed its tag, or made its articles drafts): its stored
   * document and its pending deliveries go, so that nothing the site stopped showing is posted.
   */
  gone(topic: string): void {
    for (const table of ['checks', 'topics', 'deliveries'])
      this.#sql.exec(`DELETE FROM ${table} WHERE topic = ?`, topic)
  }

  /**
   * A checked topic. New to the hub: its document is the one later changes are measured from. Changed:
   * the new document is kept and one delivery is due now for every live subscription (replacing a
   * pending one, which would carry older bytes).
   * @returns how many deliveries it queued
   */
  checked(topic: string, document: TopicDocument, now: number): number {
    this.#sql.exec('DELETE FROM checks WHERE topic = ?', topic)
    const known = this.etag(topic)
    if (document.etag === known) return 0
    this.#sql.exec(
      'INSERT OR REPLACE INTO topics (topic, etag, content_type, link, body) VALUES (?, ?, ?, ?, ?)',
      topic,
      document.etag,
      document.contentType,
      document.link,
      document.body,
    )
    if (known === undefined) return 0
    return this.#sql.exec(
      'INSERT OR REPLACE INTO deliveries (topic, callback, attempt, due) SELECT topic, callback, 0, ? FROM subscriptions WHERE topic = ? AND expires > ?',
      now,
      topic,
      now,
    ).rowsWritten
  }

  due(now: number, limit: number): DueDelivery[] {
    return this.#sql
      .exec<Record<string, string | number>>(
        `SELECT d.topic, d.callback, d.attempt, s.secret FROM deliveries d
         JOIN subscriptions s USING (topic, callback) WHERE d.due <= ? ORDER BY d.attempt, d.due LIMIT ?`,
        now,
        limit,
      )
      .toArray()
      .map((r) => ({
        topic: String(r.topic),
        callback: String(r.callback),
        secret: String(r.secret),
        attempt: Number(r.attempt),
      }))
  }

  /** The document of `topic` as last distributed (read once per invocation, whatever the number of subscribers). */
  document(topic: string): TopicDocument | undefined {
    const row = this.#sql
      .exec<Record<string, string>>('SELECT etag, content_type, link, body FROM topics WHERE topic = ?', topic)
      .toArray()[0]
    return (
      row && {
        etag: row.etag as string,
        contentType: row.content_type as string,
        link: row.link as string,
        body: row.body as string,
      }
    )
  }

  /** A delivery made (removed), or failed: retried at `retryAt`, or dropped when that is `undefined`. */
  delivered(d: DueDelivery, retryAt?: number): void {
    if (retryAt === undefined)
      this.#sql.exec('DELETE FROM deliveries WHERE topic = ? AND callback = ?', d.topic, d.callback)
    else
      this.#sql.exec(
        'UPDATE deliveries SET attempt = attempt + 1, due = ? WHERE topic = ? AND callback = ?',
        retryAt,
        d.topic,
        d.callback,
      )
  }

  /** When the next piece of work is due (ms): the earliest check or delivery, `undefined` for none. */
  nextDue(): number | undefined {
    const row = this.#sql
      .exec<{ due: number | null }>(
        'SELECT min(due) AS due FROM (SELECT due FROM checks UNION ALL SELECT due FROM deliveries)',
      )
      .one()
    return row.due === null ? undefined : Number(row.due)
  }
}
