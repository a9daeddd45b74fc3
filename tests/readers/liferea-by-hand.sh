#!/bin/sh
# Liferea (Debian's `liferea`, a GTK reader) reading feeds under Xvfb: the by-hand check of what it
# shows, since it has no batch mode. Subscribes a fresh profile to each URL given, presses
# Subscriptions > Update All, then prints each item's title as Liferea keeps and lists it (its
# sqlite cache; the headline list shows the same, see the screenshot) and the favicons it fetched.
#
# Usage (as root for the install): apt-get install liferea xvfb xdotool imagemagick dbus-x11
#        tests/readers/liferea-by-hand.sh URL...    e.g. http://localhost:8787/atom.xml (npm start)
set -eu
dir=$(mktemp -d /tmp/liferea-XXXXXX)
export HOME="$dir" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache"
mkdir -p "$XDG_CONFIG_HOME/liferea"
{
  echo '<?xml version="1.0"?><opml version="1.0"><head><title>by hand</title></head><body>'
  n=0
  for url in "$@"; do
    n=$((n + 1))
    echo "<outline text=\"feed$n\" title=\"feed$n\" type=\"rss\" xmlUrl=\"$url\" id=\"feed$n\"/>"
  done
  echo '</body></opml>'
} > "$XDG_CONFIG_HOME/liferea/feedlist.opml"
Xvfb :77 -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 2
export DISPLAY=:77 NO_AT_BRIDGE=1
dbus-run-session -- liferea >/dev/null 2>&1 &
session=$!
trap 'kill $session $xvfb 2>/dev/null || true' EXIT
sleep 15
# Subscriptions > Update All (the menu at the top left of the default window).
xdotool mousemove 44 11 click 1 && sleep 1 && xdotool mousemove 64 37 click 1
sleep 15
xdotool mousemove 70 79 click 1 && sleep 2
import -window root "$dir/screenshot.png"
/usr/bin/python3 - "$XDG_DATA_HOME/liferea/liferea.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True)
for node, title, link in db.execute('SELECT node_id, title, source FROM items ORDER BY node_id, date DESC'):
    print(f'{node}\t{link}\t{title}')
PY
ls -l "$XDG_CACHE_HOME/liferea/favicons" 2>/dev/null || echo 'no favicon fetched'
echo "screenshot: $dir/screenshot.png"
