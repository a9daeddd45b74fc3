import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { FORMATS } from '../feeds/formats.ts'
import type { SiteLinks } from '../feeds/feed-context.ts'

/** Props of {@link Layout}. */
export interface LayoutProps {
  title: string
  language: string
  links: SiteLinks
  /** Absolute canonical URL of this page. */
  canonical?: string
  description?: string
  children: Child
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1f;--bg:#fdfdfc;--muted:#5d5d66;--accent:#0b57d0}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6ea;--bg:#131316;--muted:#a0a0aa;--accent:#8ab4f8}}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",sans-serif}
main,header,footer{max-width:42rem;margin:0 auto;padding:0 1rem}
a{color:var(--accent)}
.muted,time{color:var(--muted)}
h1{line-height:1.25}
ul.articles{list-style:none;padding:0}ul.articles li{margin:0 0 1.5rem}
`

/** The page frame shared by every HTML page: metadata, feed autodiscovery, header and footer. */
export function Layout(props: LayoutProps) {
  const feedUrls = { rss: props.links.rss, atom: props.links.atom, jsonFeed: props.links.jsonFeed }
  return (
    <>
      {raw('<!DOCTYPE html>')}
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.canonical && <link rel="canonical" href={props.canonical} />}
        {FORMATS.map((f) => (
          <link rel="alternate" type={f.mediaType} title={f.label} href={feedUrls[f.name]} />
        ))}
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <header>
          <p>
            <a href={props.links.home}>Home</a>
          </p>
        </header>
        <main>{props.children}</main>
        <footer>
          <p class="muted">
            Subscribe:{' '}
            {FORMATS.map((f, i) => (
              <>
                {i > 0 && ' · '}
                <a href={feedUrls[f.name]}>{f.label}</a>
              </>
            ))}
          </p>
        </footer>
      </body>
    </html>
    </>
  )
}

/** One formatter per language: creating an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>()

/** A date as a `<time>` element, shown in UTC so every visitor sees the same day. */
export function DateTime(props: { iso: string; language: string }) {
  let format = formatters.get(props.language)
  if (!format) formatters.set(props.language, (format = new Intl.DateTimeFormat(props.language, { dateStyle: 'long', timeZone: 'UTC' })))
  const shown = format.format(new Date(props.iso))
  return <time datetime={props.iso}>{shown}</time>
}
