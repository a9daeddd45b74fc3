/**
 * The site's one stylesheet and one script, served as files (`/assets/site.css`, `/assets/site.js`)
 * so the Content-Security-Policy can forbid every inline script and style. No external assets:
 * system fonts, no CDN.
 */

/** Light and dark themes by `prefers-color-scheme`; readable measure; good on a phone. */
export const SITE_CSS = `:root{color-scheme:light dark;--fg:#1c1c21;--bg:#fbfaf7;--card:#ffffff;--muted:#5f5f6b;--line:#e4e2dc;--accent:#0b57d0;--accent-bg:#e8f0fe;--ok:#137333}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8ec;--bg:#121316;--card:#1b1c20;--muted:#a3a3ae;--line:#2c2d33;--accent:#8ab4f8;--accent-bg:#1f2a3d;--ok:#81c995}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.65 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;overflow-wrap:anywhere}
.wrap{max-width:44rem;margin:0 auto;padding:0 1.1rem}
header.site{border-bottom:1px solid var(--line);padding:.9rem 0;margin-bottom:1.5rem}
header.site .wrap{display:flex;gap:1rem;align-items:baseline;justify-content:space-between;flex-wrap:wrap}
header.site a.home{font-weight:700;text-decoration:none;color:var(--fg)}
nav.feeds a{margin-left:.8rem;font-size:.9rem}
p.preview{margin:-.5rem auto 1.5rem;padding:.6rem 1.1rem;border:2px dashed var(--accent);border-radius:.5rem;background:var(--accent-bg);font-size:.95rem}
footer.site{border-top:1px solid var(--line);margin-top:3rem;padding:1.2rem 0 2rem;color:var(--muted);font-size:.9rem}
a{color:var(--accent);text-underline-offset:.15em}
h1{font-size:clamp(1.6rem,1.2rem + 2vw,2.3rem);line-height:1.2;margin:.2rem 0 .6rem;letter-spacing:-.01em}
h2{font-size:1.25rem;line-height:1.3;margin:0 0 .25rem}
.muted,time{color:var(--muted)}
.meta{color:var(--muted);font-size:.95rem;margin:0 0 1.6rem}
article p{margin:0 0 1.1rem}
.body h2,.body h3,.body h4{margin:2rem 0 .6rem;line-height:1.3}.body h3{font-size:1.1rem}.body h4{font-size:1rem}
.body ul,.body ol{margin:0 0 1.1rem;padding-left:1.4rem}.body li{margin:.2rem 0}
.body blockquote{margin:0 0 1.1rem;padding:.1rem 0 .1rem 1rem;border-left:3px solid var(--line);color:var(--muted)}
.body code{font:.9em/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--accent-bg);border-radius:.3rem;padding:.05rem .3rem}
.body pre{margin:0 0 1.1rem;padding:.8rem 1rem;background:var(--card);border:1px solid var(--line);border-radius:.5rem;overflow-x:auto;overflow-wrap:normal}
.body pre code{background:none;padding:0;white-space:pre}
.body table{display:block;overflow-x:auto;border-collapse:collapse;margin:0 0 1.1rem;overflow-wrap:normal}
.body th,.body td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}.body th{background:var(--card)}
.body .align-center{text-align:center}.body .align-right{text-align:right}
.body img{max-width:100%;height:auto;border-radius:.4rem}
.body hr{border:0;border-top:1px solid var(--line);margin:2rem 0}
.tags{list-style:none;padding:0;margin:2rem 0 0;display:flex;flex-wrap:wrap;gap:.4rem}
.tags li{background:var(--accent-bg);color:var(--fg);border-radius:999px;padding:.1rem .7rem;font-size:.85rem}
.tags a{color:inherit;text-decoration:none}.tags a:hover{text-decoration:underline}
.taglist{margin:0}.taglist .count{color:var(--muted);font-size:.8rem}
ul.items{list-style:none;padding:0;margin:0}
ul.items li{background:var(--card);border:1px solid var(--line);border-radius:.7rem;padding:1rem 1.1rem;margin:0 0 .9rem}
ul.items li p{margin:.35rem 0 0}
.subscribe{background:var(--card);border:1px solid var(--line);border-radius:.7rem;padding:1rem 1.1rem;margin:0 0 2rem}
.subscribe h2{font-size:1.05rem}
.feedrow{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
.feedrow .label{min-width:7.5rem;font-weight:600}
.feedrow input{flex:1 1 14rem;min-width:0;font:inherit;font-size:.9rem;padding:.35rem .5rem;border:1px solid var(--line);border-radius:.4rem;background:var(--bg);color:var(--fg)}
button.copy{font:inherit;font-size:.9rem;padding:.35rem .8rem;border-radius:.4rem;border:1px solid var(--accent);background:var(--accent);color:var(--bg);cursor:pointer}
button.copy[data-state=copied]{background:var(--ok);border-color:var(--ok)}
.pager{display:flex;gap:1rem;justify-content:space-between;align-items:baseline;margin:1.5rem 0 0}
.notice{border-left:4px solid var(--accent);background:var(--accent-bg);padding:.8rem 1rem;border-radius:.4rem;margin:0 0 1.6rem}
`

/**
 * The copy buttons: `<button class="copy" data-copy="URL">` copies the URL, says so, and falls back
 * to selecting the field where the Clipboard API is unavailable (non-secure origins).
 */
export const SITE_JS = `document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button.copy');
  if (!button) return;
  var text = button.getAttribute('data-copy');
  var done = function () { button.setAttribute('data-state', 'copied'); button.textContent = 'Copied'; };
  var fallback = function () {
    var input = document.getElementById(button.getAttribute('aria-controls'));
    if (input) { input.focus(); input.select(); try { document.execCommand('copy'); done(); } catch (e) {} }
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
  else fallback();
});
`

/**
 * The site icon, an orange feed symbol (SVG, as a data: URL): the source of the PNG and ICO files
 * (scripts/make-icons.ts), and inline on the XSLT view, whose CSP allows `data:` images only.
 */
export const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23f26522'/%3E%3Ccircle cx='4.5' cy='11.5' r='1.5' fill='%23fff'/%3E%3Cpath d='M3 7a6 6 0 0 1 6 6M3 3.5A9.5 9.5 0 0 1 12.5 13' stroke='%23fff' stroke-width='2' fill='none'/%3E%3C/svg%3E"
