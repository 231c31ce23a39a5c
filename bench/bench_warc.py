"""Peak memory of reading a web archive: 100 against 1,000 pages, streamed.

Writes two WARC files (gzipped records, as CC-NEWS ships them) of generated news pages: each
page a few paragraphs kg's own sample articles could hold, with navigation and teasers around
the article. A fresh Python process reads every document of one file with
``kg.read_documents`` (trafilatura extracting each article) and reports its peak resident set
(``ru_maxrss``). The reader holds one record at a time, so the size of the archive must not
show.

Target: the peak for 1,000 pages is at most 1.1x the peak for 100.

Usage: python bench/bench_warc.py
"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import verdict

TARGET = 1.1
SIZES = (100, 1000)
LEADERS = ("Emmanuel Macron", "Volodymyr Zelenskyy", "Keir Starmer", "Friedrich Merz", "Mark Rutte")
CITIES = ("Paris", "Kyiv", "London", "Berlin", "Brussels")


def page(number: int) -> str:
    """A generated news page: the article, with a menu, teasers and a footer around it."""
    a, b = LEADERS[number % 5], LEADERS[(number + 2) % 5]
    city = CITIES[number % 5]
    paragraphs = "".join(
        f"<p>{a} held talks with {b} in {city} on day {number} of the negotiations, "
        f"round {k + 1} this year. The two leaders discussed security guarantees, the "
        f"reconstruction of damaged cities and a meeting of the coalition planned for next month."
        "</p>" for k in range(6))
    return (f"<html><head><title>Talks in {city}, part {number}</title>"
            f'<meta property="article:published_time" content="2025-12-{number % 28 + 1:02d}"></head>'
            "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>Talks in {city}</h1>{paragraphs}</article>"
            "<aside>Most read: weather, sport, markets</aside><footer>Example News</footer></body></html>")


def write_archive(path: Path, pages: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number in range(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example.org/talks-{number}", "response",
                payload=io.BytesIO(page(number).encode("utf-8")), http_headers=headers)
            writer.write_record(record)


def child(archive: str) -> None:
    """The measured process: read every document of the archive, report memory."""
    from kg.documents import read_documents

    start = time.perf_counter()
    count = sum(1 for _ in read_documents([archive]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"documents": count, "peak_mb": peak, "seconds": time.perf_counter() - start}))


def measure(archive: Path) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", str(archive)], capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
        return
    with tempfile.TemporaryDirectory() as tmp:
        figures = {}
        for pages in SIZES:
            archive = Path(tmp) / f"news-{pages}.warc.gz"
            write_archive(archive, pages)
            figures[pages] = measure(archive)
            f = figures[pages]
            print(f"{pages:,} pages ({archive.stat().st_size / 1e6:.1f} MB): {f['documents']:,} documents "
                  f"in {f['seconds']:.1f} s ({f['documents'] / f['seconds']:.0f} pages/s), "
                  f"peak {f['peak_mb']:.0f} MB")
    ratio = figures[SIZES[1]]["peak_mb"] / figures[SIZES[0]]["peak_mb"]
    print(f"peak memory at 1,000 pages / at 100: {ratio:.2f}x (target <= {TARGET}x): "
          f"{verdict(ratio <= TARGET)}")


if __name__ == "__main__":
    main()
