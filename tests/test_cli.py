"""The command line: every command works, has help, and reports bad input in one line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.recipe import ExtractorSpec

ARTICLE = "Macron held talks with Zelenskyy.\n\nTrump met Putin in Alaska on Friday.\n"

pytestmark = pytest.mark.usefixtures("reuse_extractor")


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_every_command_has_help(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help, name


def test_extract_writes_event_records(runner, article, tmp_path):
    out = tmp_path / "events.jsonl"
    result = runner.invoke(cli, ["extract", str(article), "--date", "2025-08-15", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    pairs = {(r["source"]["name"], r["target"]["name"]) for r in records if r["target"]}
    assert ("Emmanuel Macron", "Volodymyr Zelenskyy") in pairs
    assert ("Donald Trump", "Vladimir Putin") in pairs
    assert all(r["doc"] == "story" for r in records)
    assert "1 documents read" in result.stderr


def test_extract_reads_standard_input(runner):
    result = runner.invoke(cli, ["extract", "-"], input=ARTICLE)
    assert result.exit_code == 0
    assert '"doc": "stdin"' in result.stdout


def test_build_then_render(runner, article, tmp_path):
    page, graph = tmp_path / "g.html", tmp_path / "g.json"
    result = runner.invoke(cli, ["build", str(article), "-o", str(page), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    assert "Volodymyr Zelenskyy" in page.read_text()
    assert json.loads(graph.read_text())["kg_graph"] == 2
    again = tmp_path / "again.html"
    result = runner.invoke(cli, ["render", str(graph), "-o", str(again)])
    assert result.exit_code == 0, result.output
    assert again.read_text() == page.read_text()


def test_build_draws_uncoded_relations_only_when_asked(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Macron jogged with Zelenskyy.", encoding="utf-8")  # no code for jogging
    layers = {}
    for flags in ([], ["--all-relations"]):
        graph = tmp_path / "g.json"
        result = runner.invoke(cli, ["build", str(story), "-o", str(tmp_path / "g.html"),
                                     "--graph", str(graph), *flags])
        assert result.exit_code == 0, result.output
        layers[bool(flags)] = [e["layer"] for e in json.loads(graph.read_text())["edges"]]
    assert layers == {False: [], True: ["relation"]}


def test_build_draws_topics_unless_told_not_to(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Hamas rejected an Egyptian peace plan.", encoding="utf-8")
    found = {}
    for flags in ([], ["--no-topics"]):
        graph = tmp_path / "g.json"
        result = runner.invoke(cli, ["build", str(story), "-o", str(tmp_path / "g.html"),
                                     "--graph", str(graph), *flags])
        assert result.exit_code == 0, result.output
        found[bool(flags)] = (sorted(n["type"] for n in json.loads(graph.read_text())["nodes"]),
                              result.output.split("; ")[0].split(", ")[-2:])
    assert found == {False: (["COUNTRY", "GROUP", "TOPIC"], ["2 actors", "1 topics"]),
                     True: (["COUNTRY", "GROUP"], ["2 actors", "0 topics"])}  # Egypt's plan is Egypt


BAD_INPUT = [
    (["extract", "nowhere.txt"], "nowhere.txt: no such file"),
    (["extract", "{empty}"], "empty document"),
    (["extract", "{article}", "--date", "yesterday"], "'yesterday' is not a date"),
    (["extract", "{article}", "--model", "no_such_model"], "pip install"),
    (["extract", "{article}", "--actors", "{bad_actors}"], "an actor needs an 'id' and a 'name'"),
    (["render", "{article}"], "not a kg graph file"),
    (["build", "{article}", "-o", "/nonexistent-dir/g.html"], "cannot write"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUT, ids=[a[1][:30] for a in BAD_INPUT])
def test_bad_input_gives_one_line_error(runner, article, tmp_path, args, message):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    bad_actors = tmp_path / "actors.jsonl"
    bad_actors.write_text('{"name": "No Id"}\n')
    paths = {"article": article, "empty": empty, "bad_actors": bad_actors}
    result = runner.invoke(cli, [a.format(**paths) for a in args])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.stderr.startswith("Error:") and message in result.stderr


def test_skip_bad_warns_and_keeps_good_documents(runner, article, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(cli, ["extract", str(tmp_path), "--skip-bad"])
    assert result.exit_code == 0
    assert "Warning: skipped" in result.stderr and "empty.txt" in result.stderr
    assert "1 documents read, 1 skipped" in result.stderr
    assert "Volodymyr Zelenskyy" in result.stdout


def test_python_dash_m(article):
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "extract" in done.stdout


def test_a_missing_input_is_reported_before_any_model_loads(runner, monkeypatch):
    def no_load(spec):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(ExtractorSpec, "load", no_load)
    result = runner.invoke(cli, ["extract", "nowhere.txt"])
    assert result.exit_code == 1 and "nowhere.txt: no such file" in result.stderr


def test_starting_the_command_imports_neither_spacy_nor_networkx():
    import subprocess
    import sys
    code = "import sys, kg.cli; print(sorted(m for m in ('spacy', 'networkx') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_export_formats_are_the_librarys():
    from kg.cli import EXPORT_FORMATS
    from kg.readwrite import EXPORT_ONLY_FORMATS, FORMATS
    assert EXPORT_FORMATS == FORMATS + EXPORT_ONLY_FORMATS


def test_store_parses_only_new_documents_and_stats_counts_them(runner, article, tmp_path):
    store = tmp_path / "kg.sqlite"
    first = runner.invoke(cli, ["extract", str(article), "--store", str(store)])
    (tmp_path / "more.txt").write_text("Russia attacked Ukraine.", encoding="utf-8")
    second = runner.invoke(cli, ["extract", str(tmp_path), "--store", str(store)])
    assert first.exit_code == second.exit_code == 0, second.output
    assert "1 unchanged in the store" in second.stderr
    assert set(first.stdout.splitlines()) < set(second.stdout.splitlines())
    stats = runner.invoke(cli, ["stats", str(store)])
    assert "documents: 2" in stats.stdout


def test_two_workers_give_the_same_events(runner, article):
    one = runner.invoke(cli, ["extract", str(article)])
    two = runner.invoke(cli, ["extract", str(article), "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout


def test_progress_shows_a_bar_on_a_terminal_and_nothing_elsewhere(monkeypatch, tmp_path):
    import io

    from kg.cli import Progress

    for name in "abc":  # three documents, counted up front
        (tmp_path / f"{name}.txt").write_text("Macron met Zelenskyy.", encoding="utf-8")
    inputs = (str(tmp_path),)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    progress = Progress(quiet=False, inputs=inputs)
    for _ in range(3):
        progress(None, True)
    progress.done()
    assert "0/3 [00:00<?, ?doc/s]" in terminal.getvalue()  # then updated twice a second at most
    quiet = Terminal()
    monkeypatch.setattr("sys.stderr", quiet)
    progress = Progress(quiet=True, inputs=inputs)
    progress(None, True)
    progress.done()
    assert quiet.getvalue() == ""
