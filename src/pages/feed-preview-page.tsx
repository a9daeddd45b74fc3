import type { FeedFormat } from '../feeds/feed-format.ts'
import type { FeedDocument } from '../model/feed.ts'
import { FEED_NOTICE } from './feed-notice.ts'
import { Layout, type PageSite } from './layout.tsx'
import { ArticleList, SubscribeRows } from './page-parts.tsx'

/**
 * What a person sees on opening a feed URL in a browser: what a feed is, its URL with a copy button,
 * and the items it lists, linking to the article pages. Served instead of the XML only to browser
 * navigations (see `isBrowserNavigation`); feed readers always get the feed.
 */
export function FeedPreviewPage(props: { site: PageSite; doc: FeedDocument; format: FeedFormat }) {
  const { config, links } = props.site
  const { doc } = props
  const { articles } = doc
  return (
    <Layout
      preview={props.site.preview}
      title={`${doc.title} · ${props.format.label} feed`}
      language={config.language}
      links={links}
      canonical={doc.self(props.format.path)}
      description={doc.description}
      social={{ type: 'website', siteName: config.title }}
      subjectFeeds={doc.prefix ? [{ label: doc.title, prefix: doc.prefix }] : []}
    >
      <p class="notice">
        <strong>{FEED_NOTICE.lead}</strong> {FEED_NOTICE.text} Feed readers fetch this same address and get the{' '}
        {props.format.label} document.
      </p>
      <h1>{doc.title}</h1>
      <p class="muted">{doc.description}</p>
      {doc.history === 'archive' && (
        <p class="muted">
          An archive page of this feed: it lists older articles, and the{' '}
          <a href={doc.current(props.format.path)}>feed itself</a> the newest.
        </p>
      )}
      <section class="subscribe" aria-labelledby="subscribe">
        <h2 id="subscribe">Feed URL</h2>
        <SubscribeRows links={links} formats={[props.format]} url={doc.current} />
      </section>
      <ArticleList articles={articles} links={links} language={config.language} />
    </Layout>
  )
}
