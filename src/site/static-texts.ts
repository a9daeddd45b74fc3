import { CONTENT_TYPES } from '../http/content-types.ts'
import { SITE_CSS, SITE_JS } from '../pages/assets.ts'
import { feedStylesheet } from '../pages/feed-stylesheet.ts'

/** The texts the site serves besides content: fixed, or made from its links (the XSLT, under the base path). */
export const STATIC_TEXTS = {
  css: { text: SITE_CSS, contentType: CONTENT_TYPES.css },
  js: { text: SITE_JS, contentType: CONTENT_TYPES.js },
  xsl: { text: feedStylesheet, contentType: CONTENT_TYPES.xsl },
} as const
