import { escapeHtml } from '../content/escape-html.ts'
import type { SiteLinks } from '../links.ts'
import type { SiteConfig } from '../model/site.ts'
import { PATHS } from '../paths.ts'
import { rfc822 } from './dates.ts'
import { FORMATS } from './formats.ts'
import { element, textElement, XML_DECLARATION } from './xml.ts'

/** A tag as the OPML lists it: its text and the key of its URLs. */
export interface OpmlTag {
  tag: string
  key: string
}

/**
 * Renders the OPML 2.0 subscription list: one folder with the site's feeds, one with every tag's
 * (readers import each outer outline as a folder).
 * @see https://opml.org/spec2.opml
 *
 * @param updated - when the list last changed (RFC 3339): its `dateModified`
 */
export function renderOpml(config: SiteConfig, links: SiteLinks, tags: readonly OpmlTag[], updated: string): string {
  const feeds = (title: string, prefix: string, home: string) =>
    FORMATS.map((f) =>
      // OPML 2.0 §"subscription lists": type="rss" for every feed, whatever its format.
      element('outline', {
        type: 'rss',
        // OPML 2.0 lets `text` hold HTML (and readers and the validator read `title` the same way), so plain text is escaped as HTML.
        text: escapeHtml(`${title} (${f.label})`),
        title: escapeHtml(`${title} (${f.label})`),
        xmlUrl: links.url(prefix + f.path),
        htmlUrl: home,
      }),
    )
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
