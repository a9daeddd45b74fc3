import type { ArticleImage } from '../model.ts'
import { type ImageFile, localImagePath } from './images.ts'
import type { ImageProblem, ResolvedImage } from './markdown.ts'

/** Finds an image file of `seeds/` by its path there (`images/cat.png`). */
export type ImageLookup = (path: string) => ImageFile | undefined

/**
 * Resolves the images one article names, and remembers the files it used (the build publishes
 * those). A path is relative to `seeds/`; a published file is linked as `../media/{hash}.{ext}`,
 * relative to the article page, so it works under any base path; an http(s) URL is kept.
 */
export class ArticleImages {
  readonly #lookup: ImageLookup
  /** The files of `seeds/` this article uses. */
  readonly used = new Set<ImageFile>()

  constructor(lookup: ImageLookup) {
    this.#lookup = lookup
  }

  /** The article image `src` names (for `image:` and the feeds), or what is wrong with it. */
  image(src: string): ArticleImage | ImageProblem {
    const path = localImagePath(src)
    if (path === undefined) return { url: new URL(src).href }
    if (typeof path !== 'string') return path
    const file = this.#lookup(path)
    if (!file)
      return {
        problem: `image "${src}" is not in seeds/`,
        fix: `Put the file at seeds/${path} (images/ is a good place), or fix the path.`,
      }
    this.used.add(file)
    return {
      url: `../${file.published}`,
      type: file.type,
      length: file.bytes.byteLength,
      width: file.width,
      height: file.height,
    }
  }

  /** The same, as the Markdown renderer asks. */
  readonly resolve = (src: string): ResolvedImage | ImageProblem => this.image(src)
}
