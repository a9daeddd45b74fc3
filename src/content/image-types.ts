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
