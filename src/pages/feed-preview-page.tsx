import type { FeedContext } from '../feeds/feed-context.ts'
import type { FeedFormat } from '../feeds/formats.ts'
import { FEED_NOTICE } from './feed-notice.ts'
import { Layout } from './layout.tsx'
import { ArticleList, SubscribeRows } from './page-parts.tsx'

/**
 * What a person sees on opening a feed URL in a browser: what a feed is, its URL with a copy button,
 * and the items it lists, linking to the article pages. Served instead of the XML only to browser
 * navigations (see `isBrowserNavigation`); feed readers always get the feed.
 */
export function FeedPreviewPage(props: { feed: FeedContext; format: FeedFormat }) {
  const { config, links, articles, page } = props.feed
  return (
    <Layout
      title={`${page.title} · ${props.format.label} feed`}
      language={config.language}
      links={links}
      canonical={page.self(props.format.path)}
      description={page.description}
      social={{ type: 'website', siteName: config.title }}
      subjectFeeds={page.prefix ? [{ label: page.title, prefix: page.prefix }] : []}
    >
      <p class="notice">
        <strong>{FEED_NOTICE.lead}</strong> {FEED_NOTICE.text} Feed readers fetch this same address and get the{' '}
        {props.format.label} document.
      </p>
      <h1>{page.title}</h1>
      <p class="muted">{page.description}</p>
      {page.history === 'archive' && (
        <p class="muted">
          An archive page of this feed: it lists older articles, and the{' '}
          <a href={page.current(props.format.path)}>feed itself</a> the newest.
        </p>
      )}
      <section class="subscribe" aria-labelledby="subscribe">
        <h2 id="subscribe">Feed URL</h2>
        <SubscribeRows links={links} formats={[props.format]} url={page.current} />
      </section>
      <ArticleList articles={articles} links={links} language={config.language} />
    </Layout>
  )
}
