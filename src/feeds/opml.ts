import { escapeHtml } from '../content/escape-html.ts'
import type { SiteLinks } from '../links.ts'
import type { SiteConfig } from '../model/site.ts'
import { PATHS } from '../paths.ts'
import { rfc822 } from './dates.ts'
import type { FeedFormat } from './feed-format.ts'
import { FORMATS } from './formats.ts'
import { element, textElement, XML_DECLARATION } from './xml.ts'

/** A tag as the OPML lists it: its text and the key of its URLs. */
export interface OpmlTag {
  tag: string
  key: string
}

/** The formats `/feeds.opml` subscribes to: the one marked `subscribed` in the formats table (Atom). */
export const SUBSCRIPTION_FORMATS: readonly FeedFormat[] = FORMATS.filter((f) => f.subscribed)

/**
 * Renders an OPML 2.0 subscription list: one folder with the site's feed, one with every tag's
 * (readers import each outer outline as a folder). `formats` are the feeds listed for each topic:
 * {@link SUBSCRIPTION_FORMATS} for `/feeds.opml`, every format for `/feeds-all.opml` (then each
 * outline's text names its format).
 * @see https://opml.org/spec2.opml
 *
 * @param updated - when the list last changed (RFC 3339): its `dateModified`
 */
export function renderOpml(
  config: SiteConfig,
  links: SiteLinks,
  tags: readonly OpmlTag[],
  updated: string,
  formats: readonly FeedFormat[],
): string {
  const feeds = (title: string, prefix: string, home: string) =>
    formats.map((f) => {
      // OPML 2.0 lets `text` hold HTML (readers and the validator read `title` the same way), so plain text is escaped as HTML.
      const text = escapeHtml(formats.length > 1 ? `${title} (${f.label})` : title)
      return element('outline', {
        type: f.opmlType,
        text,
        title: text,
        xmlUrl: links.url(prefix + f.path),
        htmlUrl: home,
      })
    })
  // A folder has `text` alone: any other attribute would need a `type` saying how to read it.
  const folder = (title: string, outlines: string[]) => element('outline', { text: escapeHtml(title) }, ...outlines)
  return (
    XML_DECLARATION +
    element(
      'opml',
      { version: '2.0' },
      element(
        'head',
        {},
        textElement('title', config.title),
        textElement('dateModified', rfc822(updated)),
        textElement('ownerName', config.author.name),
      ),
      element(
        'body',
        {},
        folder(config.title, feeds(config.title, '', links.home)),
        ...(tags.length > 0
          ? [
              folder(
                `${config.title}: tags`,
                tags.flatMap((t) => feeds(`${config.title}: ${t.tag}`, PATHS.tag(t.key), links.tag(t.key))),
              ),
            ]
          : []),
      ),
    ) +
    '\n'
  )
}
