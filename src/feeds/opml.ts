import { rfc822 } from './dates.ts'
import type { FeedContext } from './feed-context.ts'
import { FORMATS } from './formats.ts'
import { element, textElement, XML_DECLARATION } from './xml.ts'

/**
 * Renders the OPML 2.0 subscription list of the site's feeds, for importing into a reader.
 * @see https://opml.org/spec2.opml
 */
export function renderOpml(feed: FeedContext): string {
  const { config, links } = feed
  const outlines = FORMATS.map((f) =>
    // OPML 2.0 §"subscription lists": type="rss" for every feed, whatever its format.
    element('outline', {
      type: 'rss',
      text: `${config.title} (${f.label})`,
      title: `${config.title} (${f.label})`,
      xmlUrl: links.feed(f.path),
      htmlUrl: links.home,
    }),
  )
  return (
    XML_DECLARATION +
    element(
      'opml',
      { version: '2.0' },
      element(
        'head',
        {},
        textElement('title', config.title),
        textElement('dateModified', rfc822(feed.updated)),
        textElement('ownerName', config.author.name),
      ),
      element('body', {}, ...outlines),
    ) +
    '\n'
  )
}
