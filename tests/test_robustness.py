"""Robustness: the same input gives the same bytes, and an interrupted run loses nothing."""

from __future__ import annotations

import json
import os
import signal

import pytest
from click.testing import CliRunner

from kg.cli import cli

ARTICLES = [
    {"id": "a", "date": "2025-12-29", "title": "Talks <script>alert(1)</script>",
     "text": "Macron held talks with Zelenskyy. Trump met Putin in Alaska."},
    {"id": "b", "date": "2025-12-28", "title": "Meeting \"in\" Florida",
     "text": "Zelenskyy met Trump in Florida on Sunday. The EU imposed sanctions on Russia."},
]


pytestmark = pytest.mark.usefixtures("reuse_extractor")


def corpus(tmp_path, name="news.jsonl", articles=ARTICLES):
    path = tmp_path / name
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def test_same_input_gives_byte_identical_outputs(tmp_path):
    source = corpus(tmp_path)
    runner = CliRunner()
    outputs = []
    for run in ("one", "two"):
        folder = tmp_path / run
        folder.mkdir()
        for args in (["extract", str(source), "-o", str(folder / "events.jsonl")],
                     ["build", str(source), "-o", str(folder / "g.html"), "--graph", str(folder / "g.json")],
                     ["export", "graphml", str(folder / "g.json"), "-o", str(folder / "g.graphml")]):
            result = runner.invoke(cli, args)
            assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 4


def test_interrupted_build_leaves_the_previous_page(tmp_path, reuse_extractor, monkeypatch):
    page = tmp_path / "graph.html"
    page.write_text("previous page")
    source = corpus(tmp_path, "big.jsonl", [dict(ARTICLES[0], id=f"doc-{i}") for i in range(50)])
    parse = reuse_extractor.results

    def terminated_after_two(documents):
        for number, result in enumerate(parse(documents)):
            if number == 2:
                os.kill(os.getpid(), signal.SIGTERM)
            yield result

    monkeypatch.setattr(reuse_extractor, "results", terminated_after_two)
    result = CliRunner().invoke(cli, ["build", str(source), "-o", str(page)])
    assert result.exit_code == 130, result.output
    assert "Traceback" not in result.output and "interrupted" in result.stderr
    assert page.read_text() == "previous page"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_skip_bad_counts_what_was_skipped_and_keeps_every_good_document(tmp_path):
    corpus(tmp_path)
    (tmp_path / "broken.jsonl").write_text('{"id": "c", "text": "Russia attacked Ukraine."}\n{oops\n')
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--skip-bad"])
    assert result.exit_code == 0, result.output
    assert "3 documents read, 2 skipped" in result.stderr
    assert "broken.jsonl, line 2: malformed JSON" in result.stderr and "blob.txt" in result.stderr
    docs = {json.loads(line)["doc"] for line in result.stdout.splitlines()}
    assert docs == {"a", "b", "c"}
