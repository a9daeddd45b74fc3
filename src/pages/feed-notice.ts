/**
 * What a person who opens a feed in a browser is told, on the server-rendered preview and on the
 * XSLT page alike: one text, so the two layers never drift apart.
 */
export const FEED_NOTICE = {
  lead: 'This is a feed.',
  text: 'Copy its URL into your feed reader (NetNewsWire, Feedly, Miniflux, Thunderbird…) to get new articles as they are published.',
} as const
