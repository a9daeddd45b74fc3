import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { FORMATS } from '../feeds/formats.ts'
import type { SiteLinks } from '../links.ts'
import type { SiteConfig } from '../model/site.ts'

/** What every page is rendered with: the site's settings and its links. */
export interface PageSite {
  config: SiteConfig
  links: SiteLinks
  /** A preview build (`npm run preview`): drafts and scheduled articles are shown, and every page says so. */
  preview?: boolean
}

/** Open Graph / Twitter card data of a page. */
export interface SocialMeta {
  type: 'website' | 'article'
  siteName: string
  published?: string
  modified?: string
  tags?: readonly string[]
  /** Absolute URL of the page's image. */
  image?: string | undefined
}

/** Props of {@link Layout}. */
export interface LayoutProps {
  title: string
  language: string
  links: SiteLinks
  /** Absolute canonical URL of this page. */
  canonical: string
  description: string
  social: SocialMeta
  /** The feeds of this page's subject (a tag), announced before the site's: readers take the first. */
  subjectFeeds?: readonly FeedFamily[]
  /** Feeds of related subjects (an article's tags), announced after the site's. */
  relatedFeeds?: readonly FeedFamily[]
  /** See {@link PageSite.preview}: a banner says the page is a preview. */
  preview?: boolean | undefined
  children: Child
}

/** The feeds of one subject in every format: `prefix` plus a format's path is one of them. */
export interface FeedFamily {
  label: string
  prefix: string
}

/** The page frame shared by every HTML page: metadata, feed autodiscovery, header and footer. */
export function Layout(props: LayoutProps) {
  const { links, social } = props
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={props.language}>
        <PageHead {...props} />
        <body>
          <header class="site">
            <div class="wrap">
              <a class="home" href={links.home}>
                {social.siteName}
              </a>
              <nav class="feeds" aria-label="Feeds">
                <a href={links.tags()}>Tags</a>
                {FORMATS.map((f) => (
                  <a href={links.url(f.path)}>{f.label}</a>
                ))}
              </nav>
            </div>
          </header>
          {props.preview && (
            <p class="preview wrap" role="status">
              Preview: this page shows drafts and scheduled articles as if published. Only <code>npm run preview</code>{' '}
              serves them; a deploy never includes drafts, and shows a scheduled article at its time.
            </p>
          )}
          <main class="wrap">{props.children}</main>
          <footer class="site">
            <div class="wrap">
              Subscribe:{' '}
              {FORMATS.map((f, i) => (
                <>
                  {i > 0 && ' · '}
                  <a href={links.url(f.path)}>{f.label}</a>
                </>
              ))}{' '}
              · <a href={links.opml}>OPML</a>
            </div>
          </footer>
        </body>
      </html>
    </>
  )
}

/** A page's `<head>`: its metadata, feed autodiscovery (subject, site, related), social cards, icon, stylesheet and script. */
function PageHead(props: Omit<LayoutProps, 'children'>) {
  const { links, social } = props
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{props.title}</title>
      <meta name="description" content={props.description} />
      <link rel="canonical" href={props.canonical} />
      <FeedLinks families={props.subjectFeeds} links={links} />
      {FORMATS.map((f) => (
        <link rel="alternate" type={f.mediaType} title={f.label} href={links.url(f.path)} />
      ))}
      <FeedLinks families={props.relatedFeeds} links={links} />
      <meta property="og:type" content={social.type} />
      <meta property="og:site_name" content={social.siteName} />
      <meta property="og:title" content={props.title} />
      <meta property="og:description" content={props.description} />
      <meta property="og:url" content={props.canonical} />
      <meta property="og:locale" content={props.language.replace('-', '_')} />
      {social.published && <meta property="article:published_time" content={social.published} />}
      {social.modified && <meta property="article:modified_time" content={social.modified} />}
      {social.tags?.map((t) => (
        <meta property="article:tag" content={t} />
      ))}
      {social.image && <meta property="og:image" content={social.image} />}
      <meta name="twitter:card" content={social.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={props.title} />
      <meta name="twitter:description" content={props.description} />
      <meta name="color-scheme" content="light dark" />
      <link rel="icon" href={links.favicon} />
      <link rel="apple-touch-icon" href={links.touchIcon} />
      <link rel="stylesheet" href={links.css} />
      <script src={links.script} defer></script>
    </head>
  )
}

/** Autodiscovery links of some feed families, one per format, titled `{label} ({format})`. */
function FeedLinks(props: { families: readonly FeedFamily[] | undefined; links: SiteLinks }) {
  return (
    <>
      {props.families?.map((family) =>
        FORMATS.map((f) => (
          <link
            rel="alternate"
            type={f.mediaType}
            title={`${family.label} (${f.label})`}
            href={props.links.url(family.prefix + f.path)}
          />
        )),
      )}
    </>
  )
}
