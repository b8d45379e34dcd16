"""Build the graph from files: read -> render -> extract -> resolve -> map -> store, one document at a time.

Each document is mapped into a named graph of its own and written with one atomic ``replace_graph``, so a
crash leaves whole documents only, and one bad file never spoils the others: it is reported with its
reason and the build goes on. Documents whose raw sha256 is unchanged are skipped (incremental builds).
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from kg.errors import InputError, StoreError
from kg.extract.document import extract_document
from kg.ingest.text import load
from kg.models import DocumentFacts, TextDocument
from kg.namespaces import GRAPH, sparql_prefixes
from kg.rdf.corpus import refresh_corpus_graph
from kg.rdf.iris import ExtractionRun, doc_graph_iri
from kg.rdf.mapping import map_document, map_triples
from kg.resolve import default_resolver
from kg.store import _rdf
from kg.store.base import Store, select


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
    notes: list[str] = field(default_factory=list)  # built, but worth a look (e.g. no facts found)


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


def drop_copies(files: Sequence[Path]) -> tuple[list[Path], list[Rejected]]:
    """Byte-identical files: the first in build order is built, every later one is rejected as its copy.

    File names identify documents, so a copy under another name would be a second report with the same
    figures, counted twice by every cross-report query. Empty and unreadable files are left to
    :func:`process_file`, which says what is wrong with them.
    """
    first: dict[str, Path] = {}
    kept: list[Path] = []
    rejected: list[Rejected] = []
    for path in files:
        try:
            digest = _sha256(path) if path.stat().st_size else None
        except OSError:
            digest = None
        if digest is not None and digest in first:
            rejected.append(Rejected(path.name, f"has the same content as {first[digest].name} (a byte-identical "
                                     "copy)", "not built, so its figures are not counted twice; delete the copy"))
            continue
        if digest is not None:
            first[digest] = path
        kept.append(path)
    return kept, rejected


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class Processed:
    path: str
    doc: TextDocument | None = None
    facts: DocumentFacts | None = None
    error: Rejected | None = None


#: Longest text rendition one document may have. The corpus reports are 7-40 thousand characters;
#: extraction runs at roughly 10-20 s per million characters and the graph grows with the text
#: (benchmarks/bench_big_document.py), so 5 million characters is ~100 reports in one file: almost
#: certainly a concatenation that would take many minutes and gigabytes. Markup, scripts and inline
#: images do not count: a 50 MB saved web page with one report in it builds.
MAX_TEXT_CHARS = 5_000_000


def process_file(path: str) -> Processed:
    """Everything that needs no store: pure, so it can run in a worker process."""
    try:
        doc = load(Path(path))
        if len(doc.text) > MAX_TEXT_CHARS:
            return Processed(path, error=Rejected(
                Path(path).name,
                f"is too long for one report: its text is {len(doc.text) / 1e6:.1f} million characters "
                f"(the limit is {MAX_TEXT_CHARS / 1e6:g} million; a report is usually under 0.1 million)",
                "split it into one file per report"))
        return Processed(path, doc, extract_document(doc))
    except InputError as exc:
        return Processed(path, error=Rejected(Path(path).name, exc.problem, exc.hint))
    except RecursionError:
        return Processed(path, error=Rejected(Path(path).name, "document nested too deeply to parse",
                                              "flatten or re-save the file"))
    except MemoryError:
        return Processed(path, error=Rejected(Path(path).name, "ran out of memory while reading it",
                                              "split it into smaller files, or build it on a bigger machine"))


def map_file(path: str, run: ExtractionRun) -> tuple[Processed, bytes | None]:
    """``process_file`` plus resolve + map + serialise, so a worker does all per-document work.

    Why: mapping is the largest share of a build (benchmarks/run.py), and when it ran in the parent, the
    parent was the bottleneck whatever the number of workers. The worker maps into a plain set of
    triples (``map_triples``: an rdflib Graph's bookkeeping cost more than the mapping itself) and
    returns them as N-Triples written by pyoxigraph; None when it cannot (the parent then maps it
    itself, so a bad term fails exactly as before). Resolution is per document and the registry is
    fixed, so doing it in a worker gives the same result.
    """
    item = process_file(path)
    if item.error is not None or item.doc is None or item.facts is None:
        return item, None
    companies = default_resolver().resolve_all([c.name for c in item.facts.companies])
    triples = map_triples(item.doc, item.facts, companies, run)  # no rdflib Graph: the same triples, cheaper
    try:
        return item, _rdf.ntriples(triples)
    except StoreError:
        return item, None


def _processed(paths: list[Path], jobs: int, run: ExtractionRun) -> Iterable[tuple[Processed, bytes | None]]:
    """Results in input order, streaming: at most ``IN_FLIGHT_PER_JOB * jobs`` documents are in flight.

    ``Executor.map`` submits every file at once, so when the writer (the store) is slower than the
    workers, finished documents pile up in memory in proportion to the corpus; a bounded window keeps
    memory flat at 10 000 documents.
    """
    names = [str(p) for p in paths]
    if jobs <= 1 or len(names) < 8:
        for name in names:
            yield map_file(name, run)
        return
    window: deque[Future[tuple[Processed, bytes | None]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for name in names:
            window.append(pool.submit(map_file, name, run))
            if len(window) >= IN_FLIGHT_PER_JOB * jobs:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


IN_FLIGHT_PER_JOB = 8


# -- incremental builds ------------------------------------------------------------------------------

STORED_DOCUMENTS = sparql_prefixes("akg", "dcterms", "prov") + """
SELECT ?g ?source ?sha ?version ?config WHERE {
  GRAPH ?g {
    ?doc a akg:ReportDocument ; dcterms:identifier ?source ; akg:rawSha256 ?sha .
    OPTIONAL { ?run prov:used ?doc ; akg:extractorVersion ?version ; akg:configHash ?config }
  }
}"""


@dataclass(frozen=True)
class StoredDocument:
    """What the store says a document was built from: its raw bytes' hash and the extraction run."""

    sha256: str
    version: str | None
    config_hash: str | None


def stored_documents(store: Store) -> dict[str, StoredDocument]:
    """Document file name -> how it was built, read by SPARQL from each document's own named graph.

    Only a document in the graph its name maps to counts; a name with two different records (which a
    build never writes) counts as changed, so it is rebuilt.
    """
    result = select(store, STORED_DOCUMENTS)
    found: dict[str, set[StoredDocument]] = {}
    for row in result.dicts():
        source = str(row["source"])
        if str(row["g"]) != str(doc_graph_iri(source)):
            continue
        version, config = row["version"], row["config"]
        found.setdefault(source, set()).add(StoredDocument(
            str(row["sha"]), None if version is None else str(version), None if config is None else str(config)))
    return {source: next(iter(records)) for source, records in found.items() if len(records) == 1}


def file_sha256(path: Path) -> str | None:
    """sha256 of the raw bytes (what kg.ingest.read records as akg:rawSha256); None if unreadable."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def split_unchanged(files: Sequence[Path], store: Store, run: ExtractionRun) -> tuple[list[Path], list[Path]]:
    """(files to process, files whose stored graph is already up to date).

    Up to date: same raw sha256 AND same extractor version and configuration hash, so a new extractor
    or a changed registry/vocabulary rebuilds every document. Only the first file of each name can be
    skipped; later ones go through processing, which rejects them as duplicates, as a clean build does.
    """
    stored = stored_documents(store)
    if not stored:
        return list(files), []
    todo: list[Path] = []
    unchanged: list[Path] = []
    names: set[str] = set()
    for path in files:
        record = stored.get(path.name) if path.name not in names else None
        names.add(path.name)
        if (record is not None and record.version == run.version and record.config_hash == run.config_hash
                and record.sha256 == file_sha256(path)):
            unchanged.append(path)
        else:
            todo.append(path)
    return todo, unchanged


def prune_documents(store: Store, keep: set[str]) -> list[str]:
    """Drop every document graph whose name is not in ``keep``; returns the dropped documents' names.

    Document graphs are recognised by IRI (``graph/doc/<key>``), so the corpus, ontology, vocabulary and
    audit graphs are never touched.
    """
    prefix = f"{GRAPH}doc/"
    wanted = {str(doc_graph_iri(name)) for name in keep}
    dropped = []
    for graph in store.graph_names():
        if graph.startswith(prefix) and graph not in wanted:
            store.drop_graph(graph)
            dropped.append(unquote(graph[len(prefix):]))
    return sorted(dropped)


def build(
    store: Store,
    paths: Sequence[Path],
    *,
    jobs: int | None = None,
    on_progress: Callable[[str], None] | None = None,
    prune: bool = False,
) -> BuildReport:
    """Build ``paths`` into ``store``: unchanged documents are skipped, changed ones replaced as a whole.

    With ``prune`` the store ends with exactly the documents of this build (built or unchanged): graphs
    of files that are gone, renamed, now rejected or copies are dropped, so the result is the same
    graph, byte for byte, as a clean build of the same files (tests/test_incremental.py).
    """
    report = BuildReport()
    files, report.rejected = discover(paths)
    files, copies = drop_copies(files)
    report.rejected.extend(copies)
    resolver = default_resolver()
    run = ExtractionRun.current()
    seen: dict[str, str] = {}
    files, unchanged = split_unchanged(files, store, run)
    for path in unchanged:
        seen[path.name] = str(path)
        report.unchanged.append(path.name)
        if on_progress:
            on_progress(path.name)
    pending = _PendingWrites(store, report)
    for item, ntriples in _processed(files, jobs if jobs is not None else default_jobs(len(files)), run):
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
        if ntriples is not None:
            pending.add(name, str(doc_graph_iri(item.doc.source)), ntriples)
        else:
            pending.flush()  # keeps report.built in input order
            companies = resolver.resolve_all([c.name for c in item.facts.companies])
            graph = map_document(item.doc, item.facts, companies, run)
            store.replace_graph(str(doc_graph_iri(item.doc.source)), graph)
            report.built.append(name)
        if not (item.facts.market_sizes or item.facts.growth_rates or item.facts.shares or item.facts.companies):
            report.notes.append(f"{name}: built, but no market size, growth rate, share or company was found "
                                "-- is it a market report?")
    pending.flush()
    if prune:
        report.pruned = prune_documents(store, set(report.built) | set(report.unchanged))
    refresh_corpus_graph(store)
    return report


class _PendingWrites:
    """Mapped documents waiting to be written together (``Store.replace_graphs_ntriples``).

    Why: the embedded store writes a batch of new documents several times faster than the same
    documents one by one. A batch holds at most ``WRITE_BATCH_TRIPLES`` triples (~260 synthetic
    reports), so memory stays flat whatever the corpus size; a document counts as built once its batch
    is written, and a batch is written whole or not at all. Measured on 3 000 synthetic documents
    (building process): 100k triples per batch 67 s CPU / 405 MB peak, 200k 44 s / 717 MB, 400k
    48 s / 1 325 MB; larger batches mean fewer ingestions (less compaction) but a bigger loader.
    """

    def __init__(self, store: Store, report: BuildReport) -> None:
        self.store = store
        self.report = report
        self.items: list[tuple[str, str, bytes]] = []
        self.triples = 0

    def add(self, name: str, graph_iri: str, ntriples: bytes) -> None:
        self.items.append((name, graph_iri, ntriples))
        self.triples += ntriples.count(b"\n")
        if self.triples >= WRITE_BATCH_TRIPLES:
            self.flush()

    def flush(self) -> None:
        if self.items:
            self.store.replace_graphs_ntriples([(iri, data) for _, iri, data in self.items])
            self.report.built.extend(name for name, _, _ in self.items)
        self.items, self.triples = [], 0


WRITE_BATCH_TRIPLES = 200_000


def default_jobs(n_files: int) -> int:
    """One worker per core (at most 4) from 8 files up; below that, process start-up costs more.

    Measured (benchmarks/run.py --compare-jobs, 1 000 synthetic documents, 2 cores shared with other
    load): 1 worker 45.7 s (21.9 docs/s), 2 workers 28.7 s (34.9 docs/s), 1.6x. Workers read, render,
    extract, resolve, map and serialise; the parent only writes to the store, so workers scale until
    the store write (~5 ms per document, embedded) is the limit.
    """
    return 1 if n_files < 8 else max(1, min(4, os.cpu_count() or 1))
