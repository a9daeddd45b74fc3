import type { Article } from '../model/article.ts'
import type { TagEntry } from '../model/site.ts'
import { PATHS } from '../paths.ts'
import { formatCount } from './format-count.ts'
import { Layout, type PageSite } from './layout.tsx'
import { ArticleList, Pager, SubscribeRows } from './page-parts.tsx'

/** The page of one tag (`/tags/{key}`, older ones at `/tags/{key}/page/{n}`): its articles, newest first, and its feeds. */
export function TagPage(props: {
  site: PageSite
  tag: TagEntry
  articles: readonly Article[]
  page: number
  pages: number
}) {
  const { config, links } = props.site
  const { tag, articles, page, pages } = props
  const prefix = PATHS.tag(tag.key)
  const count = `${formatCount(tag.count)} article${tag.count === 1 ? '' : 's'}`
  return (
    <Layout
      preview={props.site.preview}
      title={page === 1 ? `${tag.tag} · ${config.title}` : `${tag.tag} · page ${page} · ${config.title}`}
      language={config.language}
      links={links}
      canonical={links.tag(tag.key, page)}
      description={`Articles tagged “${tag.tag}” on ${config.title}.`}
      social={{ type: 'website', siteName: config.title }}
      subjectFeeds={[{ label: `${config.title}: ${tag.tag}`, prefix }]}
    >
      <p class="muted">
        <a href={links.tags()}>Tags</a> ›
      </p>
      <h1>{tag.tag}</h1>
      <p class="muted">{count}</p>
      {page === 1 && (
        <section class="subscribe" aria-labelledby="subscribe">
          <h2 id="subscribe">Follow this tag</h2>
          <SubscribeRows links={links} prefix={prefix} />
        </section>
      )}
      <ArticleList articles={articles} links={links} language={config.language} />
      <Pager page={page} pages={pages} href={(n) => links.tag(tag.key, n)} />
    </Layout>
  )
}
