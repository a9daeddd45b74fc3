import type { FeedPlacement } from '../model/feed.ts'
import { type Attributes, element } from './xml.ts'

/**
 * The feed history elements (RFC 5005) of one RSS or Atom document: `fh:complete` on a
 * subscription document that holds every article (§2); else the links of an archived feed (§4):
 * `prev-archive` from the subscription document to the newest archive page, and on archive pages
 * `fh:archive`, `current`, `prev-archive` and `next-archive`. RSS writes the links as `atom:link`
 * (Appendix B).
 *
 * @param path - the format's path (`/feed.xml`), which every link keeps
 * @param link - the link element's name: `link` in Atom, `atom:link` in RSS
 * @param attributes - added to every link (its media type)
 */
export function historyElements(doc: FeedPlacement, path: string, link: string, attributes: Attributes): string[] {
  if (doc.history === 'complete') return [element('fh:complete', {})]
  return [
    ...(doc.history === 'archive'
      ? [element('fh:archive', {}), element(link, { rel: 'current', href: doc.current(path), ...attributes })]
      : []),
    ...(doc.prevArchive ? [element(link, { rel: 'prev-archive', href: doc.prevArchive(path), ...attributes })] : []),
    ...(doc.nextArchive ? [element(link, { rel: 'next-archive', href: doc.nextArchive(path), ...attributes })] : []),
  ]
}
