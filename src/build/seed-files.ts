import { ContentError, type Problem } from './content-error.ts'
import { decodeText } from './decode-text.ts'
import { type ImageFile, isImageName, readImage } from './images.ts'

/**
 * Largest article file accepted. Feeds carry the whole text of their newest items, and readers time
 * out on or truncate multi-megabyte documents.
 */
export const MAX_ARTICLE_BYTES = 1024 * 1024

/** Largest image accepted: feed readers download an article's images with it, often on a phone. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

/** A file found in `seeds/`: its name relative to that folder and its bytes. */
export interface SourceFile {
  name: string
  bytes: Uint8Array
}

/** A decoded text file of `seeds/`: its path as errors show it and its text. */
export interface SeedText {
  file: string
  text: string
}

/** The files of `seeds/`, sorted by what they are. */
export interface SeedFiles {
  /** Article files by stem (`.txt` or `.md`). */
  texts: Map<string, SeedText>
  /** Sidecar metadata by the stem of its article. */
  metas: Map<string, SeedText>
  /** Images by path under `seeds/`, or why one cannot be used (reported only where an article uses it). */
  images: Map<string, ImageFile | Problem>
  errors: ContentError[]
}

/**
 * Sorts the files of `seeds/`: `*.txt` and `*.md` at the top are articles, `{stem}.meta` their
 * metadata; PNG, JPEG, GIF, WebP and AVIF files anywhere are images; other files in subfolders
 * (drafts, notes) and names starting with `.` are ignored; anything else at the top is a problem.
 * A stray `.meta` (no article of its name) is a problem too.
 *
 * @param dir - prefix of file names in error messages (`seeds/`)
 */
export async function sortSeedFiles(files: readonly SourceFile[], dir: string): Promise<SeedFiles> {
  const sorted: SeedFiles = { texts: new Map(), metas: new Map(), images: new Map(), errors: [] }
  for (const { name, bytes } of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (name.startsWith('.') || name.includes('/.')) continue
    if (isImageName(name)) {
      sorted.images.set(
        name,
        bytes.byteLength > MAX_IMAGE_BYTES
          ? { problem: `the image is larger than ${MAX_IMAGE_BYTES / 1048576} MiB`, fix: 'Resize or compress it.' }
          : await readImage(name, bytes),
      )
      continue
    }
    // Subfolders hold images; anything else there (drafts, notes) is not the build's.
    if (name.includes('/')) continue
    const problem = sortText(sorted, dir + name, name, bytes)
    if (problem) sorted.errors.push(problem)
  }
  for (const [stem, meta] of sorted.metas) {
    if (!sorted.texts.has(stem))
      sorted.errors.push(
        new ContentError(
          meta.file,
          1,
          `no article ${dir}${stem}.txt or .md for this metadata`,
          'Rename it to match its article, or remove it.',
        ),
      )
  }
  return sorted
}

/** Files an article or sidecar of `sorted`, or says why it cannot be one. */
function sortText(sorted: SeedFiles, file: string, name: string, bytes: Uint8Array): ContentError | undefined {
  const match = /^([^/]+)\.(txt|md|meta)$/.exec(name)
  if (!match)
    return new ContentError(
      file,
      1,
      'unsupported file type',
      'Articles are `.txt` or `.md` files at the top of seeds/, their metadata `.meta` files of the same name, images PNG, JPEG, GIF, WebP or AVIF files. Move other files out of seeds/.',
    )
  const [, stem = '', ext] = match
  if (ext !== 'meta' && sorted.texts.has(stem))
    return new ContentError(
      file,
      1,
      `${sorted.texts.get(stem)?.file} has the same name`,
      'Rename one of them: an article is one file.',
    )
  if (bytes.byteLength > MAX_ARTICLE_BYTES)
    return new ContentError(
      file,
      1,
      `the file is ${(bytes.byteLength / 1048576).toFixed(1)} MiB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MiB`,
      'Split it into several articles, or move bulky material out of the text.',
    )
  try {
    ;(ext === 'meta' ? sorted.metas : sorted.texts).set(stem, { file, text: decodeText(file, bytes) })
  } catch (error) {
    return asContentError(error, file)
  }
  return undefined
}

/** Any error met reading `file`, as a problem of that file. */
export function asContentError(error: unknown, file: string): ContentError {
  if (error instanceof ContentError) return error
  return new ContentError(file, 1, `could not be read (${String(error)})`, 'Check the file.')
}
