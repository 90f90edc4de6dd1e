"""Readers: files, directories, JSON Lines, standard input, HTML, RSS/Atom feeds, WARC → Documents.

Bad input → error records. The HTML, feed and WARC readers are registered by suffix into
`qala.ingest.readers.EXTRA_READERS` on import, so `qala extract` and `qala ingest` both read them.
"""

from __future__ import annotations


def register_readers() -> None:
    """Adds the HTML, feed and WARC readers to `EXTRA_READERS` (idempotent)."""
    from qala.ingest.compressed import read_gzip
    from qala.ingest.feeds import FEED_SUFFIXES, read_feed
    from qala.ingest.html import HTML_SUFFIXES, read_html
    from qala.ingest.readers import EXTRA_READERS
    from qala.ingest.warc import read_warc

    for suffix in HTML_SUFFIXES:
        EXTRA_READERS.setdefault(suffix, read_html)
    for suffix in FEED_SUFFIXES:
        EXTRA_READERS.setdefault(suffix, read_feed)
    EXTRA_READERS.setdefault(".warc", read_warc)
    EXTRA_READERS.setdefault(".gz", read_gzip)  # by the suffix inside: .txt.gz, .jsonl.gz, .html.gz, .warc.gz


register_readers()
