"""Read articles from .txt, .jsonl and .csv files, folders of them, or standard input."""

from __future__ import annotations

import csv
import html
import io
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .errors import DocumentError
from .words import WORDS

SUFFIXES = (".txt", ".jsonl", ".csv")
MAX_TITLE_CHARS = 200
MAX_CHARS = 1_000_000  # spaCy's own limit for one text; an article is far shorter
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


OnError = Callable[[DocumentError], None]


def read_documents(
    inputs: Iterable[str | Path],
    *,
    date: str | None = None,
    on_error: OnError | None = None,
    encoding: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[Document]:
    """Yield the documents of every input, in order.

    Warnings (HTML converted to text, text that does not look like English) go to the
    ``kg`` logger.

    Args:
        inputs: paths to files or folders, or ``"-"`` for standard input.
        date: publication date for plain-text documents that carry none.
        on_error: called with each bad document's error, which is then skipped;
            when None the first bad document raises :class:`DocumentError`.
        encoding: the files' text encoding when it is not UTF-8 (e.g. ``latin-1``).
        max_chars: longer documents are bad documents (a corpus dump, not an article).
    """
    default_date = normalise_date(date, "--date") if date else None
    for name in inputs:
        for reader, label in _readers(str(name), encoding):
            try:
                for item in reader(default_date):
                    if isinstance(item, DocumentError):
                        _report(item, on_error)
                    elif len(item.text) > max_chars:
                        _report(DocumentError(
                            f"{item.source or item.id}: {len(item.text):,} characters, over the "
                            f"limit of {max_chars:,}; split it into articles"), on_error)
                    else:
                        yield item
            except DocumentError as error:
                _report(error, on_error)
            except OSError as error:
                _report(DocumentError(f"{label}: cannot read ({error.strerror or error})"), on_error)


def _report(error: DocumentError, on_error: OnError | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


def _readers(
    name: str, encoding: str | None
) -> Iterator[tuple[Callable[[str | None], Iterator[Document]], str]]:
    """One reader per file the input names (a folder names all its documents)."""
    if name == "-":
        stdin = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
        yield (lambda d: _parse_text(
            decode(stdin.read(), "stdin", encoding) if stdin else sys.stdin.read(), "stdin", d)
        ), "stdin"
        return
    path = Path(name)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            raise DocumentError(f"{path}: no .txt, .jsonl or .csv documents in this folder")
        for file in files:
            yield (lambda d, f=file: _read_file(f, d, encoding)), str(file)
    elif path.exists():
        yield (lambda d: _read_file(path, d, encoding)), str(path)
    else:
        raise DocumentError(f"{path}: no such file or folder")


def _read_file(path: Path, default_date: str | None, encoding: str | None) -> Iterator[Document]:
    text = decode(path.read_bytes(), str(path), encoding)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _parse_jsonl(text, str(path))
    elif suffix == ".csv":
        yield from _parse_csv(text, str(path))
    else:
        yield from _parse_text(text, path.stem, default_date, label=str(path))


def decode(data: bytes, label: str, encoding: str | None = None) -> str:
    """Decode a file's bytes: UTF-8 unless told otherwise; a byte-order mark always wins."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"\xef\xbb\xbf") or encoding is None:
        encoding = "utf-8-sig"
    if encoding != "utf-16" and b"\x00" in data[:8192]:
        raise DocumentError(f"{label}: looks like a binary file, not text")
    try:
        return data.decode(encoding)
    except LookupError:
        raise DocumentError(f"{label}: unknown encoding '{encoding}'") from None
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"{label}: not valid {'UTF-8' if encoding == 'utf-8-sig' else encoding} "
            f"(byte {error.start}); re-save the file as UTF-8 "
            f"or name its encoding with --encoding (e.g. --encoding latin-1)"
        ) from None


def _parse_text(
    text: str, doc_id: str, default_date: str | None, label: str | None = None
) -> Iterator[Document]:
    label = label or doc_id
    text = checked_text(text, label)
    yield Document(id=doc_id, text=text, date=default_date, title=guess_title(text), source=label)


def checked_text(text: str, label: str) -> str:
    """The text to analyse: empty text is an error, HTML becomes text, other languages warn."""
    if not text.strip():
        raise DocumentError(f"{label}: empty document")
    if looks_like_html(text):
        log.warning("%s: looks like HTML; its tags were removed and its text kept", label)
        text = html_to_text(text)
        if not text.strip():
            raise DocumentError(f"{label}: HTML without any text")
    if not looks_english(text):
        log.warning("%s: does not look like English; kg's model reads English only", label)
    return text


_TAG = re.compile(r"<(!doctype|html|head|body|p|div|br|script|span|a|table)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether a document is an HTML page rather than text that mentions a tag."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or len(_TAG.findall(text[:20000])) >= 5


def html_to_text(page: str) -> str:
    """The visible text of an HTML page: scripts and styles dropped, blocks on lines of their own."""
    page = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>", " ", page)
    page = re.sub(r"(?i)<(br|/p|/div|/h[1-6]|/li|/tr|/title)\b[^>]*>", "\n\n", page)
    page = re.sub(r"(?s)<!--.*?-->|<[^>]*>", " ", page)
    lines = (" ".join(line.split()) for line in html.unescape(page).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def looks_english(text: str) -> bool:
    """A cheap check: short texts pass; longer ones need some common English words."""
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    if len(words) < 20:
        return True
    return sum(w in WORDS.common_english for w in words) / len(words) >= 0.08


def guess_title(text: str) -> str | None:
    """The first line when it reads as a headline: short, alone, without a final full stop."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.startswith("\n") and len(first) <= MAX_TITLE_CHARS and not first.endswith("."):
        return first or None
    return None


def _parse_jsonl(text: str, label: str) -> Iterator[Document | DocumentError]:
    """Documents, one a line; a bad line is yielded as its error so the others still count."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _from_record(json.loads(line), label, number)
        except json.JSONDecodeError as error:
            yield DocumentError(f"{label}, line {number}: malformed JSON ({error.msg})")
        except DocumentError as error:
            yield error


def _parse_csv(text: str, label: str) -> Iterator[Document | DocumentError]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise DocumentError(f"{label}: a CSV of documents needs a 'text' column")
    for number, row in enumerate(reader, start=2):
        try:
            yield _from_record(row, label, number)
        except DocumentError as error:
            yield error


def _from_record(record: object, label: str, number: int) -> Document:
    where = f"{label}, line {number}"
    if not isinstance(record, dict):
        raise DocumentError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError(f"{where}: no 'text' field, or it is empty")
    text = checked_text(text, where)
    doc_id = str(record.get("id") or f"{Path(label).stem}-{number}")
    raw_date = record.get("date")
    return Document(
        id=doc_id,
        text=text,
        date=normalise_date(str(raw_date), where) if raw_date else None,
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        source=label,
    )


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


def normalise_date(value: str, where: str) -> str:
    """An ISO date (YYYY-MM-DD) from '2025-12-29', '20251229' or an ISO timestamp."""
    match = _DATE.match(value.strip())
    try:
        if not match:
            raise ValueError(value)
        return Date(*map(int, match.groups())).isoformat()
    except ValueError:
        raise DocumentError(f"{where}: '{value}' is not a date (use YYYY-MM-DD)") from None
