/** Articles per index page: the newest on `/`, older ones on `/page/2`, … (and per tag page). */
export const INDEX_PAGE_SIZE = 30

/** Index pages kept for the isolate's life (the ones people and crawlers open most); older ones are bounded. */
export const PINNED_INDEX_PAGES = 3
