"""News as the web serves it: saved pages, RSS and Atom feeds, web archives (WARC).

- a page (``.html``, ``.htm``) is read with trafilatura: the article's text only (no menus,
  teasers or footers), with the title, date, address and author the page's metadata gives;
  a page without article text is a bad document;
- a feed (``.rss``, ``.atom``) is one document per item: its title, its link as ``url``, its
  publication date, its HTML through the same reader (or its plain text);
- a web archive (``.warc``, ``.warc.gz``) is one document per HTML response, read as a stream
  (one record in memory at a time): the record's target URI is its ``url``, its date the page's
  or else the record's; pages without article text (indexes, menus) and pages over 20 MB are
  skipped, and counted in one warning.

These need ``pip install 'kg[web]'`` (trafilatura, feedparser, warcio).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .dates import document_date_or_none
from .errors import DocumentError

log = logging.getLogger("kg")

PAGE_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")
#: The shortest article text worth reading (shorter "articles" are captions and menus).
MIN_ARTICLE_CHARS = 80
#: The largest page of a web archive that is read (larger responses are no news article).
MAX_PAGE_BYTES = 20_000_000


def kind_of(path: Path) -> str | None:
    """``page``, ``feed`` or ``archive`` for a file these readers read, else None."""
    name = path.name.lower()
    if name.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    if name.endswith(PAGE_SUFFIXES):
        return "page"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    return None


def _need(module: str, label: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise DocumentError(f"{label}: reading web pages, feeds and archives needs {module} "
                            "(pip install 'kg[web]')") from None


def article(html: str | bytes, label: str, url: str | None = None) -> dict[str, str | None]:
    """The article of one HTML page: ``text``, ``title``, ``date`` (ISO), ``url``, ``author``.

    Raises:
        DocumentError: the page has no article text.
    """
    trafilatura = _need("trafilatura", label)
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False)
    text = (found.text or "").strip() if found is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise DocumentError(f"{label}: no article text in this page")
    return {"text": text, "title": found.title, "date": document_date_or_none(found.date, label),
            "url": found.url or url, "author": found.author}


def read_page(path: Path) -> dict[str, str | None]:
    """The article of a saved page."""
    return article(path.read_bytes(), str(path))


def read_feed(path: Path) -> Iterator[tuple[int, dict[str, str | None] | DocumentError]]:
    """Each item of a feed, numbered from 1: its article, or why it has none."""
    feedparser = _need("feedparser", str(path))
    feed = feedparser.parse(path.read_bytes())
    if feed.bozo and not feed.entries:
        raise DocumentError(f"{path}: not an RSS or Atom feed ({feed.bozo_exception})")
    for number, entry in enumerate(feed.entries, start=1):
        label = f"{path}, item {number}"
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        try:
            found = article(body, label, entry.get("link")) if "<" in body else None
        except DocumentError:
            found = None
        text = found["text"] if found else _plain(body)
        if not text.strip():
            yield number, DocumentError(f"{label}: an item without text")
            continue
        yield number, {"text": text, "title": entry.get("title"), "url": entry.get("link"),
                       "date": document_date_or_none(entry.get("published") or entry.get("updated"), label),
                       "author": entry.get("author")}


def _plain(body: str) -> str:
    from .texts import html_to_text

    return html_to_text(body) if "<" in body else body


def read_archive(path: Path) -> Iterator[tuple[int, dict[str, str | None]]]:
    """Each HTML response of a web archive with article text, numbered by its record (from
    1), streamed."""
    warcio = _need("warcio", str(path))
    from warcio.archiveiterator import ArchiveIterator

    skipped = 0
    with path.open("rb") as stream:
        if not stream.peek(5)[:5].startswith((b"WARC/", b"\x1f\x8b")):  # gzip holds WARC/ too
            raise DocumentError(f"{path}: not a readable WARC file (it does not start with WARC/)")
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                label = f"{path}, record {number}"
                body = record.content_stream().read(MAX_PAGE_BYTES + 1)
                try:
                    if len(body) > MAX_PAGE_BYTES:
                        raise DocumentError(f"{label}: a page over {MAX_PAGE_BYTES:,} bytes")
                    found = article(body, label, url)
                except DocumentError:
                    skipped += 1
                    continue
                found["url"] = url or found["url"]
                found["date"] = found["date"] or document_date_or_none(
                    record.rec_headers.get_header("WARC-Date"), label)
                yield number, found
        except warcio.exceptions.ArchiveLoadFailed as error:
            raise DocumentError(f"{path}: not a readable WARC file ({error})") from None
    if skipped:
        log.warning("%s: %d pages without article text were skipped", path, skipped)
