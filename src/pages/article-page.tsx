import { raw } from 'hono/html'
import { tagKey } from '../content/tag-key.ts'
import type { SiteArticle } from '../model/article.ts'
import { PATHS } from '../paths.ts'
import { Layout, type PageSite } from './layout.tsx'
import { DateTime } from './page-parts.tsx'

/** The page each feed item links to: the whole article. */
export function ArticlePage(props: { site: PageSite; article: SiteArticle }) {
  const { config, links } = props.site
  const { article } = props
  const { authors, language } = article
  return (
    <Layout
      preview={props.site.preview}
      title={article.title}
      language={language}
      links={links}
      canonical={links.article(article.slug)}
      description={article.summary}
      social={{
        type: 'article',
        siteName: config.title,
        published: article.published,
        modified: article.updated,
        tags: article.tags,
        // og:image must be absolute; a published image is relative to the article page.
        image: article.image && new URL(article.image.url, links.article(article.slug)).href,
      }}
      relatedFeeds={article.tags.map((t) => ({ label: `${config.title}: ${t}`, prefix: PATHS.tag(tagKey(t)) }))}
    >
      <article>
        <header>
          <h1>{article.title}</h1>
          <p class="meta">
            <DateTime iso={article.published} language={language} label={article.dateLabels?.published} />
            {article.updated !== article.published && (
              <>
                {' '}
                · updated <DateTime iso={article.updated} language={language} label={article.dateLabels?.updated} />
              </>
            )}{' '}
            · <span class="author">{authors.map((a) => a.name).join(', ')}</span>
          </p>
        </header>
        {article.format === 'text' ? (
          article.paragraphs.map((p) => <p>{p}</p>)
        ) : (
          // Rendered at build time from Markdown with raw HTML escaped and only http(s), mailto and
          // relative URLs live (see build/markdown.ts); the CSP forbids script besides.
          <div class="body">{raw(article.contentHtml)}</div>
        )}
        {article.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {article.tags.map((t) => (
              <li>
                <a href={links.tag(tagKey(t))}>{t}</a>
              </li>
            ))}
          </ul>
        )}
      </article>
    </Layout>
  )
}
