import { ContentError } from './content-error.ts'
import type { Metadata } from './metadata.ts'
import { METADATA_KEYS } from './metadata-keys.ts'
import { parseMetadata } from './parse-metadata.ts'

/** An article's metadata as read from its front matter or its sidecar, and where the body starts. */
export interface ReadMetadata {
  meta: Metadata
  /** Index of the first line after the front matter (0 without one). */
  start: number
  /** The file a metadata problem points at: the sidecar, else the article. */
  metaFile: string
  errors: ContentError[]
}

/**
 * Reads the metadata of an article: front matter between `---` lines at the top, or the sidecar
 * `{stem}.meta` (not both), every bad line reported, and every required key checked.
 *
 * @throws ContentError when the front matter is never closed (nothing after it can be read)
 */
export function readArticleMetadata(
  file: string,
  lines: readonly string[],
  stem: string,
  sidecar: { file: string; text: string } | undefined,
): ReadMetadata {
  let start = 0
  let read: ReturnType<typeof parseMetadata> = { meta: { authors: [], tags: [] }, errors: [], keys: new Set() }
  const errors: ContentError[] = []
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
    if (close === -1)
      throw new ContentError(
        file,
        1,
        'the front matter opened here is never closed',
        'End it with a line holding only `---`.',
      )
    read = parseMetadata({ file, firstLine: 2, lines: lines.slice(1, close) })
    start = close + 1
  }
  const metaFile = sidecar?.file ?? file
  if (sidecar) {
    if (start > 0) {
      errors.push(
        new ContentError(
          metaFile,
          1,
          `${file} has front matter too`,
          'Keep the metadata in one place: the front matter or this file.',
        ),
      )
    } else {
      read = parseMetadata({ file: metaFile, firstLine: 1, lines: sidecar.text.split('\n') })
    }
  }
  errors.push(...read.errors)
  for (const key of METADATA_KEYS) {
    if (key.required && !read.keys.has(key.key))
      errors.push(
        new ContentError(
          metaFile,
          1,
          `the article has no \`${key.key}\``,
          `${key.fix} in front matter or in seeds/${stem}.meta.`,
        ),
      )
  }
  return { meta: read.meta, start, metaFile, errors }
}
