"""Read articles from .txt, .jsonl and .csv files, saved web pages, feeds and web archives
(:mod:`kg.webpages`), folders of them, or standard input.

JSON lines and CSV files are read line by line, so a file of any size costs the memory of
one record. Every document gets an id that is unique in the run: a record's own ``id``, else
the file's path inside the folder given (``europe/report``) or its name, with the line number
for a record of JSON lines or CSV (``news-3``); an id met again is kept with ``#2``, ``#3``
appended, with a warning naming both places, so no document is ever replaced by another.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .dates import document_date, document_date_or_none
from .errors import DocumentError
from .texts import LONE_SURROGATE, checked_text, guess_title, looks_like_html, without_surrogates
from .webpages import article, kind_of, read_archive, read_feed, read_page

SUFFIXES = (".txt", ".jsonl", ".csv")
MAX_CHARS = 1_000_000  # spaCy's own limit for one text; an article is far shorter
# The csv module refuses cells over 131,072 characters; a cell may hold a whole document.
csv.field_size_limit(max(csv.field_size_limit(), 16 * MAX_CHARS))
SNIFF_BYTES = 8192
log = logging.getLogger("kg")


@dataclass(frozen=True)
class Document:
    """One article: its text and what is known about it."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None


OnError = Callable[[DocumentError], None]
#: What a reader yields: a document with the place it was read from, or a bad record's error.
Item = tuple[Document, str] | DocumentError


def read_documents(
    inputs: Iterable[str | Path],
    *,
    date: str | None = None,
    on_error: OnError | None = None,
    encoding: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[Document]:
    """Yield the documents of every input, in order.

    Warnings (HTML converted to text, text that does not look like English, an unreadable
    date dropped, an id met twice) go to the ``kg`` logger.

    Args:
        inputs: paths to files or folders, or ``"-"`` for standard input.
        date: publication date for plain-text documents that carry none.
        on_error: called with each bad document's error, which is then skipped;
            when None the first bad document raises :class:`DocumentError`.
        encoding: the files' text encoding when it is not UTF-8 (e.g. ``latin-1``).
        max_chars: longer documents are bad documents (a corpus dump, not an article).
    """
    default_date = _option_date(date) if date is not None else None
    ids = UniqueIds()
    for name in inputs:
        for reader, label in _readers(str(name), encoding):
            try:
                for item in reader(default_date):
                    if isinstance(item, DocumentError):
                        _report(item, on_error)
                    elif len(item[0].text) > max_chars:
                        _report(DocumentError(
                            f"{item[1]}: {len(item[0].text):,} characters, over the "
                            f"limit of {max_chars:,}; split it into articles"), on_error)
                    else:
                        yield ids.unique(*item)
            except DocumentError as error:
                _report(error, on_error)
            except OSError as error:
                _report(DocumentError(f"{label}: cannot read ({error.strerror or error})"), on_error)


def count_documents(inputs: Iterable[str | Path]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (text files and pages
    hold one, JSON lines one a line), for a progress bar; None for standard input, CSV, feeds
    and archives."""
    total = 0
    for name in inputs:
        path = Path(name)
        if str(name) == "-" or not path.exists():
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in filter(_is_document_file, files):
            if file.suffix.lower() == ".txt" or kind_of(file) == "page":
                total += 1
            elif file.suffix.lower() == ".jsonl":
                with file.open("rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            else:
                return None
    return total


class UniqueIds:
    """Gives every document of a run its own id: one met again gets ``#2``, ``#3``…"""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}
        self.next: dict[str, int] = {}

    def unique(self, document: Document, where: str) -> Document:
        if document.id not in self.first:
            self.first[document.id] = where
            return document
        number = self.next.get(document.id, 2)
        while f"{document.id}#{number}" in self.first:
            number += 1
        self.next[document.id] = number + 1
        new_id = f"{document.id}#{number}"
        log.warning("%s: the document id '%s' was already used (%s); this one is kept as '%s'",
                    where, document.id, self.first[document.id], new_id)
        self.first[new_id] = where
        return replace(document, id=new_id)


def _report(error: DocumentError, on_error: OnError | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


def _option_date(value: str) -> str:
    try:
        return document_date(value)
    except ValueError:
        raise DocumentError(f"--date: '{value}' is not a date (use YYYY-MM-DD)") from None


Reader = Callable[[str | None], Iterator[Item]]


def _readers(name: str, encoding: str | None) -> Iterator[tuple[Reader, str]]:
    """One reader per file the input names (a folder names all its documents)."""
    if name == "-":
        yield (lambda d: _parse_text(_stdin_text(encoding), "stdin", "stdin", d)), "stdin"
        return
    path = Path(name)
    if path.is_dir():
        yield from _folder_readers(path, encoding)
    elif path.exists():
        yield (lambda d: _read_file(path, _name(_without_suffixes(path).name), d, encoding)), _name(str(path))
    else:
        raise DocumentError(f"{path}: no such file or folder")


def _folder_readers(folder: Path, encoding: str | None) -> Iterator[tuple[Reader, str]]:
    """The documents of a folder and its subfolders, by path; a folder that cannot be read is
    a bad input of its own."""
    unreadable: list[OSError] = []
    files, seen = [], set()
    for root, dirs, names in os.walk(folder, onerror=unreadable.append, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back to a folder already read
            dirs.clear()
            continue
        seen.add(real)
        files += [Path(root) / name for name in names if _is_document_file(Path(name))]
    files.sort()
    for error in unreadable:
        where = error.filename or folder
        message = f"{where}: cannot read this folder ({error.strerror or error})"
        yield _failing(DocumentError(message)), str(where)
    if not files and not unreadable:
        raise DocumentError(f"{folder}: no .txt, .jsonl, .csv, .html, .rss, .atom or .warc "
                            "documents in this folder")
    for file in files:
        base = _name(_without_suffixes(file.relative_to(folder)).as_posix())
        yield (lambda d, f=file, b=base: _read_file(f, b, d, encoding)), _name(str(file))


def _is_document_file(path: Path) -> bool:
    """Whether a file in a folder is read as documents (by its suffix)."""
    return path.suffix.lower() in SUFFIXES or kind_of(path) is not None


def _without_suffixes(path: Path) -> Path:
    """A file's path without its suffix (both of ``.warc.gz``)."""
    path = path.with_suffix("")
    return path.with_suffix("") if path.suffix.lower() == ".warc" else path


def _name(path: str) -> str:
    """A file name as text: bytes of a name that is not UTF-8 (which Python keeps as lone
    surrogates) become U+FFFD, so ids and messages can always be written."""
    return LONE_SURROGATE.sub("\ufffd", path)


def _failing(error: DocumentError) -> Reader:
    def reader(default_date: str | None) -> Iterator[Item]:
        raise error
        yield  # a generator, so the error is raised where the reader is read

    return reader


def _stdin_text(encoding: str | None) -> str:
    stdin = getattr(sys.stdin, "buffer", None)
    return decode(stdin.read(), "stdin", encoding) if stdin else sys.stdin.read()


def _read_file(path: Path, base: str, default_date: str | None, encoding: str | None) -> Iterator[Item]:
    suffix, kind = path.suffix.lower(), kind_of(path)
    if kind == "page":
        yield _web_document(read_page(path), base, str(path), default_date)
    elif kind == "feed":
        for number, found in read_feed(path):
            yield found if isinstance(found, DocumentError) else _web_document(
                found, f"{base}-{number}", f"{path}, item {number}", default_date)
    elif kind == "archive":
        for number, found in read_archive(path):
            yield _web_document(found, f"{base}-{number}", f"{path}, record {number}", default_date)
    elif suffix == ".jsonl":
        yield from _parse_jsonl(_lines(path, encoding), str(path), base)
    elif suffix == ".csv":
        yield from _parse_csv(_lines(path, encoding), str(path), base)
    else:
        text = decode(path.read_bytes(), str(path), encoding)
        yield from _parse_text(text, base, str(path), default_date)


def decode(data: bytes, label: str, encoding: str | None = None) -> str:
    """Decode a file's bytes: UTF-8 unless told otherwise; a byte-order mark always wins."""
    encoding = _encoding(data[:SNIFF_BYTES], label, encoding)
    try:
        return without_surrogates(data.decode(encoding), label, "text")
    except UnicodeDecodeError as error:
        raise DocumentError(f"{label}: {_not_valid(encoding)} (byte {error.start}); {_RESAVE}") from None
    except UnicodeError as error:
        raise DocumentError(f"{label}: cannot be read as {encoding} ({error})") from None


def _encoding(head: bytes, label: str, encoding: str | None) -> str:
    """The encoding to read a file with, from its first bytes and the user's choice."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"\xef\xbb\xbf") or encoding is None:
        encoding = "utf-8-sig"
    if b"\x00" in head:
        raise DocumentError(f"{label}: looks like a binary file, not text")
    try:
        "x".encode(encoding).decode(encoding)
    except (LookupError, UnicodeError, ValueError, TypeError):
        raise DocumentError(f"{label}: unknown encoding '{encoding}' (name a text encoding, "
                            "such as latin-1 or cp1252)") from None
    return encoding


_RESAVE = "re-save the file as UTF-8 or name its encoding with --encoding (e.g. --encoding latin-1)"


def _not_valid(encoding: str) -> str:
    return f"not valid {'UTF-8' if encoding == 'utf-8-sig' else encoding}"


def _lines(path: Path, encoding: str | None) -> Iterator[str]:
    """The lines of a text file, decoded one at a time (line endings kept). Bytes that are
    not of the encoding become U+FFFD, with a warning naming the line, and the file goes on."""
    label = str(path)
    with path.open("rb") as raw:
        encoding = _encoding(raw.peek(SNIFF_BYTES)[:SNIFF_BYTES], label, encoding)
        if encoding.replace("-", "").lower().startswith(("utf16", "utf32")):
            # a line break there is more than one byte: let the decoder find the lines
            with open(path, encoding=encoding, errors="replace", newline="") as text:
                for number, line in enumerate(text, start=1):
                    yield _decoded_or_replaced(line, f"{label}, line {number}", encoding)
            return
        rest = "utf-8" if encoding == "utf-8-sig" else encoding  # the mark only opens the file
        for number, line in enumerate(raw, start=1):
            where = f"{label}, line {number}"
            try:
                text = line.decode(encoding if number == 1 else rest)
            except UnicodeError:
                text = line.decode(encoding if number == 1 else rest, errors="replace")
                log.warning("%s: %s; the bad bytes were read as U+FFFD", where, _not_valid(encoding))
            yield without_surrogates(text, where, "line")


def _decoded_or_replaced(line: str, where: str, encoding: str) -> str:
    if "\ufffd" in line:
        log.warning("%s: %s, or holds U+FFFD; the bad bytes were read as U+FFFD", where,
                    _not_valid(encoding))
    return line



def _web_document(found: dict, doc_id: str, label: str, default_date: str | None) -> Item:
    """A document of an article read from the web (:mod:`kg.webpages`)."""
    text = checked_text(found["text"], label)
    return Document(id=doc_id, text=text, date=found["date"] or default_date, title=found["title"],
                    url=found["url"], source=label, author=found["author"]), label


def _parse_text(text: str, doc_id: str, label: str, default_date: str | None) -> Iterator[Item]:
    text = checked_text(text, label)
    yield Document(id=doc_id, text=text, date=default_date, title=guess_title(text), source=label), label


def _parse_jsonl(lines: Iterable[str], label: str, base: str) -> Iterator[Item]:
    """Documents, one a line; a bad line is yielded as its error so the others still count."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{label}, line {number}"
        try:
            yield _from_record(json.loads(line), label, where, f"{base}-{number}")
        except (ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
            reason = (error.msg if isinstance(error, json.JSONDecodeError) else
                      "nested too deeply" if isinstance(error, RecursionError) else str(error))
            yield DocumentError(f"{where}: malformed JSON ({reason})")
        except DocumentError as error:
            yield error


def _parse_csv(lines: Iterable[str], label: str, base: str) -> Iterator[Item]:
    """Documents, one a row; ``strict`` so that a quote never closed is an error, not the
    silent merge of every row after it into one cell."""
    counted = _Counted(lines)
    reader = csv.reader(counted, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise DocumentError(f"{label}, line 1: not a CSV header ({error})") from None
    if not header or "text" not in header:
        raise DocumentError(f"{label}: a CSV of documents needs a 'text' column")
    repeated = sorted({name for name in header if header.count(name) > 1 and name})
    if repeated:
        raise DocumentError(f"{label}, line 1: the column '{repeated[0]}' appears twice")
    while True:
        start = counted.number + 1
        try:
            row = next(reader, None)
        except csv.Error as error:
            yield DocumentError(f"{label}, line {start}: {_csv_problem(error)}")
            continue
        if row is None:
            return
        where = f"{label}, line {start}"
        if len(row) > len(header):
            yield DocumentError(f"{where}: {len(row)} cells for {len(header)} columns")
            continue
        try:
            yield _from_record(dict(zip(header, row, strict=False)), label, where, f"{base}-{start}")
        except DocumentError as error:
            yield error


class _Counted:
    """Lines, counting how many have been read."""

    def __init__(self, lines: Iterable[str]):
        self.lines, self.number = iter(lines), 0

    def __iter__(self) -> _Counted:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.number += 1
        return line


def _csv_problem(error: csv.Error) -> str:
    if "unexpected end of data" in str(error):
        return "a quote opened in this record is never closed, so the rest of the file is one cell"
    return f"malformed CSV ({error})"


def _from_record(record: object, label: str, where: str, default_id: str) -> tuple[Document, str]:
    if not isinstance(record, dict):
        raise DocumentError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError(f"{where}: no 'text' field, or it is empty")
    fields = {name: _text(record.get(name), name, where)
              for name in ("id", "title", "url", "date", "author")}
    text = _text(text, "text", where)
    page = _page_of(text, where, fields["url"])
    if page is not None:  # a saved page in a record: its article, the record's own fields first
        text = page["text"]
        fields = {name: fields[name] or page.get(name) for name in fields}
    document = Document(
        id=fields["id"] or default_id,
        text=checked_text(text, where),
        date=document_date_or_none(fields["date"], where),
        title=fields["title"],
        url=fields["url"],
        source=label,
        author=fields["author"],
    )
    return document, where


def _page_of(text: str, where: str, url: str | None) -> dict | None:
    """The article of a record's text when it is a whole HTML page and trafilatura is there
    (without it, the page's visible text is read: :func:`kg.texts.checked_text`)."""
    if not looks_like_html(text) or importlib.util.find_spec("trafilatura") is None:
        return None
    return article(text, where, url)


def _text(value: object, name: str, where: str) -> str | None:
    """A record's field as text, without lone surrogates (from JSON escapes such as ``\\ud800``)."""
    if value in (None, ""):
        return None
    return without_surrogates(str(value), where, name)

