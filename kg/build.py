"""Build the graph from files: read -> render -> extract -> resolve -> map -> store, one document at a time.

Each document is mapped into a named graph of its own and written with one atomic ``replace_graph``, so a
crash leaves whole documents only, and one bad file never spoils the others: it is reported with its
reason and the build goes on. Documents whose raw sha256 is unchanged are skipped (incremental builds).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.extract.document import extract_document
from kg.ingest.text import load
from kg.models import DocumentFacts, TextDocument
from kg.rdf.corpus import refresh_corpus_graph
from kg.rdf.iris import ExtractionRun, doc_graph_iri
from kg.rdf.mapping import map_document
from kg.resolve import default_resolver
from kg.store.base import Store

INPUT_SUFFIXES = {".txt", ".html", ".htm", ".md", ".markdown", ".xhtml", ".text"}


@dataclass(frozen=True)
class Rejected:
    source: str
    problem: str
    hint: str = ""

    def line(self) -> str:
        return f"{self.source}: {self.problem}" + (f" -- {self.hint}" if self.hint else "")


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Rejected]]:
    """Files to ingest, sorted by name so builds are reproducible; missing paths are rejected."""
    found: list[Path] = []
    rejected: list[Rejected] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    found.append(child)
        elif path.is_file():
            found.append(path)
        else:
            rejected.append(Rejected(str(path), "no such file or folder", "check the path"))
    return sorted(set(found), key=lambda p: (p.name, str(p))), rejected


@dataclass(frozen=True)
class Processed:
    path: str
    doc: TextDocument | None = None
    facts: DocumentFacts | None = None
    error: Rejected | None = None


def process_file(path: str) -> Processed:
    """Everything that needs no store: pure, so it can run in a worker process."""
    try:
        doc = load(Path(path))
        return Processed(path, doc, extract_document(doc))
    except InputError as exc:
        return Processed(path, error=Rejected(Path(path).name, exc.problem, exc.hint))
    except RecursionError:
        return Processed(path, error=Rejected(Path(path).name, "document nested too deeply to parse",
                                              "flatten or re-save the file"))


def _processed(paths: list[Path], jobs: int) -> Iterable[Processed]:
    names = [str(p) for p in paths]
    if jobs <= 1 or len(names) < 8:
        yield from map(process_file, names)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(process_file, names, chunksize=4)


def build(
    store: Store,
    paths: Sequence[Path],
    *,
    jobs: int | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> BuildReport:
    report = BuildReport()
    files, report.rejected = discover(paths)
    resolver = default_resolver()
    run = ExtractionRun.current()
    seen: dict[str, str] = {}
    for item in _processed(files, jobs if jobs is not None else default_jobs(len(files))):
        name = Path(item.path).name
        if on_progress:
            on_progress(name)
        if item.error is not None:
            report.rejected.append(item.error)
            continue
        assert item.doc is not None and item.facts is not None
        if name in seen:
            report.rejected.append(Rejected(item.path, f"another input file is also named {name!r}",
                                            "file names identify documents: rename one of them"))
            continue
        seen[name] = item.path
        companies = resolver.resolve_all([c.name for c in item.facts.companies])
        graph = map_document(item.doc, item.facts, companies, run)
        store.replace_graph(str(doc_graph_iri(item.doc.source)), graph)
        report.built.append(name)
    refresh_corpus_graph(store)
    return report


def default_jobs(n_files: int) -> int:
    return 1 if n_files < 8 else max(1, min(4, os.cpu_count() or 1))
