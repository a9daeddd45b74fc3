import type { FeedContext } from '../feeds/feed-context.ts'
import type { Article } from '../model.ts'
import { DateTime, Layout, SubscribeRows } from './layout.tsx'

/** The home page: every article, newest first, and how to subscribe to each feed. */
export function IndexPage(props: { feed: FeedContext; articles: readonly Article[] }) {
  const { config, links } = props.feed
  return (
    <Layout title={config.title} language={config.language} links={links} canonical={links.home} description={config.description} social={{ type: 'website', siteName: config.title }}>
      <h1>{config.title}</h1>
      <p class="muted">{config.description}</p>
      <section class="subscribe" aria-labelledby="subscribe">
        <h2 id="subscribe">Subscribe</h2>
        <p class="muted">Copy a feed URL into your feed reader, or import all of them as <a href={links.opml}>OPML</a>.</p>
        <SubscribeRows links={links} />
      </section>
      <ul class="items">
        {props.articles.map((article) => (
          <li>
            <h2>
              <a href={links.article(article.slug)}>{article.title}</a>
            </h2>
            <DateTime iso={article.published} language={config.language} />
            <p>{article.summary}</p>
          </li>
        ))}
      </ul>
    </Layout>
  )
}
