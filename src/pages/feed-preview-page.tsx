import type { FeedContext } from '../feeds/feed-context.ts'
import type { FeedFormat } from '../feeds/formats.ts'
import { FEED_NOTICE } from './feed-notice.ts'
import { ArticleList, Layout, SubscribeRows } from './layout.tsx'

/**
 * What a person sees on opening a feed URL in a browser: what a feed is, its URL with a copy button,
 * and the items it lists, linking to the article pages. Served instead of the XML only to browser
 * navigations (see `isBrowserNavigation`); feed readers always get the feed.
 */
export function FeedPreviewPage(props: { feed: FeedContext; format: FeedFormat }) {
  const { config, links, articles } = props.feed
  return (
    <Layout
      title={`${config.title} · ${props.format.label} feed`}
      language={config.language}
      links={links}
      canonical={links.feed(props.format.path)}
      description={config.description}
      social={{ type: 'website', siteName: config.title }}
    >
      <p class="notice">
        <strong>{FEED_NOTICE.lead}</strong> {FEED_NOTICE.text} Feed readers fetch this same address and get the{' '}
        {props.format.label} document.
      </p>
      <h1>{config.title}</h1>
      <p class="muted">{config.description}</p>
      <section class="subscribe" aria-labelledby="subscribe">
        <h2 id="subscribe">Feed URL</h2>
        <SubscribeRows links={links} formats={[props.format]} />
      </section>
      <ArticleList articles={articles} links={links} language={config.language} />
    </Layout>
  )
}
