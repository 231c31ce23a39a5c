"""Reading documents: formats, dates, titles, and clear errors for bad input."""

from __future__ import annotations

import json

import pytest

from kg.dates import document_date
from kg.documents import Document, read_documents
from kg.errors import DocumentError


def write(path, content: str | bytes):
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_text_file_takes_its_id_title_and_date(tmp_path):
    path = write(tmp_path / "talks.txt", "Leaders meet\n\nMacron met Zelenskyy.")
    [doc] = read_documents([path], date="2025-12-29")
    assert doc == Document(id="talks", text="Leaders meet\n\nMacron met Zelenskyy.",
                           date="2025-12-29", title="Leaders meet", source=str(path))


def test_jsonl_records(tmp_path):
    lines = [{"id": "a", "text": "One.", "title": "T", "date": "2025-01-02", "url": "http://x"},
             {"text": "Two."}]
    path = write(tmp_path / "news.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n\n")
    docs = list(read_documents([path]))
    assert [(d.id, d.date, d.title, d.url) for d in docs] == [
        ("a", "2025-01-02", "T", "http://x"), ("news-2", None, None, None)]


def test_csv_records(tmp_path):
    path = write(tmp_path / "news.csv", 'id,text,date\nx,"Hello, world.",20250102\n')
    [doc] = read_documents([path])
    assert (doc.id, doc.text, doc.date) == ("x", "Hello, world.", "2025-01-02")


def test_folder_reads_documents_in_name_order(tmp_path):
    write(tmp_path / "b.txt", "Second.")
    write(tmp_path / "a.txt", "First.")
    write(tmp_path / "notes.md", "ignored")
    assert [d.id for d in read_documents([tmp_path])] == ["a", "b"]


def test_standard_input(monkeypatch):
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO("Macron met Zelenskyy."))
    [doc] = read_documents(["-"])
    assert doc.id == "stdin"


def test_byte_order_marks_are_honoured(tmp_path):
    utf8 = write(tmp_path / "a.txt", b"\xef\xbb\xbfHello.")
    utf16 = write(tmp_path / "b.txt", "Hello.".encode("utf-16"))
    assert [d.text for d in read_documents([utf8, utf16])] == ["Hello.", "Hello."]


BAD = [
    ("missing.txt", None, "no such file"),
    ("empty.txt", "   \n", "empty document"),
    ("binary.txt", b"\x00\x01\x02PK", "binary"),
    ("latin.txt", "caf\u00e9".encode("latin-1"), "not valid UTF-8"),
    ("bad.jsonl", '{"text": "ok"}\n{"text": \n', "line 2: malformed JSON"),
    ("notext.jsonl", '{"id": "x"}\n', "line 1: no 'text' field"),
    ("notext.csv", "id,body\n1,hello\n", "needs a 'text' column"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_documents_raise_an_error_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        write(path, content)
    with pytest.raises(DocumentError, match=message) as error:
        list(read_documents([path]))
    assert name in str(error.value)


def test_bad_documents_can_be_skipped_and_are_reported(tmp_path):
    write(tmp_path / "good.txt", "Macron met Zelenskyy.")
    write(tmp_path / "empty.txt", "")
    skipped = []
    docs = list(read_documents([tmp_path], on_error=skipped.append))
    assert [d.id for d in docs] == ["good"]
    assert "empty.txt" in str(skipped[0])


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(DocumentError, match="no .txt, .jsonl, .csv, .html, .rss, .atom or .warc documents"):
        list(read_documents([tmp_path]))


DATES = [
    ("2025-12-29", "2025-12-29"), ("20251229", "2025-12-29"), ("2025-12-29T08:00:00Z", "2025-12-29"),
    ("Mon, 04 Aug 2008 10:00:00 +0000", "2008-08-04"),  # RSS
    ("August 4, 2008", "2008-08-04"), ("4 August 2008", "2008-08-04"),
    ("1217844000", "2008-08-04"), ("1217844000000", "2008-08-04"),  # Unix seconds, milliseconds
]


@pytest.mark.parametrize(("value", "iso"), DATES)
def test_document_dates_in_common_formats(value, iso):
    assert document_date(value) == iso


@pytest.mark.parametrize("value", ["121108", "2025-13-45", "August 2008", "soon", "2025-12-29junk"])
def test_what_is_not_a_full_date(value):
    with pytest.raises(ValueError):
        document_date(value)


def test_a_bad_date_option_names_the_value(tmp_path):
    with pytest.raises(DocumentError, match="--date: '121108' is not a date"):
        list(read_documents([write(tmp_path / "a.txt", "Text.")], date="121108"))


def test_an_unreadable_record_date_is_dropped_with_a_warning(tmp_path, caplog):
    path = write(tmp_path / "news.jsonl", '{"text": "One.", "date": "2025-13-45"}\n')
    [doc] = read_documents([path])
    assert doc.date is None
    assert "news.jsonl, line 1: '2025-13-45' is not a date; the document is kept" in caplog.text


def test_a_bad_line_is_skipped_and_the_good_lines_kept(tmp_path):
    path = write(tmp_path / "news.jsonl", '{"text": "One."}\n{"text": \n{"id": "x"}\n{"text": "Two."}\n')
    skipped = []
    docs = list(read_documents([path], on_error=skipped.append))
    assert [d.text for d in docs] == ["One.", "Two."]
    assert ["line 2" in str(skipped[0]), "line 3" in str(skipped[1])] == [True, True]


def test_huge_single_line_document_is_refused_before_parsing(tmp_path):
    path = write(tmp_path / "dump.txt", "word " * 4_200_000)
    with pytest.raises(DocumentError, match=r"dump.txt: 21,000,000 characters, over the limit"):
        list(read_documents([path]))


def test_html_becomes_its_text_with_a_warning(tmp_path, caplog):
    page = ("<!DOCTYPE html><html><head><title>T</title><script>alert(1)</script></head>"
            "<body><p>Macron met Zelenskyy.</p><p>Trump &amp; Putin spoke.</p></body></html>")
    [doc] = read_documents([write(tmp_path / "page.txt", page)])
    assert "alert" not in doc.text and "<" not in doc.text
    assert "Macron met Zelenskyy." in doc.text and "Trump & Putin spoke." in doc.text
    assert "looks like HTML" in caplog.text


def test_another_language_warns(tmp_path, caplog):
    text = ("Der Bundeskanzler traf gestern den französischen Präsidenten in Berlin, um über die "
            "Lage in der Ukraine und die Unterstützung für Kiew zu sprechen. Beide Seiten betonten "
            "die enge Zusammenarbeit zwischen ihren Ländern.")
    list(read_documents([write(tmp_path / "de.txt", text)]))
    assert "does not look like English" in caplog.text


def test_latin1_reads_when_named(tmp_path):
    path = write(tmp_path / "latin.txt", "Caf\u00e9 diplomacy.".encode("latin-1"))
    [doc] = read_documents([path], encoding="latin-1")
    assert doc.text == "Caf\u00e9 diplomacy."


def test_the_documents_are_counted_up_front_when_that_is_cheap(tmp_path):
    from kg.documents import count_documents

    (tmp_path / "a.txt").write_text("Macron met Zelenskyy.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    assert count_documents([tmp_path]) == 3
    assert count_documents([tmp_path / "b.jsonl"]) == 2
    (tmp_path / "c.csv").write_text("text\nx\n", encoding="utf-8")
    assert count_documents([tmp_path]) is None  # a CSV row may span lines
    assert count_documents(["-"]) is None
