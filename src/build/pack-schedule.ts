import type { Scheduled } from '../content/layout.ts'
import { isScheduled } from '../content/reveal-time.ts'
import { tagKey } from '../content/tag-key.ts'
import type { Article, StoredArticle } from '../model/article.ts'

/**
 * The manifest's `schedule`: the scheduled articles (oldest first), each with what the Worker needs
 * to reveal it without reading its chunk (its dates, its page, its tags, the tags it is first of).
 *
 * @param newTags - the keys of the tags the `i`-th of them is the first article of, if any
 */
export function scheduleOf(
  scheduled: readonly StoredArticle[],
  newTags: (i: number) => string[] | undefined,
): Scheduled[] {
  return scheduled.map((a, i) => {
    const keys = newTags(i)
    return {
      published: a.published,
      updated: a.updated,
      slug: a.slug,
      tags: a.tags.map(tagKey),
      ...(keys && { newTags: keys }),
    }
  })
}

/**
 * The images that only scheduled articles use, by file name, with the time the first of those
 * articles appears: the Worker answers 404 for them until then, so an image cannot give away a
 * post before its time.
 */
export function hiddenImages(
  media: ReadonlyMap<string, Uint8Array>,
  usedBy: ReadonlyMap<string, readonly Article[]> | undefined,
  now: number,
): Record<string, string> {
  const hidden: Record<string, string> = {}
  for (const path of media.keys()) {
    const users = usedBy?.get(path) ?? []
    if (users.length === 0 || users.some((a) => !isScheduled(a.published, now))) continue
    hidden[path.slice(path.indexOf('/') + 1)] = users.map((a) => a.published).sort()[0] as string
  }
  return hidden
}
