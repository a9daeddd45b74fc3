<?php
// What SimplePie gives a reader (the copy inside Debian's `wordpress` package, as FreshRSS and
// WordPress parse feeds). Usage: php read-simplepie.php WORDPRESS_DIR < feed
// Prints JSON: the feed's title and each item's title and summary as displayed. SimplePie returns
// HTML for every text (it escapes what it takes for text); readers render it, so what a subscriber
// reads is that HTML's text: WordPress's RSS widget strips the tags and prints the entities.
error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
define('ABSPATH', rtrim($argv[1], '/') . '/');
define('WPINC', 'wp-includes');
require ABSPATH . WPINC . '/class-simplepie.php';

require __DIR__ . '/shown.php';

$feed = new SimplePie();
$feed->set_raw_data(stream_get_contents(STDIN));
$feed->enable_cache(false);
$feed->enable_order_by_date(false);
$feed->init();
if ($feed->error()) {
  fwrite(STDERR, 'SimplePie: ' . $feed->error() . "\n");
  exit(1);
}
$items = [];
foreach ($feed->get_items() as $item) {
  $items[] = ['title' => shown($item->get_title()), 'link' => $item->get_link(), 'summary' => shown($item->get_description(true))];
}
print_shown(shown($feed->get_title()), $items, ['version' => SIMPLEPIE_VERSION]);
