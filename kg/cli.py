"""The ``kg`` command line: parse options, call the library, report errors in one line.

Modules that need networkx, spaCy or the evaluation harness are imported inside the
commands that use them, so that the command starts at once and a bad input is reported
before any model loads.
"""

from __future__ import annotations

import functools
import json
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from .corpus import ENGINES, RunOptions, run, store_stats
from .documents import Document, count_documents, read_documents
from .errors import DocumentError, KgError
from .events import Event, json_lines
from .files import STDOUT, atomic_write_chunks, stdout_error
from .recipe import DEFAULT_MODEL, ExtractorSpec
from .schema import TOPIC

#: The graph formats of 'kg export' (kg.readwrite.FORMATS and EXPORT_ONLY_FORMATS, which a test
#: keeps equal; named here so that the command starts without importing networkx).
EXPORT_FORMATS = ("json", "graphml", "gexf", "csv", "turtle", "jsonld", "events-tsv", "neo4j")
#: The gold suites of 'kg evaluate' (kg.evaluate.SUITES, which a test keeps equal).
EVALUATION_SUITES = ("plover", "petrarch-gsr", "petrarch-functional", "qasrl", "articles")


class Interrupted(Exception):
    """SIGTERM arrived: stop like Ctrl-C does."""


def _terminate(signum, frame):
    raise Interrupted()


def reports_errors(command: Callable) -> Callable:
    """Turn kg's errors into ``Error: ...`` and a non-zero exit, never a traceback.

    An interrupted run (Ctrl-C, SIGTERM) stops with exit code 130; outputs are written
    atomically, so the previous output stays intact.
    """

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        previous = signal.signal(signal.SIGTERM, _terminate)
        try:
            return command(*args, **kwargs)
        except KgError as error:
            raise click.ClickException(printable(str(error))) from None
        except (KeyboardInterrupt, Interrupted):
            click.echo("Error: interrupted; earlier outputs are left as they were", err=True)
            sys.exit(130)
        finally:
            signal.signal(signal.SIGTERM, previous)

    return wrapper


def printable(message: str) -> str:
    """A message safe for a terminal: control characters from bad input (escape sequences
    that could move the cursor or recolour the screen) shown as escapes (``\\x1b``)."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in message)


class EchoHandler(logging.Handler):
    """Print kg's warnings as ``Warning: ...`` lines on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"Warning: {printable(record.getMessage())}", err=True)


def _route_warnings() -> None:
    logger = logging.getLogger("kg")
    logger.handlers = [h for h in logger.handlers if not isinstance(h, EchoHandler)]
    logger.addHandler(EchoHandler(logging.WARNING))
    logger.propagate = False


def input_options(command: Callable) -> Callable:
    """The options shared by the commands that read articles."""
    options = [
        click.argument("inputs", nargs=-1, required=True),
        click.option("--model", default=DEFAULT_MODEL, show_default=True,
                     help="spaCy model package or path (e.g. en_core_web_sm, en_core_web_trf)."),
        click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
                     help="Extra actor file (CSV or JSON lines: id, name, aliases, type, country); "
                          "repeatable; overrides bundled actors with the same id."),
        click.option("--date", help="Publication date (YYYY-MM-DD) of plain-text articles."),
        click.option("--skip-bad", is_flag=True,
                     help="Warn about and skip unreadable documents instead of stopping."),
        click.option("--encoding", help="Encoding of input files that are not UTF-8 (e.g. latin-1)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def page_options(command: Callable) -> Callable:
    """The options of the commands that write the HTML page."""
    options = [
        click.option("-o", "--output", default="graph.html", show_default=True,
                     type=click.Path(dir_okay=False),
                     help="The HTML page to write ('-': standard output)."),
        click.option("--title", default="kg graph", show_default=True, help="Title of the page."),
        click.option("--max-nodes", type=click.IntRange(min=1),
                     help="Show only the N actors with most events (the page notes what it hides)."),
        click.option("--collapse", is_flag=True,
                     help="Start with parallel events collapsed into one edge per pair and category."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def engine_options(command: Callable) -> Callable:
    """The options that choose how and where documents are parsed."""
    options = [
        click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Parse with N processes (same output as one)."),
        click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help="'dask' spreads the work over a Dask cluster."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address (tcp://host:8786); without it a local cluster."),
        click.option("--store", type=click.Path(dir_okay=False),
                     help="SQLite store: parse only new or changed documents, build from all stored."),
        click.option("--quiet", is_flag=True, help="No progress line on standard error."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class Progress:
    """A progress bar of documents on standard error (tqdm), when it is a terminal: documents
    per second, and the share done and the time left when the inputs' documents can be counted
    cheaply (:func:`kg.documents.count_documents`)."""

    def __init__(self, quiet: bool, inputs: tuple[str, ...] = ()):
        self.parsed = self.unchanged = 0
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=count_documents(inputs) if inputs else None, unit="doc",
                            file=sys.stderr, mininterval=0.5, leave=False, dynamic_ncols=True)

    def __call__(self, document: Document, parsed: bool) -> None:
        self.parsed += parsed
        self.unchanged += not parsed
        if self.bar is not None:
            if self.unchanged:
                self.bar.set_postfix(unchanged=self.unchanged, refresh=False)
            self.bar.update(1)

    def done(self) -> None:
        if self.bar is not None:
            self.bar.close()


class CorpusRun:
    """The CLI's view of one run: options in, events out, counts and warnings on the way."""

    def __init__(self, options: RunOptions, skip_bad: bool, encoding: str | None, quiet: bool):
        self.options = options
        self.skip_bad = skip_bad
        self.encoding = encoding
        self.quiet = quiet
        self.progress = Progress(True)
        self.read = self.skipped = self.event_count = 0

    def events(self, inputs: tuple[str, ...], date: str | None) -> Iterator[Event]:
        on_error = self._skip if self.skip_bad else None
        self.progress = Progress(self.quiet, inputs)
        documents = read_documents(inputs, date=date, on_error=on_error, encoding=self.encoding)
        for event in run(self._counted(documents), self.options, self.progress):
            self.event_count += 1
            yield event
        self.progress.done()
        if self.read == 0:
            skipped = f" ({self.skipped} skipped)" if self.skipped else ""
            raise DocumentError(f"{', '.join(inputs)}: no documents to read{skipped}; "
                                "earlier outputs are left as they were")

    def _counted(self, documents: Iterator[Document]) -> Iterator[Document]:
        for document in documents:
            self.read += 1
            yield document

    def _skip(self, error: DocumentError) -> None:
        self.skipped += 1
        click.echo(f"Warning: skipped {printable(str(error))}", err=True)

    def summary(self) -> str:
        skipped = f", {self.skipped} skipped" if self.skip_bad else ""
        unchanged = f", {self.progress.unchanged} unchanged in the store" if self.options.store else ""
        return f"{self.read} documents read{skipped}{unchanged}, {self.event_count} events"


def _corpus_run(model, actor_files, skip_bad, encoding, workers, engine, scheduler, store,
                quiet) -> CorpusRun:
    spec = ExtractorSpec(model, tuple(actor_files))
    options = RunOptions(spec, workers, engine, scheduler, store)
    return CorpusRun(options, skip_bad, encoding, quiet)


def main(**options) -> None:
    """The ``kg`` command: :func:`cli`, with a failed write to standard output (a full disk)
    reported in one line, here too when it happens in click's own help or at exit."""
    try:
        cli(standalone_mode=False, **options)
    except click.exceptions.Exit as done:
        _exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        _exit(error.exit_code)
    except click.Abort:
        click.echo("Aborted!", err=True)
        _exit(1)
    except OSError as error:
        click.echo(f"Error: {stdout_error(error)}", err=True)
        sys.exit(1)
    _exit(0)


def _exit(code: int) -> None:
    """Exit once standard output is written out, or say why it could not be."""
    try:
        sys.stdout.flush()
    except OSError as error:
        click.echo(f"Error: {stdout_error(error)}", err=True)
        code = code or 1
    sys.exit(code)


@click.group()
@click.version_option(package_name="kg")
def cli() -> None:
    """kg: diplomatic knowledge graphs from news — who did what to whom."""
    _route_warnings()


@cli.command()
@input_options
@engine_options
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write events here (JSON lines) instead of standard output.")
@reports_errors
def extract(inputs, date, output, **options) -> None:
    """Extract actor–action–actor events from INPUTS (.txt, .jsonl, .csv, folders, or -)."""
    _check_outputs(inputs, [output], options["store"], options["actor_files"])
    corpus = _corpus_run(**options)
    atomic_write_chunks(output or STDOUT, json_lines(corpus.events(inputs, date)))
    click.echo(corpus.summary() + (f", written to {printable(output)}" if output else ""), err=True)


def _check_outputs(inputs: tuple[str, ...], outputs: list[str | None], store: str | None,
                   actor_files: tuple[str, ...] = ()) -> None:
    """Before any work: every output (the store too) can be written, no two are one file, and
    none is an input, an actor file, or a document file inside an input folder (which the
    next run would read as an article)."""
    sources = [Path(name).resolve() for name in (*inputs, *actor_files) if name != STDOUT]
    written: list[Path] = []
    for output in filter(None, [*outputs, store]):
        if output == STDOUT:
            continue
        path = Path(output).resolve()
        if path in sources:
            raise KgError(f"{output}: is also an input of this run; choose another output")
        if path in written:
            raise KgError(f"{output}: is given for two outputs; choose another for one of them")
        written.append(path)
        if path.suffix.lower() in (".txt", ".jsonl", ".csv") and any(
                folder in path.parents for folder in sources if folder.is_dir()):
            raise KgError(f"{output}: is inside the input folder {path.parent}, so the next run "
                          "would read it as articles; choose another output")
        if not path.parent.is_dir():
            raise KgError(f"{output}: cannot write (no folder {Path(output).parent})")


def _shown(path: str | Path) -> str:
    return "standard output" if str(path) == STDOUT else printable(str(Path(path).resolve()))


@cli.command()
@input_options
@engine_options
@page_options
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False),
              help="Also write the graph as JSON (readable by 'kg render').")
@click.option("--all-relations", is_flag=True,
              help="Also draw relations as edges: actions the lexicon does not code, and acts "
                   "that did not happen (asked for, supposed, denied); they are otherwise kept "
                   "on their actor as statements.")
@click.option("--no-topics", is_flag=True,
              help="Leave out the topics (plans, meetings, agreements, issues: what actors act on) "
                   "and their links.")
@reports_errors
def build(inputs, date, output, title, max_nodes, collapse, graph_file, all_relations, no_topics,
          **options) -> None:
    """Build the graph of INPUTS and write it as an interactive HTML page."""
    from .graph import build_graph
    from .readwrite import write_graph
    from .render import write_html

    _check_outputs(inputs, [output, graph_file], options["store"], options["actor_files"])
    corpus = _corpus_run(**options)
    graph = build_graph(corpus.events(inputs, date), relations=all_relations, topics=not no_topics)
    path = write_html(graph, output, title=title, max_nodes=max_nodes, collapse=collapse)
    if graph_file:
        write_graph(graph, graph_file)
    topics = sum(1 for _, kind in graph.nodes(data="type") if kind == TOPIC)
    click.echo(f"{corpus.summary()}, {graph.number_of_nodes() - topics} actors, {topics} topics; "
               f"page written to {_shown(path)}", err=True)


@cli.command()
@click.argument("graph_file", type=click.Path(dir_okay=False))
@page_options
@reports_errors
def render(graph_file, output, title, max_nodes, collapse) -> None:
    """Render a graph file written by 'kg build --graph' as an HTML page."""
    from .readwrite import load_graph
    from .render import write_html

    _check_outputs((graph_file,), [output], None)
    graph = load_graph(graph_file)
    path = write_html(graph, output, title=title, max_nodes=max_nodes, collapse=collapse)
    click.echo(f"page written to {_shown(path)}", err=True)


@cli.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
@click.argument("graph_file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="The file to write (for csv and neo4j: a folder).")
@reports_errors
def export_command(fmt, graph_file, output) -> None:
    """Convert a graph file from 'kg build --graph' to FORMAT: GraphML and GEXF (Gephi), CSV,
    RDF (turtle, jsonld), the Phoenix/ICEWS-style event table (events-tsv), Neo4j's import
    files (neo4j)."""
    from .readwrite import export_graph, load_graph

    if fmt in ("csv", "neo4j") and output == STDOUT:
        raise KgError(f"{fmt} writes a folder of files, not standard output")
    _check_outputs((graph_file,), [output], None)
    for path in export_graph(load_graph(graph_file), fmt, output):
        click.echo(f"wrote {printable(str(path))}", err=True)


@cli.command()
@click.argument("suite", type=click.Choice(EVALUATION_SUITES))
@click.argument("path", type=click.Path(exists=True))
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy model package or path.")
@click.option("--actors", "actor_file", type=click.Path(dir_okay=False),
              help="Extra actor file (petrarch-functional makes one from the suite's actor codes).")
@click.option("--without-suite-actors", is_flag=True,
              help="Do not load the suite's own actor codes (to measure what kg finds without them).")
@click.option("--texts", type=click.Path(exists=True, dir_okay=False),
              help="The articles (JSON lines: id, date, text) the 'articles' suite's annotations point into.")
@click.option("--report", type=click.Path(dir_okay=False), help="Also write the report as JSON.")
@reports_errors
def evaluate(suite, path, model, actor_file, without_suite_actors, texts, report) -> None:
    """Score kg against a gold SUITE at PATH (see ../shared/eval/README.md); 'articles' is a
    folder of full-article annotations (see kg.evaluate)."""
    from .evaluate import format_report, report_to_json, run_suite
    from .files import atomic_write

    result = run_suite(suite, path, actors_file=actor_file, model=model,
                       suite_actors=not without_suite_actors, texts=texts)
    click.echo(format_report(result))
    if report:
        atomic_write(report, json.dumps(report_to_json(result), indent=1) + "\n")


@cli.command()
@click.argument("store", type=click.Path(dir_okay=False))
@reports_errors
def stats(store) -> None:
    """How many documents, events and actors a STORE (from --store) holds."""
    for name, count in store_stats(store).items():
        click.echo(f"{name}: {count}")
