<?php
// What the PHP readers' front ends display, shared by read-simplepie.php and read-tt-rss.php: both
// hand their pages HTML (SimplePie returns it; tt-rss inserts its titles as HTML), so a subscriber
// reads that HTML's text: its tags stripped, its entities printed (as WordPress's RSS widget does).

function shown($html) {
  if ($html === null) return null;
  return html_entity_decode(strip_tags($html), ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

// Prints what tests/helpers/readers.ts reads: the feed's title and its items, as JSON.
function print_shown($title, $items, $extra = []) {
  echo json_encode($extra + ['title' => $title, 'items' => $items], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
}
