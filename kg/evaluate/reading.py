"""Reading gold files: text, one JSON value, or JSON lines; every error names the file (and line)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .gold import EvaluationError


def read_text(path: Path) -> str:
    """The file's text (UTF-8, with or without a byte-order mark)."""
    try:
        return path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"{path}: cannot read ({error})") from error


def read_json(path: Path, what: str) -> Any:
    """The one JSON value of a file that should be ``what`` (for the error message)."""
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise EvaluationError(f"{path}: not {what} (malformed JSON: {error.msg})") from None


def read_jsonl(path: Path, what: str, keys: set[str]) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-lines file, each of which must have ``keys``; blank lines skipped."""
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}, line {number}: not {what} ({error.msg})") from None
        if not isinstance(record, dict) or not keys <= record.keys():
            raise EvaluationError(f"{path}, line {number}: not {what} (needs {', '.join(sorted(keys))})")
        yield record
