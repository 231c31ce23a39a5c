"""The ``kg`` command line: parse options, call the library, report errors in one line."""

from __future__ import annotations

import functools
import json
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from .documents import Document, read_documents
from .errors import DocumentError, KgError
from .evaluate import SUITES, format_report, report_to_json, run_suite
from .events import Event
from .export import FORMATS, events_to_jsonl, export_graph, load_graph, write_events, write_graph
from .files import atomic_write
from .gazetteer import Gazetteer
from .graph import build_graph
from .nlp import DEFAULT_MODEL, load_pipeline
from .pipeline import Extractor
from .render import write_html


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
            raise click.ClickException(str(error)) from None
        except (KeyboardInterrupt, Interrupted):
            click.echo("Error: interrupted; earlier outputs are left as they were", err=True)
            sys.exit(130)
        finally:
            signal.signal(signal.SIGTERM, previous)

    return wrapper


class EchoHandler(logging.Handler):
    """Print kg's warnings as ``Warning: ...`` lines on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"Warning: {record.getMessage()}", err=True)


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
                     type=click.Path(dir_okay=False), help="The HTML page to write."),
        click.option("--title", default="kg graph", show_default=True, help="Title of the page."),
        click.option("--max-nodes", type=click.IntRange(min=1),
                     help="Show only the N actors with most events (the page notes what it hides)."),
        click.option("--collapse", is_flag=True,
                     help="Start with parallel events collapsed into one edge per pair and category."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class Run:
    """One extraction run: loads the pipeline, streams documents, counts what it read."""

    def __init__(self, model: str, actor_files: tuple[str, ...], skip_bad: bool,
                 encoding: str | None = None):
        self.skip_bad = skip_bad
        self.encoding = encoding
        self.read = 0
        self.skipped = 0
        gazetteer = Gazetteer.load(actor_files)
        self.extractor = Extractor(load_pipeline(model, gazetteer), gazetteer)

    def events(self, inputs: tuple[str, ...], date: str | None) -> Iterator[Event]:
        on_error = self._skip if self.skip_bad else None
        documents = read_documents(inputs, date=date, on_error=on_error, encoding=self.encoding)
        yield from self.extractor.events(self._counted(documents))

    def _counted(self, documents: Iterator[Document]) -> Iterator[Document]:
        for document in documents:
            self.read += 1
            yield document

    def _skip(self, error: DocumentError) -> None:
        self.skipped += 1
        click.echo(f"Warning: skipped {error}", err=True)

    def summary(self, events: int) -> str:
        skipped = f", {self.skipped} skipped" if self.skip_bad else ""
        return f"{self.read} documents read{skipped}, {events} events"


@click.group()
@click.version_option(package_name="kg")
def cli() -> None:
    """kg: diplomatic knowledge graphs from news — who did what to whom."""
    _route_warnings()


@cli.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write events here (JSON lines) instead of standard output.")
@reports_errors
def extract(inputs, model, actor_files, date, skip_bad, encoding, output) -> None:
    """Extract actor–action–actor events from INPUTS (.txt, .jsonl, .csv, folders, or -)."""
    run = Run(model, actor_files, skip_bad, encoding)
    events = list(run.events(inputs, date))
    if output:
        write_events(events, output)
    else:
        sys.stdout.write(events_to_jsonl(events))
    click.echo(run.summary(len(events)) + (f", written to {output}" if output else ""), err=True)


@cli.command()
@input_options
@page_options
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False),
              help="Also write the graph as JSON (readable by 'kg render').")
@reports_errors
def build(inputs, model, actor_files, date, skip_bad, encoding, output, title, max_nodes, collapse,
          graph_file) -> None:
    """Build the graph of INPUTS and write it as an interactive HTML page."""
    run = Run(model, actor_files, skip_bad, encoding)
    graph = build_graph(run.events(inputs, date))
    if graph_file:
        write_graph(graph, graph_file)
    path = write_html(graph, output, title=title, max_nodes=max_nodes, collapse=collapse)
    click.echo(f"{run.summary(graph.number_of_edges())}, {graph.number_of_nodes()} actors; "
               f"page written to {Path(path).resolve()}", err=True)


@cli.command()
@click.argument("graph_file", type=click.Path(dir_okay=False))
@page_options
@reports_errors
def render(graph_file, output, title, max_nodes, collapse) -> None:
    """Render a graph file written by 'kg build --graph' as an HTML page."""
    graph = load_graph(graph_file)
    path = write_html(graph, output, title=title, max_nodes=max_nodes, collapse=collapse)
    click.echo(f"page written to {Path(path).resolve()}", err=True)


@cli.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.argument("graph_file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="The file to write (for csv: a folder, which gets events.csv and actors.csv).")
@reports_errors
def export_command(fmt, graph_file, output) -> None:
    """Convert a graph file from 'kg build --graph' to FORMAT (GraphML and GEXF open in Gephi)."""
    for path in export_graph(load_graph(graph_file), fmt, output):
        click.echo(f"wrote {path}", err=True)


@cli.command()
@click.argument("suite", type=click.Choice(SUITES))
@click.argument("path", type=click.Path(exists=True))
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy model package or path.")
@click.option("--actors", "actor_file", type=click.Path(dir_okay=False),
              help="Extra actor file (petrarch-functional makes one from the suite's actor codes).")
@click.option("--without-suite-actors", is_flag=True,
              help="Do not load the suite's own actor codes (to measure what kg finds without them).")
@click.option("--report", type=click.Path(dir_okay=False), help="Also write the report as JSON.")
@reports_errors
def evaluate(suite, path, model, actor_file, without_suite_actors, report) -> None:
    """Score kg against a gold SUITE at PATH (see ../shared/eval/README.md)."""
    result = run_suite(suite, path, actors_file=actor_file, model=model,
                       suite_actors=not without_suite_actors)
    click.echo(format_report(result))
    if report:
        atomic_write(report, json.dumps(report_to_json(result), indent=1) + "\n")
