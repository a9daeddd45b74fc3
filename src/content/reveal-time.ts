/**
 * When a scheduled article appears: the one rule the build (which files an article as scheduled)
 * and the Worker (which reveals it) both follow.
 *
 * An article appears at its `published` instant rounded up to the whole second: HTTP dates count
 * whole seconds (RFC 9110 §5.6.7), so two articles published within one second appear together,
 * and every edition of the corpus starts on its own second, which its `Last-Modified` can name.
 * A `published` written in whole seconds (as front matter almost always is) appears exactly then.
 *
 * @param published - RFC 3339 (as `parseDate` normalises it)
 * @returns ms since the epoch
 */
export function revealTime(published: string): number {
  return Math.ceil(Date.parse(published) / 1000) * 1000
}

/** Whether an article published at `published` is scheduled for a build that runs at `builtAt` (ms): it appears after. */
export function isScheduled(published: string, builtAt: number): boolean {
  return revealTime(published) > builtAt
}
