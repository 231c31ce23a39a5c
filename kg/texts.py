"""What a document's text is: empty, HTML, English or not, and whether it opens with a headline."""

from __future__ import annotations

import html
import logging
import re

from .errors import DocumentError
from .words import WORDS

MAX_TITLE_CHARS = 200
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
log = logging.getLogger("kg")


def without_surrogates(text: str, where: str, what: str) -> str:
    """Text without lone surrogates (which some codecs and JSON escapes make, and no file or
    database can hold): each becomes U+FFFD, with a warning."""
    if not LONE_SURROGATE.search(text):
        return text
    log.warning("%s: the %s holds lone surrogates (not Unicode characters); they were replaced "
                "with U+FFFD", where, what)
    return LONE_SURROGATE.sub("\ufffd", text)


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


_HIDDEN = re.compile(r"<(script|style|noscript)\b|<!--", re.IGNORECASE)


def html_to_text(page: str) -> str:
    """The visible text of an HTML page: scripts, styles and comments dropped, blocks on lines of
    their own. Linear in the page's length, however many tags are left unclosed."""
    page = _without_hidden(page)
    page = re.sub(r"(?i)<(br|/p|/div|/h[1-6]|/li|/tr|/title)\b[^<>]*>", "\n\n", page)
    page = re.sub(r"<[^<>]*>", " ", page)
    lines = (" ".join(line.split()) for line in html.unescape(page).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _without_hidden(page: str) -> str:
    """The page without its scripts, styles and comments; one never closed runs to the end."""
    lower, kept, position = page.lower(), [], 0
    for match in _HIDDEN.finditer(page):
        if match.start() < position:
            continue  # inside a part already dropped
        kept.append(page[position:match.start()])
        closing = "-->" if match.group() == "<!--" else f"</{match.group(1).lower()}"
        end = lower.find(closing, match.end())
        if end == -1:
            return " ".join(kept)
        close = lower.find(">", end + len(closing) - 1)
        position = len(page) if close == -1 else close + 1
        kept.append(" ")
    kept.append(page[position:])
    return "".join(kept)


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
