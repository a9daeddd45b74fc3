import type { Author } from '../model/article.ts'
import type { Problem } from './content-error.ts'

/** Optional per-article settings, from front matter or a sidecar `.meta` file. */
export interface Metadata {
  slug?: string
  id?: string
  published?: string
  updated?: string
  authors: Author[]
  tags: string[]
  language?: string
  summary?: string
  title?: string
  /** As written: a path under `seeds/` or an https URL, resolved by `parseArticle`. */
  image?: string
  /** `draft: true`: the article is checked but left out of the deploy (see `loadContent`). */
  draft?: boolean
}

/** One metadata key: what README's metadata table says of it, and how its value is read. */
export type MetadataKey = KeyDescription &
  (
    | { required: false }
    | {
        /** An article without it is refused. */
        required: true
        /** How to write it: the fix shown when it is missing. */
        fix: string
      }
  )

interface KeyDescription {
  key: string
  /** What applies when the key is absent, as README's table says it. */
  default: string
  /** Whether the key may appear on several lines (each adds one value). */
  repeats: boolean
  /** Stores `value` in `meta`, or says why it cannot. */
  read(value: string, meta: Metadata): Problem | undefined
}
