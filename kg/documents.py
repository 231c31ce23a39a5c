"""Read articles from .txt, .jsonl and .csv files, folders of them, or standard input."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .errors import DocumentError

SUFFIXES = (".txt", ".jsonl", ".csv")
MAX_TITLE_CHARS = 200


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
) -> Iterator[Document]:
    """Yield the documents of every input, in order.

    Args:
        inputs: paths to files or folders, or ``"-"`` for standard input.
        date: publication date for plain-text documents that carry none.
        on_error: called with each bad document's error, which is then skipped;
            when None the first bad document raises :class:`DocumentError`.
    """
    default_date = normalise_date(date, "--date") if date else None
    for name in inputs:
        for reader, label in _readers(str(name)):
            try:
                yield from reader(default_date)
            except DocumentError as error:
                if on_error is None:
                    raise
                on_error(error)
            except OSError as error:
                failure = DocumentError(f"{label}: cannot read ({error.strerror or error})")
                if on_error is None:
                    raise failure from error
                on_error(failure)


def _readers(name: str) -> Iterator[tuple[Callable[[str | None], Iterator[Document]], str]]:
    """One reader per file the input names (a folder names all its documents)."""
    if name == "-":
        yield (lambda d: _parse_text(sys.stdin.read(), "stdin", d)), "stdin"
        return
    path = Path(name)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            raise DocumentError(f"{path}: no .txt, .jsonl or .csv documents in this folder")
        for file in files:
            yield (lambda d, f=file: _read_file(f, d)), str(file)
    elif path.exists():
        yield (lambda d: _read_file(path, d)), str(path)
    else:
        raise DocumentError(f"{path}: no such file or folder")


def _read_file(path: Path, default_date: str | None) -> Iterator[Document]:
    text = decode(path.read_bytes(), str(path))
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _parse_jsonl(text, str(path))
    elif suffix == ".csv":
        yield from _parse_csv(text, str(path))
    else:
        yield from _parse_text(text, path.stem, default_date, label=str(path))


def decode(data: bytes, label: str) -> str:
    """Decode a file's bytes as UTF-8 (a UTF-8 or UTF-16 byte-order mark is honoured)."""
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    if encoding != "utf-16" and b"\x00" in data[:8192]:
        raise DocumentError(f"{label}: looks like a binary file, not text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"{label}: not valid UTF-8 (byte {error.start}); re-save the file as UTF-8"
        ) from error


def _parse_text(
    text: str, doc_id: str, default_date: str | None, label: str | None = None
) -> Iterator[Document]:
    if not text.strip():
        raise DocumentError(f"{label or doc_id}: empty document")
    yield Document(id=doc_id, text=text, date=default_date, title=guess_title(text),
                   source=label or doc_id)


def guess_title(text: str) -> str | None:
    """The first line when it reads as a headline: short, alone, without a final full stop."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.startswith("\n") and len(first) <= MAX_TITLE_CHARS and not first.endswith("."):
        return first or None
    return None


def _parse_jsonl(text: str, label: str) -> Iterator[Document]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DocumentError(f"{label}, line {number}: malformed JSON ({error.msg})") from error
        yield _from_record(record, label, number)


def _parse_csv(text: str, label: str) -> Iterator[Document]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise DocumentError(f"{label}: a CSV of documents needs a 'text' column")
    for number, row in enumerate(reader, start=2):
        yield _from_record(row, label, number)


def _from_record(record: object, label: str, number: int) -> Document:
    where = f"{label}, line {number}"
    if not isinstance(record, dict):
        raise DocumentError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError(f"{where}: no 'text' field, or it is empty")
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
