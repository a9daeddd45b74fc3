import type { Article } from '../model/article.ts'
import { Layout, type PageSite } from './layout.tsx'
import { ArticleList, Pager, SubscribeRows } from './page-parts.tsx'

/**
 * The home page and its older pages: articles newest first, `articles` being this page's share,
 * and (on page 1) how to subscribe to each feed.
 */
export function IndexPage(props: { site: PageSite; articles: readonly Article[]; page: number; pages: number }) {
  const { config, links } = props.site
  const { page, pages } = props
  const title = page === 1 ? config.title : `${config.title} · page ${page}`
  return (
    <Layout
      preview={props.site.preview}
      title={title}
      language={config.language}
      links={links}
      canonical={links.page(page)}
      description={config.description}
      social={{ type: 'website', siteName: config.title }}
    >
      <h1>{config.title}</h1>
      <p class="muted">{config.description}</p>
      {page === 1 && (
        <section class="subscribe" aria-labelledby="subscribe">
          <h2 id="subscribe">Subscribe</h2>
          <p class="muted">
            Copy a feed URL into your feed reader, or import the site's feed and every <a href={links.tags()}>tag</a>'s
            at once as <a href={links.opml}>OPML</a> (one feed each; or <a href={links.opmlAll}>every format</a>).
          </p>
          <SubscribeRows links={links} />
        </section>
      )}
      <ArticleList articles={props.articles} links={links} language={config.language} />
      <Pager page={page} pages={pages} href={links.page} />
    </Layout>
  )
}
