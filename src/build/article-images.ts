import type { ArticleImage } from '../model/article.ts'
import type { Problem } from './content-error.ts'
import { type ImageFile, localImagePath } from './images.ts'

/** Finds an image file of `seeds/` by its path there (`images/cat.png`), or why it cannot be used. */
export type ImageLookup = (path: string) => ImageFile | Problem | undefined

/**
 * Resolves the images one article names, and remembers the files it used (the build publishes
 * those). A path is relative to `seeds/`; a published file is linked as `../media/{hash}.{ext}`,
 * relative to the article page, so it works under any base path; an https URL is kept.
 */
export class ArticleImages {
  readonly #lookup: ImageLookup
  /** The files of `seeds/` this article uses. */
  readonly used = new Set<ImageFile>()

  constructor(lookup: ImageLookup) {
    this.#lookup = lookup
  }

  /**
   * The article image `src` names (for `image:`, the feeds and the Markdown renderer), or what is
   * wrong with it.
   *
   * @param written - `src` as the author wrote it, for messages (Markdown hands over `src` encoded)
   */
  image(src: string, written: string = src): ArticleImage | Problem {
    const path = localImagePath(src, written)
    if (path === undefined) {
      const url = new URL(src)
      if (url.protocol === 'https:') return { url: url.href }
      return {
        problem: `image "${written}" is http:, which pages served over https may not load (mixed content, and their Content-Security-Policy allows https images only)`,
        fix: 'Use its https: URL, or put the file in seeds/images/.',
      }
    }
    if (typeof path !== 'string') return path
    const file = this.#lookup(path)
    if (!file)
      return {
        problem: `image "${written}" is not in seeds/`,
        fix: `Put the file at seeds/${path} (images/ is a good place), or fix the path.`,
      }
    if ('problem' in file) return { problem: `image "${written}" cannot be used: ${file.problem}`, fix: file.fix }
    this.used.add(file)
    return {
      url: `../${file.published}`,
      type: file.type,
      length: file.bytes.byteLength,
      width: file.width,
      height: file.height,
    }
  }
}
