// Build-time only: image sizes are read once, when the content is built.
import { imageSize } from 'image-size'
import { IMAGE_TYPES } from '../content/image-types.ts'
import { httpUrl } from '../content/text-rules.ts'
import type { Problem } from './content-error.ts'

/** What `image-size` calls each type, for the check that the bytes are what the name says. */
const DETECTED: Readonly<Record<string, string>> = {
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  gif: 'gif',
  webp: 'webp',
  avif: 'avif',
}

/** An image file of `seeds/`, as published: under a name made from its bytes, so its URL never serves other bytes. */
export interface ImageFile {
  /** Path under `seeds/` (`images/cat.png`). */
  name: string
  /** Path of the published copy in the content files and under the site (`media/3f2a….png`). */
  published: string
  type: string
  bytes: Uint8Array
  width: number
  height: number
}

/** Whether a file of `seeds/` is an image the build publishes (by its extension). */
export function isImageName(name: string): boolean {
  return Object.hasOwn(IMAGE_TYPES, extensionOf(name))
}

function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''
}

/**
 * Reads an image file: its type from the extension, checked against the bytes, its size, and its
 * published name (the first 16 hex digits of its SHA-256).
 *
 * @returns the image, or what is wrong with it
 */
export async function readImage(name: string, bytes: Uint8Array): Promise<ImageFile | Problem> {
  const extension = extensionOf(name)
  let size: { width?: number; height?: number; type?: string }
  try {
    size = imageSize(bytes)
  } catch {
    return { problem: 'the file is not an image this build can read', fix: 'Save it as PNG, JPEG, GIF, WebP or AVIF.' }
  }
  if (size.type !== DETECTED[extension] || !size.width || !size.height) {
    return {
      problem: `the file is named .${extension} but holds ${size.type ?? 'something else'}`,
      fix: `Rename it to the extension of its type (.${size.type === 'jpg' ? 'jpg' : size.type}).`,
    }
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  const hash = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')
  return {
    name,
    published: `media/${hash}.${extension === 'jpeg' ? 'jpg' : extension}`,
    type: IMAGE_TYPES[extension] as string,
    bytes,
    width: size.width,
    height: size.height,
  }
}

/**
 * The path under `seeds/` an image `src` of an article names, or `undefined` when it is a web URL.
 * Paths are relative to `seeds/` (`images/cat.png`, `./images/cat.png`, `/images/cat.png`); the
 * URL's query and fragment are ignored; `..` may not leave `seeds/`.
 *
 * @param written - `src` as the author wrote it, for messages
 * @returns the path, `undefined` for an http(s) URL, or a problem
 */
export function localImagePath(src: string, written = src): string | undefined | Problem {
  if (httpUrl(src) !== undefined) return undefined
  if (src.startsWith('//'))
    return {
      problem: `image "${written}" names another host without a scheme`,
      fix: `Write it with https: (https:${written}), or as a path under seeds/.`,
    }
  let path: string
  try {
    path = decodeURI(src.replace(/[?#].*$/, ''))
  } catch {
    return { problem: `image "${written}" is not a valid path`, fix: 'Write the path as it is, e.g. `images/cat.png`.' }
  }
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0)
        return {
          problem: `image "${written}" is outside seeds/`,
          fix: 'Put the image in seeds/images/ and name it `images/…`.',
        }
      parts.pop()
    } else parts.push(part)
  }
  return parts.join('/')
}
