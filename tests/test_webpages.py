"""News as the web serves it: saved pages, feeds and web archives become documents."""

from __future__ import annotations

import csv
import io
import logging

import pytest

pytest.importorskip("trafilatura")
pytest.importorskip("feedparser")
pytest.importorskip("warcio")

from kg.documents import read_documents  # noqa: E402
from kg.errors import DocumentError  # noqa: E402

STORY = ("French President Emmanuel Macron held talks with Ukrainian President Volodymyr Zelenskyy "
         "in Paris on Sunday. The two leaders discussed security guarantees for Ukraine. Macron "
         "said France would host a meeting of the Coalition of the Willing in January.")
PAGE = f"""<!DOCTYPE html><html><head><title>Leaders meet in Paris | Example News</title>
<meta property="article:published_time" content="2020-01-19T10:00:00Z">
<link rel="canonical" href="https://news.example.org/leaders-meet"></head>
<body><nav><a href="/">Home</a> <a href="/pt">Portuguese Português do Brasil</a></nav>
<article><h1>Leaders meet in Paris</h1><p>{STORY}</p></article>
<aside><h2>Example recommends</h2><p>Bougainville has voted for independence.</p></aside>
<footer>Copyright Example News</footer></body></html>"""
INDEX = """<html><head><title>Example News</title></head><body><nav><a href="/a">World</a>
<a href="/b">Sport</a></nav></body></html>"""
FEED = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
<item><title>Leaders meet in Paris</title><link>https://news.example.org/leaders-meet</link>
<pubDate>Sun, 19 Jan 2020 10:00:00 +0000</pubDate><description>{STORY}</description></item>
<item><title>Talks resume</title><link>https://news.example.org/talks</link>
<pubDate>Mon, 20 Jan 2020 08:00:00 +0000</pubDate>
<description>&lt;p&gt;Turkey and Greece held talks in Ankara on Monday about the Aegean Sea.&lt;/p&gt;
</description></item>
</channel></rss>"""


def test_a_saved_page_gives_its_article_title_date_and_address(tmp_path):
    (tmp_path / "dw-story.html").write_text(PAGE, encoding="utf-8")
    [document] = read_documents([tmp_path / "dw-story.html"])
    assert document.id == "dw-story"
    assert STORY in document.text
    assert "Português" not in document.text and "Bougainville" not in document.text
    assert "Copyright" not in document.text
    assert (document.title, document.date, document.url) == (
        "Leaders meet in Paris", "2020-01-19", "https://news.example.org/leaders-meet")


def test_a_page_without_an_article_is_an_error_or_skipped(tmp_path):
    (tmp_path / "index.htm").write_text(INDEX, encoding="utf-8")
    with pytest.raises(DocumentError, match=r"index.htm: no article text in this page"):
        list(read_documents([tmp_path / "index.htm"]))
    errors = []
    assert list(read_documents([tmp_path], on_error=errors.append)) == []
    assert len(errors) == 1 and "index.htm" in str(errors[0])


def test_a_feed_gives_a_document_per_item(tmp_path):
    (tmp_path / "world.rss").write_text(FEED, encoding="utf-8")
    documents = list(read_documents([tmp_path / "world.rss"]))
    assert [d.id for d in documents] == ["world-1", "world-2"]
    first, second = documents
    assert (first.title, first.url, first.date) == (
        "Leaders meet in Paris", "https://news.example.org/leaders-meet", "2020-01-19")
    assert first.text == STORY
    assert second.text == "Turkey and Greece held talks in Ankara on Monday about the Aegean Sea."


def write_warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for url, body, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2020-01-21T09:30:00Z"})
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_web_archive_gives_a_document_per_article(tmp_path, caplog, name):
    undated = PAGE.replace('<meta property="article:published_time" content="2020-01-19T10:00:00Z">', "")
    write_warc(tmp_path / name, [
        ("https://news.example.org/leaders-meet", undated, "text/html; charset=utf-8"),
        ("https://news.example.org/", INDEX, "text/html"),
        ("https://news.example.org/logo.png", "PNG", "image/png"),
    ])
    with caplog.at_level(logging.WARNING, logger="kg"):
        documents = list(read_documents([tmp_path / name]))
    assert [d.id for d in documents] == ["crawl-1"]
    assert documents[0].url == "https://news.example.org/leaders-meet"
    assert documents[0].date == "2020-01-21"  # the page has none: the record's
    assert "1 pages without article text were skipped" in caplog.text


def test_a_file_that_is_no_archive_says_so(tmp_path):
    (tmp_path / "broken.warc").write_bytes(b"this is not a web archive\n" * 10)
    with pytest.raises(DocumentError, match="broken.warc: not a readable WARC file"):
        list(read_documents([tmp_path / "broken.warc"]))


def test_the_address_and_author_reach_every_event_and_export(tmp_path):
    import kg
    from kg.readwrite import events_tsv

    page = PAGE.replace("<head>", '<head><meta name="author" content="Jane Reporter">')
    (tmp_path / "story.html").write_text(page, encoding="utf-8")
    events = kg.extract(read_documents([tmp_path / "story.html"]))
    assert events and all(e.url == "https://news.example.org/leaders-meet" for e in events)
    assert all(e.author == "Jane Reporter" for e in events)
    graph = kg.build_graph(events)
    assert {d["url"] for *_, d in graph.edges(data=True)} == {"https://news.example.org/leaders-meet"}
    rows = list(csv.DictReader(io.StringIO(events_tsv(graph)), delimiter="\t"))
    assert {(r["author"], r["url"]) for r in rows} == {("Jane Reporter", "https://news.example.org/leaders-meet")}


def test_a_page_in_a_json_record_gives_its_article_and_the_records_fields_win(tmp_path):
    import json

    record = {"id": "dw-1", "text": PAGE, "title": "Our own title"}
    (tmp_path / "pages.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [document] = read_documents([tmp_path / "pages.jsonl"])
    assert STORY in document.text and "Bougainville" not in document.text
    assert (document.id, document.title, document.date, document.url) == (
        "dw-1", "Our own title", "2020-01-19", "https://news.example.org/leaders-meet")
