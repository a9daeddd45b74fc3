import { tagKey } from '../content/tag-key.ts'
import type { Article } from '../model/article.ts'
import { ContentError, lineOf } from './content-error.ts'
import type { SeedText } from './seed-files.ts'

/**
 * Tags written differently in different articles that name the same page (`Rust` and `rust` both
 * `/tags/rust`): one tag page cannot show two names, so each such use is refused, pointing at the
 * `tags:` line, like a duplicate slug.
 *
 * @param articles - in a fixed order (by file name): the first spelling met is the one kept
 * @param metadataOf - where each article's metadata was written: its own file (front matter) or its `.meta` sidecar
 */
export function tagClashes(articles: readonly Article[], metadataOf: (article: Article) => SeedText): ContentError[] {
  const first = new Map<string, { tag: string; source: string }>()
  const errors: ContentError[] = []
  for (const article of articles) {
    for (const tag of article.tags) {
      const key = tagKey(tag)
      const owner = first.get(key)
      if (!owner) first.set(key, { tag, source: article.source })
      else if (owner.tag !== tag) {
        const { file, text } = metadataOf(article)
        errors.push(
          new ContentError(
            file,
            lineOf(text, /^\s*tags\s*:/i),
            `tag "${tag}" and tag "${owner.tag}" of ${owner.source} share the address /tags/${key}`,
            `Spell the tag the same way in every article (e.g. \`${owner.tag}\`).`,
          ),
        )
      }
    }
  }
  return errors
}
