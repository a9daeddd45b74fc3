"""What newsboat (Debian's `newsboat`) shows: it reloads the feed into its cache and lists it.

Reads a feed document from stdin; prints JSON: the feed's title and each item's title and link as
newsboat keeps them in its cache (sqlite), which is what its feed and article lists print (it
renders an HTML title to text when it stores it). newsboat 2.21 reads no JSON Feed, so it is run on RSS and Atom.
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as home:
    feed = os.path.join(home, 'feed')
    with open(feed, 'wb') as f:
        f.write(sys.stdin.buffer.read())
    with open(os.path.join(home, 'urls'), 'w') as f:
        f.write(f'file://{feed}\n')
    open(os.path.join(home, 'config'), 'w').close()
    cache = os.path.join(home, 'cache.db')
    run = subprocess.run(
        ['newsboat', '-u', 'urls', '-c', cache, '-C', 'config', '-x', 'reload'],
        cwd=home, env={**os.environ, 'HOME': home}, capture_output=True, text=True,
    )
    if run.returncode != 0:
        sys.exit(f'newsboat: {run.stderr or run.stdout}')
    db = sqlite3.connect(cache)
    feeds = db.execute('SELECT title FROM rss_feed').fetchall()
    items = db.execute('SELECT title, url FROM rss_item ORDER BY id').fetchall()
    version = subprocess.run(['newsboat', '-v'], capture_output=True, text=True).stdout.split('\n')[0]
    print(json.dumps({
        'version': version,
        'title': feeds[0][0] if feeds else None,
        'items': [{'title': title, 'link': url, 'summary': None} for title, url in items],
    }, ensure_ascii=False))
