<?php
// What Tiny Tiny RSS gives a reader (Debian's `tt-rss` package: its own FeedParser, on DOMDocument).
// Usage: php read-tt-rss.php TT_RSS_WWW_DIR < feed
// Prints JSON: the feed's title and each item's title as displayed. tt-rss stores
// strip_tags(get_title()) (classes/rssutils.php) and its headline list inserts that into the page
// as HTML (js/Headlines.js: `${hl.title}`), so what a subscriber reads is that HTML's text.
error_reporting(E_ALL & ~E_DEPRECATED);
$www = rtrim($argv[1], '/');
// include/functions.php needs a configured install; its clean() is strip_tags, for a string.
function clean($param) { return is_string($param) ? strip_tags($param) : $param; }
foreach (['feedparser', 'feeditem', 'feeditem/common', 'feeditem/rss', 'feeditem/atom'] as $class) {
  require_once "$www/classes/$class.php";
}

require __DIR__ . '/shown.php';

$feed = new FeedParser(stream_get_contents(STDIN));
$feed->init();
if ($feed->error()) {
  fwrite(STDERR, 'tt-rss: ' . $feed->error() . "\n");
  exit(1);
}
$items = [];
foreach ($feed->get_items() as $item) {
  // rssutils.php: $entry_title = strip_tags($item->get_title());
  $items[] = ['title' => shown(strip_tags($item->get_title() ?? '')), 'link' => $item->get_link(), 'summary' => null];
}
print_shown(shown(clean($feed->get_title())), $items);
