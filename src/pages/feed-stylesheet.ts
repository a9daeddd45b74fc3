import { xmlText } from '../feeds/xml.ts'
import type { SiteLinks } from '../links.ts'
import { PATHS } from '../paths.ts'
import { ICON } from './assets.ts'
import { FEED_NOTICE } from './feed-notice.ts'

/**
 * XSLT 1.0 for browsers that apply an `xml-stylesheet` to a feed (Firefox, Safari; Chromium while
 * it keeps XSLT, for XML media types): the same readable page as the server-rendered preview, from
 * either RSS 2.0 or Atom 1.0. Browsers that send `Sec-Fetch-Dest: document` get that preview from
 * the server instead, so this is the second layer, not the only one.
 *
 * RSS `<description>` is entity-encoded HTML that this site writes from plain text (tags escaped),
 * so it is output unescaped to show `&` as `&`; titles, subtitles and Atom summaries are plain text
 * in every format (`plain-text.ts`), so they are output as text, never as markup.
 *
 * @param links - the site's links: the page's stylesheet and script come from the site's base path
 */
export function feedStylesheet(links: Pick<SiteLinks, 'path'>): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <xsl:variable name="self" select="rss/channel/atom:link[@rel='self']/@href | atom:feed/atom:link[@rel='self']/@href"/>
    <xsl:variable name="home" select="rss/channel/link | atom:feed/atom:link[@rel='alternate']/@href"/>
    <html lang="{rss/channel/language | atom:feed/@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="$title"/> · feed</title>
        <link rel="icon" href="${ICON}"/>
        <link rel="stylesheet" href="${links.path(PATHS.css)}"/>
        <script src="${links.path(PATHS.script)}" defer="defer"></script>
      </head>
      <body>
        <header class="site"><div class="wrap"><a class="home" href="{$home}"><xsl:value-of select="$title"/></a></div></header>
        <main class="wrap" data-view="xslt">
          <p class="notice"><strong>${xmlText(FEED_NOTICE.lead)}</strong> ${xmlText(FEED_NOTICE.text)}</p>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="muted"><xsl:value-of select="rss/channel/description | atom:feed/atom:subtitle"/></p>
          <section class="subscribe">
            <h2>Feed URL</h2>
            <div class="feedrow">
              <input id="url-feed" type="url" readonly="readonly" value="{$self}" aria-label="Feed URL"/>
              <button type="button" class="copy" data-copy="{$self}" aria-controls="url-feed">Copy</button>
            </div>
          </section>
          <ul class="items">
            <xsl:for-each select="rss/channel/item">
              <li>
                <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
                <time><xsl:value-of select="pubDate"/></time>
                <p><xsl:value-of select="description" disable-output-escaping="yes"/></p>
              </li>
            </xsl:for-each>
            <xsl:for-each select="atom:feed/atom:entry">
              <li>
                <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
                <time datetime="{atom:published}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
                <p><xsl:value-of select="atom:summary"/></p>
              </li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
`
}
