"""Incremental builds: unchanged documents are skipped, and build + change + rebuild --prune gives exactly
the graph (byte-identical Turtle and N-Quads) of a clean build of the final files."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import build, stored_documents
from kg.cli import app
from kg.rdf.iris import ExtractionRun
from kg.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
EXTRA = ROOT / "tests" / "docs" / "needle-coke-anodes.txt"


def dump(store: Store, fmt: str) -> bytes:
    buf = io.BytesIO()
    store.dump(fmt, buf)
    return buf.getvalue()


def clean_build(folder: Path, spec: str = "oxigraph") -> dict[str, bytes]:
    with open_store(spec) as store:
        build(store, [folder], jobs=1)
        return {fmt: dump(store, fmt) for fmt in ("ttl", "nq")}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def change_corpus(folder: Path) -> tuple[str, str, str]:
    """Modify the first document, add one, delete the last; returns their names."""
    files = sorted(folder.iterdir())
    modified, deleted = files[0], files[-1]
    text = modified.read_text(encoding="utf-8")
    modified.write_text(text.replace("4,700 million", "4,900 million", 1) + "\n", encoding="utf-8")
    shutil.copy(EXTRA, folder / EXTRA.name)
    deleted.unlink()
    return modified.name, EXTRA.name, deleted.name


@pytest.mark.parametrize("spec", ["oxigraph", "memory"])
def test_rebuild_with_prune_equals_clean_build(corpus: Path, spec: str) -> None:
    with open_store(spec) as store:
        first = build(store, [corpus], jobs=1)
        assert len(first.built) == 5 and not first.unchanged
        modified, added, deleted = change_corpus(corpus)
        report = build(store, [corpus], jobs=1, prune=True)
        assert sorted(report.built) == sorted([modified, added])
        assert len(report.unchanged) == 3 and modified not in report.unchanged
        assert report.pruned == [deleted]
        after = {fmt: dump(store, fmt) for fmt in ("ttl", "nq")}
    clean = clean_build(corpus, spec)
    assert after["ttl"] == clean["ttl"]
    assert after["nq"] == clean["nq"]
    assert b"4900" in after["ttl"]


def test_unchanged_rebuild_builds_nothing_and_changes_nothing(corpus: Path) -> None:
    with open_store("oxigraph") as store:
        build(store, [corpus], jobs=1)
        before = dump(store, "nq")
        report = build(store, [corpus], jobs=1)
        assert report.built == [] and len(report.unchanged) == 5 and report.pruned == []
        assert dump(store, "nq") == before


def test_without_prune_deleted_documents_stay(corpus: Path) -> None:
    with open_store("oxigraph") as store:
        build(store, [corpus], jobs=1)
        _, _, deleted = change_corpus(corpus)
        report = build(store, [corpus], jobs=1)
        assert report.pruned == []
        assert deleted in stored_documents(store)


def test_new_extractor_version_or_config_rebuilds_everything(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store("oxigraph") as store:
        build(store, [corpus], jobs=1)
        current = ExtractionRun.current()
        for changed in (ExtractionRun(current.version + ".1", current.config_hash),
                        ExtractionRun(current.version, "0" * 12)):
            monkeypatch.setattr(ExtractionRun, "current", classmethod(lambda cls, r=changed: r))
            report = build(store, [corpus], jobs=1, prune=True)
            assert len(report.built) == 5 and report.unchanged == []
            assert {d.config_hash for d in stored_documents(store).values()} == {changed.config_hash}


def test_prune_never_drops_non_document_graphs(corpus: Path) -> None:
    with open_store("oxigraph") as store:
        build(store, [corpus], jobs=1)
        audit = "https://w3id.org/anode-kg/graph/audit"
        store.update(f"INSERT DATA {{ GRAPH <{audit}> {{ <urn:x> <urn:y> <urn:z> }} }}")
        for path in corpus.iterdir():
            path.unlink()
        (corpus / "only.txt").write_text("Widget Anode Market reached USD 10 million in 2024.\n")
        report = build(store, [corpus], jobs=1, prune=True)
        assert len(report.pruned) == 5
        names = store.graph_names()
        assert audit in names
        assert [n.rsplit("/", 1)[-1] for n in names if "/graph/doc/" in n] == ["only.txt"]


def test_cli_summary_prints_unchanged_and_pruned(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    spec = f"oxigraph:{tmp_path / 'store'}"
    assert runner.invoke(app, ["--store", spec, "build", "-q", str(corpus)]).exit_code == 0
    _, _, deleted = change_corpus(corpus)
    result = runner.invoke(app, ["--store", spec, "build", "-q", "--prune", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "built 2 document(s), 3 unchanged, 0 rejected, 1 pruned" in result.output
