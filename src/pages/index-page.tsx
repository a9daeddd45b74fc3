import type { FeedContext } from '../feeds/feed-context.ts'
import type { Article } from '../model.ts'
import { DateTime, Layout } from './layout.tsx'

/** The home page: every article, newest first, with autodiscovery links to the three feeds. */
export function IndexPage(props: { feed: FeedContext; articles: readonly Article[] }) {
  const { config, links } = props.feed
  return (
    <Layout title={config.title} language={config.language} links={links} canonical={links.home} description={config.description}>
      <h1>{config.title}</h1>
      <p>{config.description}</p>
      <ul class="articles">
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
