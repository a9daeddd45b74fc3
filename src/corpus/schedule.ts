import { revealTime } from '../content/reveal-time.ts'
import type { Corpus } from './corpus.ts'
import { Edition } from './edition.ts'

/**
 * When each scheduled article of a corpus appears (`revealTime`), and the {@link Edition} of any
 * instant: the same object for every instant until the next scheduled article appears.
 */
export class Schedule {
  readonly corpus: Corpus
  /** When each scheduled article appears (ms), oldest first. */
  readonly #reveals: number[]
  #edition: Edition | undefined

  constructor(corpus: Corpus) {
    this.corpus = corpus
    this.#reveals = (corpus.manifest.schedule ?? []).map((s) => revealTime(s.published))
  }

  /** The corpus as it stands at `now` (ms since the epoch): the articles published by then. */
  at(now: number): Edition {
    const current = this.#edition
    if (current && now < current.next && now >= current.since) return current
    const revealed = this.#revealedAt(now)
    this.#edition = new Edition(this.corpus, revealed, this.#reveals[revealed - 1], this.#reveals[revealed])
    return this.#edition
  }

  /** How many scheduled articles have appeared at `now` (ms): a binary search over their times. */
  #revealedAt(now: number): number {
    let low = 0
    let high = this.#reveals.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if ((this.#reveals[mid] as number) <= now) low = mid + 1
      else high = mid
    }
    return low
  }
}
