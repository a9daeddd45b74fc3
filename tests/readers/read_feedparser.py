"""What feedparser (Debian python3-feedparser) gives a reader, as rss2email shows it.

Reads a feed document from stdin; prints JSON: the feed's title and each entry's title and
summary as displayed. rss2email (and Planet) take `title_detail.value` and, when its type is HTML,
turn it into text; that text is what a subscriber reads, so HTML is reduced to its text content.
"""
import json
import sys
from html.parser import HTMLParser

import feedparser


class TextContent(HTMLParser):
    """The text a browser shows for an HTML fragment (its textContent)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def shown(detail):
    if not detail:
        return None
    if 'html' not in detail.get('type', ''):
        return detail.value
    parser = TextContent()
    parser.feed(detail.value)
    parser.close()
    return ''.join(parser.parts)


parsed = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
    'version': feedparser.__version__,
    'bozo': bool(parsed.bozo),
    'title': shown(parsed.feed.get('title_detail')),
    'items': [
        {'title': shown(e.get('title_detail')), 'link': e.get('link'), 'summary': shown(e.get('summary_detail'))}
        for e in parsed.entries
    ],
}, ensure_ascii=False))
