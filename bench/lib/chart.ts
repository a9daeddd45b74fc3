import { xmlText } from '../../src/feeds/xml.ts'
/** A small SVG line chart (no dependency): one panel per measure, corpus size on a log axis. */

/** One panel: a measure against corpus size, with an optional limit line. */
export interface Panel {
  title: string
  unit: string
  series: { name: string; color: string; points: [number, number][] }[]
  limit?: { value: number; label: string }
}

const W = 300
const H = 210
const PAD = { left: 46, right: 12, top: 34, bottom: 40 }

/** Renders the panels side by side as one SVG document. */
export function chartSvg(panels: readonly Panel[], caption: string): string {
  const parts: string[] = []
  panels.forEach((panel, i) => {
    const x0 = i * W
    const xs = panel.series.flatMap((s) => s.points.map(([x]) => x))
    const ys = [...panel.series.flatMap((s) => s.points.map(([, y]) => y)), panel.limit?.value ?? 0].filter(
      Number.isFinite,
    )
    const minX = Math.log10(Math.max(1, Math.min(...xs)))
    const maxX = Math.log10(Math.max(10, ...xs))
    const maxY = Math.max(1, ...ys) * 1.15
    // A difference can be negative (less than the reference): the axis then starts below zero.
    const minY = Math.min(0, ...ys) * 1.15
    const px = (x: number) =>
      x0 + PAD.left + ((Math.log10(Math.max(1, x)) - minX) / (maxX - minX || 1)) * (W - PAD.left - PAD.right)
    const py = (y: number) => PAD.top + (1 - (y - minY) / (maxY - minY)) * (H - PAD.top - PAD.bottom)
    parts.push(`<text x="${x0 + W / 2}" y="16" text-anchor="middle" font-weight="bold">${xmlText(panel.title)}</text>`)
    parts.push(`<line x1="${x0 + PAD.left}" y1="${py(0)}" x2="${x0 + W - PAD.right}" y2="${py(0)}" stroke="#888"/>`)
    parts.push(`<line x1="${x0 + PAD.left}" y1="${PAD.top}" x2="${x0 + PAD.left}" y2="${py(minY)}" stroke="#888"/>`)
    for (const v of [...(minY < 0 ? [minY] : []), 0, maxY / 2, maxY]) {
      parts.push(
        `<text x="${x0 + PAD.left - 4}" y="${py(v) + 4}" text-anchor="end" font-size="10">${Math.abs(v) >= 10 ? Math.round(v) : v.toFixed(1)}</text>`,
      )
    }
    for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
      parts.push(
        `<text x="${px(x)}" y="${py(minY) + 14}" text-anchor="middle" font-size="10">${x >= 1000 ? `${x / 1000}k` : x}</text>`,
      )
    }
    parts.push(
      `<text x="${x0 + W / 2}" y="${H - 6}" text-anchor="middle" font-size="10">articles (log) · ${xmlText(panel.unit)}</text>`,
    )
    if (panel.limit) {
      parts.push(
        `<line x1="${x0 + PAD.left}" y1="${py(panel.limit.value)}" x2="${x0 + W - PAD.right}" y2="${py(panel.limit.value)}" stroke="#c5221f" stroke-dasharray="4 3"/>`,
      )
      parts.push(
        `<text x="${x0 + W - PAD.right}" y="${py(panel.limit.value) - 4}" text-anchor="end" font-size="10" fill="#c5221f">${xmlText(panel.limit.label)}</text>`,
      )
    }
    panel.series.forEach((s, j) => {
      const pts = s.points.filter(([, y]) => Number.isFinite(y))
      parts.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>`,
      )
      for (const [x, y] of pts)
        parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="2.5" fill="${s.color}"/>`)
      parts.push(
        `<text x="${x0 + PAD.left + 6}" y="${PAD.top + 10 + j * 12}" font-size="10" fill="${s.color}">${xmlText(s.name)}</text>`,
      )
    })
  })
  const width = panels.length * W
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 18}" viewBox="0 0 ${width} ${H + 18}" font-family="system-ui, sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
${parts.join('\n')}
<text x="${width / 2}" y="${H + 12}" text-anchor="middle" font-size="10" fill="#555">${xmlText(caption)}</text>
</svg>
`
}

/** What {@link scaleChart} reads of each corpus size (a row of `npm run bench`'s scale results). */
export interface ScalePoint {
  articles: number
  startupCpuMs: number
  firstRequestExcessMs: Record<string, number>
  memoryMiB: number
  trivialMemoryMiB: number
}

const COLORS = ['#0b57d0', '#137333', '#b06000', '#8e24aa', '#c5221f', '#007b83', '#5f6368', '#e37400', '#3949ab']

/** The README's chart: startup, first-request CPU beyond a trivial Worker, and memory, against corpus size, with the goals. */
export function scaleChart(
  rows: readonly ScalePoint[],
  goals: { startupMs: number; firstRequestMs: number; memoryMiB: number },
  caption: string,
): string {
  const points = (f: (s: ScalePoint) => number): [number, number][] => rows.map((s) => [s.articles, f(s)])
  const names = [...new Set(rows.flatMap((s) => Object.keys(s.firstRequestExcessMs)))]
  const round1 = (x: number) => Math.round(x * 10) / 10
  return chartSvg(
    [
      {
        title: 'Startup (module evaluation)',
        unit: 'CPU ms',
        series: [{ name: 'V8 isolate', color: COLORS[0] as string, points: points((s) => s.startupCpuMs) }],
        limit: { value: goals.startupMs, label: `goal ${goals.startupMs} ms` },
      },
      {
        title: 'First request, beyond trivial',
        unit: 'workerd CPU ms',
        series: names.map((n, i) => ({
          name: n,
          color: COLORS[i % COLORS.length] as string,
          points: points((s) => s.firstRequestExcessMs[n] ?? Number.NaN),
        })),
        limit: { value: goals.firstRequestMs, label: `goal ${goals.firstRequestMs} ms` },
      },
      {
        title: 'Memory after 1,000 articles',
        unit: 'MiB beyond trivial',
        series: [
          {
            name: 'workerd RSS',
            color: COLORS[0] as string,
            points: points((s) => round1(s.memoryMiB - s.trivialMemoryMiB)),
          },
        ],
        limit: { value: goals.memoryMiB, label: `goal ${goals.memoryMiB} MB` },
      },
    ],
    caption,
  )
}
