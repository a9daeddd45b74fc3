/**
 * How long after its `published` second a scheduled article is first served: polls a feed the way
 * an impatient reader would (a request every `intervalMs`, one at a time) and notes, for each
 * scheduled date, when the first response listing it arrived, and whether any response listed it
 * before its time.
 */

/** What the polling saw of one scheduled article. */
export interface Reveal {
  published: string
  /** First response listing it, minus `published`, in ms (the wait for the next poll included). */
  latencyMs: number
  /** Responses that listed it before `published`: must be 0. */
  early: number
}

/** Polls the JSON Feed at `url` until every date of `schedule` (RFC 3339, ascending) has appeared, or `timeoutMs`. */
export async function watchReveals(url: string, schedule: readonly string[], intervalMs = 10, timeoutMs = 60_000) {
  const seen = new Map<string, Reveal>()
  const early = new Map<string, number>()
  const deadline = Date.now() + timeoutMs
  let polls = 0
  while (seen.size < schedule.length && Date.now() < deadline) {
    const res = await fetch(url)
    const feed = (await res.json()) as { items: { date_published: string }[] }
    const received = Date.now()
    polls++
    const listed = new Set(feed.items.map((i) => i.date_published))
    for (const published of schedule) {
      if (!listed.has(published) || seen.has(published)) continue
      const at = Date.parse(published)
      // Received before its time means made before it: an early one. (Sent just before and received
      // after, it was made on either side: the Worker's clock decided, and this one cannot tell.)
      if (received < at) early.set(published, (early.get(published) ?? 0) + 1)
      else seen.set(published, { published, latencyMs: received - at, early: early.get(published) ?? 0 })
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  return { reveals: schedule.map((p) => seen.get(p)), polls }
}
