import type { TagEntry } from '../model/site.ts'
import { formatCount } from './format-count.ts'
import { Layout, type PageSite } from './layout.tsx'
import { Pager } from './page-parts.tsx'

/** `/tags` (and `/tags/page/{n}` on sites with many): every tag, by name, with its number of articles. */
export function TagsPage(props: { site: PageSite; tags: readonly TagEntry[]; page: number; pages: number }) {
  const { config, links } = props.site
  const { tags, page, pages } = props
  return (
    <Layout
      preview={props.site.preview}
      title={page === 1 ? `Tags · ${config.title}` : `Tags · page ${page} · ${config.title}`}
      language={config.language}
      links={links}
      canonical={links.tags(page)}
      description={`Every tag of ${config.title}, each with its own page and feeds.`}
      social={{ type: 'website', siteName: config.title }}
    >
      <h1>Tags</h1>
      {tags.length === 0 ? (
        <p class="muted">No article has a tag yet.</p>
      ) : (
        <ul class="tags taglist">
          {tags.map((tag) => (
            <li>
              <a href={links.tag(tag.key)}>{tag.tag}</a> <span class="count">{formatCount(tag.count)}</span>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pages={pages} href={links.tags} labels={['← Previous', 'Next →']} />
    </Layout>
  )
}
