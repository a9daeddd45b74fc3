import type { FeedContext } from '../feeds/feed-context.ts'
import type { Article } from '../model.ts'
import { DateTime, Layout } from './layout.tsx'

/** The page each feed item links to: the whole article. */
export function ArticlePage(props: { feed: FeedContext; article: Article }) {
  const { config, links } = props.feed
  const { article } = props
  const authors = article.authors.length > 0 ? article.authors : [config.author]
  const language = article.language ?? config.language
  return (
    <Layout title={`${article.title} · ${config.title}`} language={language} links={links} canonical={links.article(article.slug)} description={article.summary}>
      <article>
        <h1>{article.title}</h1>
        <p class="muted">
          <DateTime iso={article.published} language={language} /> · {authors.map((a) => a.name).join(', ')}
        </p>
        {article.paragraphs.map((p) => (
          <p>{p}</p>
        ))}
        {article.tags.length > 0 && <p class="muted">Tags: {article.tags.join(', ')}</p>}
      </article>
    </Layout>
  )
}
