/**
 * Image files the build publishes, by extension: the `Content-Type` each is served with. The build
 * names a published `.jpeg` `.jpg`.
 */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
}

/**
 * The `Content-Type` of a published image's name (`3f2a….png`: 16 hex digits of its hash and the
 * extension the build gives it), or `undefined` for a name the build never publishes.
 */
export function publishedImageType(name: string): string | undefined {
  const extension = /^[0-9a-f]{16}\.([a-z]+)$/.exec(name)?.[1]
  return extension && extension !== 'jpeg' && Object.hasOwn(IMAGE_TYPES, extension) ? IMAGE_TYPES[extension] : undefined
}
