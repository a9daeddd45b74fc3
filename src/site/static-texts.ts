import { CONTENT_TYPES } from '../http/content-types.ts'
import { SITE_CSS, SITE_JS } from '../pages/assets.ts'
import { feedStylesheet } from '../pages/feed-stylesheet.ts'
import { FAVICON_PNG, ICON_PNG } from '../pages/icons.ts'

/** Decodes a base64 module constant once, when first served. */
function bytes(base64: string): () => Uint8Array {
  return () => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
}

/**
 * The files the site serves besides content: fixed, or made from its links (the XSLT, under the
 * base path), or the default icons.
 */
export const STATIC_TEXTS = {
  css: { text: SITE_CSS, contentType: CONTENT_TYPES.css },
  js: { text: SITE_JS, contentType: CONTENT_TYPES.js },
  xsl: { text: feedStylesheet, contentType: CONTENT_TYPES.xsl },
  icon: { text: bytes(ICON_PNG), contentType: CONTENT_TYPES.png },
  favicon: { text: bytes(FAVICON_PNG), contentType: CONTENT_TYPES.png },
} as const
