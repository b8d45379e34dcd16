"""The `kg` command line: thin, each command is flags -> one library call -> formatted output."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg import __version__
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.build import BuildReport
    from kg.store.base import Store

DEFAULT_STORE = "oxigraph:out/store"

app = typer.Typer(
    name="kg",
    help=(
        "anode-kg: a knowledge graph of the anode materials industry, built from market-research reports.\n\n"
        "Example:  kg build data/corpus && kg facts --format json > out/facts.json"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    store_spec: str = DEFAULT_STORE


state = State()


def _open() -> Store:
    from kg.store import open_store

    return open_store(state.store_spec)


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"kg: error: {message}", err=True)
    return typer.Exit(code)


@app.callback()
def main_options(
    store: Annotated[
        str,
        typer.Option(
            "--store",
            envvar="KG_STORE",
            help="Where the graph lives: 'oxigraph:DIR' (embedded, on disk), 'oxigraph:' (in memory), "
            "'memory' (rdflib), or a SPARQL server: 'http://HOST:PORT' (oxigraph serve "
            "--union-default-graph), 'http://HOST:3030/DATASET/sparql' (Fuseki), "
            "'http://HOST:7200/repositories/REPO' (GraphDB), "
            "'sparql+http://HOST/QUERY?update=URL&store=URL' (any other).",
            show_default=True,
        ),
    ] = DEFAULT_STORE,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """Global options."""
    if version:
        typer.echo(f"kg {__version__}")
        raise typer.Exit(0)
    state.store_spec = store


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of report documents.")],
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: auto).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Also remove documents not built from PATHS this time "
                                        "(deleted, renamed or rejected files), as a clean build would.")] = False,
) -> None:
    """Ingest documents into the store, replacing what those documents had there.

    Incremental: a document whose file bytes, extractor version and configuration are unchanged since
    the last build is skipped ('unchanged' in the summary); a changed one is replaced as a whole.

    Prints a summary, then on stderr one 'rejected:' line per file it did not build (what is wrong and
    what to do) and one 'note:' line per file that built but gave no facts. A byte-identical copy of
    another input file is rejected, so its figures do not count twice.
    Exit codes: 0 every file built; 1 some files were rejected (the others were built); 2 error.

    Example:  kg build data/corpus
    """
    from functools import partial

    from kg.build import build as build_store
    from kg.summary import summary_lines

    run_build = partial(build_store, prune=prune)

    try:
        with _open() as store:
            report = _run_with_progress(run_build, store, paths, jobs, quiet)
            for line in summary_lines(store, report):
                typer.echo(line)
    except KgError as exc:
        raise _fail(str(exc)) from None
    for note in report.notes:
        typer.echo(f"note: {note}", err=True)
    for rejected in report.rejected:
        typer.echo(f"rejected: {rejected.line()}", err=True)
    raise typer.Exit(1 if report.rejected else 0)


def _run_with_progress(
    run_build: Callable[..., BuildReport], store: Store, paths: list[Path], jobs: int | None, quiet: bool
) -> BuildReport:
    from kg.build import discover

    if quiet or not sys.stderr.isatty():
        return run_build(store, paths, jobs=jobs)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    total = len(discover(paths)[0])
    with Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), transient=True) as progress:
        task = progress.add_task("", total=total)

        def tick(name: str) -> None:
            progress.update(task, advance=1, description=name)

        return run_build(store, paths, jobs=jobs, on_progress=tick)


@app.command()
def facts(
    fmt: Annotated[str, typer.Option("--format", "-f", help="Only 'json' (the facts contract).")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
) -> None:
    """Print every extracted fact in the facts-contract JSON, read back from the store by SPARQL.

    Example:  kg facts --format json -o out/facts.json
    """
    from kg.facts import facts_document

    if fmt != "json":
        raise _fail(f"unknown format {fmt!r}: use json")
    try:
        with _open() as store:
            doc = facts_document(store)
    except KgError as exc:
        raise _fail(str(exc)) from None
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, nt, nq, trig or jsonld.")] = "ttl",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write, '-' for stdout.")] = "-",
) -> None:
    """Export the whole graph. Plain Turtle carries everything; nq/trig keep the per-document graphs.

    Example:  kg export --format ttl -o out/anode.ttl
    """
    from kg.store.base import EXPORT_FORMATS

    if fmt not in EXPORT_FORMATS:
        raise _fail(f"unknown format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    try:
        with _open() as store:
            if output == "-":
                store.dump(fmt, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                target = Path(output)
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("wb") as fh:
                    store.dump(fmt, fh)
    except KgError as exc:
        raise _fail(str(exc)) from None


@app.command()
def validate() -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl.

    Exit codes: 0 the graph conforms; 1 it has violations (listed); 2 the check could not run.

    Example:  kg validate
    """
    from kg.validate import validate as run_validate

    try:
        with _open() as store:
            report = run_validate(store)
    except KgError as exc:
        raise _fail(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - pyshacl/rdflib failures are "could not run"
        raise _fail(f"validation could not run: {exc}") from None
    if report.conforms:
        typer.echo("conforms: the graph satisfies every SHACL shape")
        raise typer.Exit(0)
    typer.echo(str(report))
    raise typer.Exit(1)


@app.command()
def text(
    doc: Annotated[Path, typer.Argument(help="A document file.")],
    blocks: Annotated[bool, typer.Option("--blocks", help="List the blocks with their offsets instead.")] = False,
) -> None:
    """Print a document's text rendition: the exact text that evidence offsets index.

    Example:  kg text data/corpus/000_7cf7d8ff4e6b6c85.txt
    """
    from kg.ingest.text import load

    try:
        rendition = load(doc)
    except KgError as exc:
        raise _fail(str(exc)) from None
    if blocks:
        for block in rendition.blocks:
            flag = " boilerplate" if block.boilerplate else ""
            typer.echo(f"{block.start}-{block.end} {block.kind}{flag}: {rendition.text[block.start:block.end]}")
    else:
        sys.stdout.write(rendition.text)


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="A stored query's name (a file queries/NAME.rq).")] = None,
    list_: Annotated[
        bool, typer.Option("--list", "-l", help="List the stored queries and their parameters.")
    ] = False,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value (repeatable).")] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, tsv or json (W3C results formats).")
    ] = "table",
) -> None:
    """Run a stored SPARQL query; parameters are bound by the engine, never spliced into the text.

    Example:  kg query companies-in-several-markets --param minMarkets=3 --format csv
    """
    from kg.queries import get_query, list_queries, parse_param_args
    from kg.results import FORMATS, render
    from kg.store.base import SelectResult

    try:
        if list_ or name is None:
            for q in list_queries():
                params = " ".join(f"?{p.name}:{p.type}={p.default or ''}" for p in q.params)
                typer.echo(f"{q.name:40s} {q.title}" + (f"  [{params}]" if params else ""))
            raise typer.Exit(0)
        if fmt not in FORMATS:
            raise _fail(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        stored = get_query(name)
        bindings = stored.bindings(parse_param_args(param or []))
        with _open() as store:
            result = store.query(stored.text, bindings)
    except KgError as exc:
        raise _fail(str(exc)) from None
    if not isinstance(result, SelectResult):
        raise _fail(f"query {name!r} is not a SELECT query")
    sys.stdout.write(render(result, fmt))


@app.command()
def analyze(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    out: Annotated[Path | None, typer.Option("--out", help="Folder for GraphML/GEXF files.")] = None,
    from_market: Annotated[str | None, typer.Option("--from", help="Market (label or IRI).")] = None,
    to_market: Annotated[str | None, typer.Option("--to", help="Market (label or IRI).")] = None,
) -> None:
    """Graph analytics and the figure audit: bridging companies, market overlap, communities, value-chain
    paths, and the reports' numbers checked against each other (findings are written back into the graph
    https://w3id.org/anode-kg/graph/audit, replaced on each run).

    Example:  kg analyze --out out/graphs --from "Hard Carbon Anode" --to "Negative Coke"
    """
    from kg.analytics import analyze as run_analyze
    from kg.analytics import render_table

    if fmt not in ("table", "json"):
        raise _fail(f"unknown format {fmt!r}: use table or json")
    try:
        with _open() as store:
            result = run_analyze(store, from_market, to_market, out)
    except KgError as exc:
        raise _fail(str(exc)) from None
    except ValueError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_table(result))


@app.command("map")
def map_(
    view: Annotated[str, typer.Option("--view", "-v", help="overview, company, market or value-chain.")]
    = "overview",
    name: Annotated[str | None, typer.Option(
        "--name", "-n", help="The company or market of --view company/market (name or alias, any case).")]
    = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")]
    = Path("out/map.html"),
    max_nodes: Annotated[int, typer.Option(
        "--max-nodes", help="Above this, fold each market's minor companies into '+N more' nodes.")] = 400,
) -> None:
    """Write an interactive map as ONE offline HTML file (vis-network inlined).

    Views: overview (everything, the default) · company --name NAME (its markets,
    their companies, materials, applications, reports) · market --name NAME (its
    companies, materials, applications, reports and their regions) · value-chain
    (material -> company -> market -> application).

    Hover a node or edge for its facts; click for all of them with quote and
    document; search by name. Big views fold minor companies (--max-nodes).

    Example:  kg map --view market --name "hard carbon anode" -o out/hc.html
    """
    from kg.maps import View, write_map

    try:
        chosen = View(view)
    except ValueError:
        raise _fail(f"unknown view {view!r}: use one of {', '.join(v.value for v in View)}") from None
    try:
        with _open() as store:
            stats = write_map(store, output, chosen, name, max_nodes=max_nodes)
    except KgError as exc:
        raise _fail(str(exc)) from None
    folded = f" (folded from {stats.total_nodes})" if stats.aggregated else ""
    typer.echo(f"wrote {stats.path}: {stats.nodes} nodes{folded}, {stats.edges} edges, {stats.bytes:,} bytes")


def main() -> None:
    """Console-script entry point: user errors print one line, never a traceback."""
    try:
        app()
    except KgError as exc:
        typer.echo(f"kg: error: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":
    main()
