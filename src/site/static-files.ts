import { CONTENT_TYPES } from '../http/content-types.ts'
import type { SiteLinks } from '../links.ts'
import { SITE_CSS, SITE_JS } from '../pages/assets.ts'
import { feedStylesheet } from '../pages/feed-stylesheet.ts'
import { FAVICON_ICO, FAVICON_PNG, FEED_IMAGE_PNG, ICON_PNG, TOUCH_ICON_PNG } from '../pages/icons.ts'

/** Decodes a base64 module constant when first served. */
function bytes(base64: string): () => Uint8Array {
  return () => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
}

/** One file the site serves besides its content: its bytes (fixed, or made from the site's links) and type. */
export interface StaticFile {
  body: string | ((links: SiteLinks) => string) | (() => Uint8Array)
  contentType: string
}

/**
 * The files the site serves besides content: the stylesheet and the script (fixed), the XSLT (made
 * from the site's links, so its stylesheet is under the base path) and the default icons (PNG and ICO,
 * drawn by scripts/make-icons.ts).
 */
export const STATIC_FILES = {
  css: { body: SITE_CSS, contentType: CONTENT_TYPES.css },
  js: { body: SITE_JS, contentType: CONTENT_TYPES.js },
  xsl: { body: feedStylesheet, contentType: CONTENT_TYPES.xsl },
  icon: { body: bytes(ICON_PNG), contentType: CONTENT_TYPES.png },
  favicon: { body: bytes(FAVICON_PNG), contentType: CONTENT_TYPES.png },
  faviconIco: { body: bytes(FAVICON_ICO), contentType: CONTENT_TYPES.ico },
  touchIcon: { body: bytes(TOUCH_ICON_PNG), contentType: CONTENT_TYPES.png },
  feedImage: { body: bytes(FEED_IMAGE_PNG), contentType: CONTENT_TYPES.png },
} as const satisfies Record<string, StaticFile>

/** The name of one of the {@link STATIC_FILES}. */
export type StaticFileName = keyof typeof STATIC_FILES
