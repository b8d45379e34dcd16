"""SIGKILL of `kg build` at several moments leaves whole documents only, and the next build repairs all.

Setup: an on-disk Oxigraph store holding 20 documents ("version a"), then `kg build` of 40 documents
("version b": the same names with other bytes, plus 20 new ones) killed after a delay. Every document
graph left in the store must be, triple for triple, either its complete version-a graph or its complete
version-b graph (as clean builds give them), never a mix or a part; the store must open again (no stale
LOCK); and the next `kg build` must succeed and give exactly the dataset of a clean build.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf.iris import doc_graph_iri
from tests.bad.generate import GOOD

KG = str(Path(sys.executable).with_name("kg"))
N_DOCS = 40
BEFORE = 20
#: seconds, or a fraction of the clean build's time (the early ones land in start-up, the later mid-write)
DELAYS: tuple[float | str, ...] = (0.2, 0.5, 1.0, 2.0, "40%", "75%")
REBUILD_AFTER = {2.0, "40%", "75%"}  # the next build is checked after these (each costs a full build)

pytestmark = pytest.mark.slow


def write_docs(folder: Path, version: str, n: int) -> None:
    """``n`` copies of corpus reports under new names; ``version`` changes their bytes, not their text."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = GOOD[i % len(GOOD)].read_text("utf-8")
        (folder / f"doc-{i:02d}.txt").write_text(f"{text}\n<!-- copy {i}, version {version} -->\n", "utf-8")


def kg_build(store: Path, folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [KG, "--store", f"oxigraph:{store}", "build", "--quiet", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )


def graphs(store_dir: Path) -> dict[str, list[str]]:
    """Every named graph's sorted N-Triples lines; opening the store is part of the check (no stale LOCK)."""
    store = ox.Store(str(store_dir))
    try:
        out: dict[str, list[str]] = {}
        for quad in store.quads_for_pattern(None, None, None, None):
            if isinstance(quad.graph_name, ox.NamedNode):
                out.setdefault(quad.graph_name.value, []).append(str(quad.triple))
        return {g: sorted(lines) for g, lines in out.items()}
    finally:
        del store


def doc_graphs(store_dir: Path) -> dict[str, list[str]]:
    prefix = str(doc_graph_iri("doc-00.txt")).removesuffix("doc-00.txt")
    return {g: t for g, t in graphs(store_dir).items() if g.startswith(prefix)}


class Setup:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder_a, self.folder_b = root / "a", root / "b"
        write_docs(self.folder_a, "a", BEFORE)
        write_docs(self.folder_b, "b", N_DOCS)
        self.before, self.clean = root / "before", root / "clean"
        for store, folder in ((self.before, self.folder_a), (self.clean, self.folder_b)):
            t0 = time.perf_counter()
            proc = kg_build(store, folder)
            _, err = proc.communicate(timeout=600)
            assert proc.returncode == 0, err
            self.build_seconds = time.perf_counter() - t0
        self.ref_a, self.ref_b = doc_graphs(self.before), doc_graphs(self.clean)
        self.dataset = graphs(self.clean)
        assert len(self.ref_a) == BEFORE and len(self.ref_b) == N_DOCS
        assert all(self.ref_a[g] != self.ref_b[g] for g in self.ref_a)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    return Setup(tmp_path_factory.mktemp("atomic"))


def test_a_document_graph_is_what_building_it_alone_gives(setup: Setup, tmp_path: Path) -> None:
    """The reference is sound: one document's graph does not depend on the others in the build."""
    proc = kg_build(tmp_path / "one", setup.folder_b / "doc-07.txt")
    assert proc.wait(timeout=300) == 0
    [(g, triples)] = doc_graphs(tmp_path / "one").items()
    assert triples == setup.ref_b[g]


@pytest.mark.parametrize("when", DELAYS, ids=str)
def test_sigkill_leaves_whole_documents_and_the_next_build_repairs(
    setup: Setup, tmp_path: Path, when: float | str
) -> None:
    delay = when if isinstance(when, float) else setup.build_seconds * float(when.rstrip("%")) / 100
    store = tmp_path / "store"
    shutil.copytree(setup.before, store)
    proc = kg_build(store, setup.folder_b)
    time.sleep(delay)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)

    left = doc_graphs(store)
    states = {"a": 0, "b": 0}
    for g, triples in left.items():
        if triples == setup.ref_b.get(g):
            states["b"] += 1
        elif triples == setup.ref_a.get(g):
            states["a"] += 1
        else:
            pytest.fail(f"after SIGKILL at {delay}s, graph {g} is neither a whole old nor a whole new document")
    assert set(setup.ref_a) <= set(left), "an old document vanished"
    print(f"SIGKILL after {delay:.1f}s: {states['a']} old, {states['b']} new, of {N_DOCS} "
          f"(clean build {setup.build_seconds:.1f}s)")

    if when not in REBUILD_AFTER:
        return
    again = kg_build(store, setup.folder_b)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err.decode()
    assert graphs(store) == setup.dataset
