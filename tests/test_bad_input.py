"""`kg build` on a folder mixing bad inputs (tests/bad/) with good reports, as a user runs it.

The build runs as a subprocess of the installed ``kg`` on an on-disk Oxigraph store, so stdout, stderr
and the exit code are exactly what a user sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.facts import facts_document
from kg.namespaces import sparql_prefixes
from kg.store import open_store
from kg.store.base import SelectResult, Store
from tests.bad.generate import CORPUS, Expect, long_text, saved_page, write_bad_corpus

KG = str(Path(sys.executable).with_name("kg"))


def run_kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([KG, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=600)


class Mixed:
    """The mixed folder, its expectations, and the finished build's output and store spec."""

    def __init__(self, folder: Path, expect: dict[str, Expect], spec: str,
                 proc: subprocess.CompletedProcess[str]) -> None:
        self.folder, self.expect, self.spec, self.proc = folder, expect, spec, proc

    def store(self) -> Store:
        return open_store(self.spec)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Mixed:
    root = tmp_path_factory.mktemp("bad")
    folder = root / "in"
    expect = write_bad_corpus(folder)
    spec = f"oxigraph:{root / 'store'}"
    return Mixed(folder, expect, spec, run_kg("--store", spec, "build", str(folder)))


def facts_of(store: Store) -> dict[str, dict[str, Any]]:
    """Per-document facts, keyed by source, with the source field blanked so copies compare."""
    out: dict[str, dict[str, Any]] = {}
    for doc in facts_document(store)["documents"]:
        out[doc["source"]] = {**doc, "source": ""}
    return out


@pytest.fixture(scope="module")
def alone() -> dict[str, dict[str, Any]]:
    """Each corpus report built alone into its own store."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(CORPUS.glob("*.txt")):
        with open_store("oxigraph") as store:
            build(store, [path], jobs=1)
            [(_, facts)] = facts_of(store).items()
            out[path.name] = facts
    return out


def test_exit_code_says_some_files_were_rejected(mixed: Mixed) -> None:
    assert mixed.proc.returncode == 1, mixed.proc.stderr


def test_no_traceback_anywhere(mixed: Mixed) -> None:
    for stream in (mixed.proc.stdout, mixed.proc.stderr):
        assert "Traceback" not in stream
        assert "Error:" not in stream  # no exception class names leaking (InputError:, UnicodeDecodeError:)


def test_each_rejected_file_has_one_clear_line(mixed: Mixed) -> None:
    lines = mixed.proc.stderr.splitlines()
    assert all(line.startswith(("rejected: ", "note: ")) for line in lines), lines
    for name, exp in mixed.expect.items():
        mine = [line for line in lines if line.startswith(f"rejected: {name}: ")]
        if exp.outcome == "built":
            assert mine == [], f"{name} should build"
            continue
        assert len(mine) == 1, f"{name}: {mine}"
        problem, sep, hint = mine[0].removeprefix(f"rejected: {name}: ").partition(" -- ")
        assert exp.says in problem
        assert sep and len(hint) > 10, f"{name}: the line must say what to do: {mine[0]}"


def test_summary_counts(mixed: Mixed) -> None:
    built = sum(e.outcome == "built" for e in mixed.expect.values())
    rejected = len(mixed.expect) - built
    assert f"built {built} document(s)" in mixed.proc.stdout
    assert f"{rejected} rejected" in mixed.proc.stdout


def test_documents_in_the_store_are_the_built_files(mixed: Mixed) -> None:
    with mixed.store() as store:
        stored = set(facts_of(store))
    assert stored == {n for n, e in mixed.expect.items() if e.outcome == "built"}


def test_good_reports_give_the_facts_they_give_alone(mixed: Mixed, alone: dict[str, dict[str, Any]]) -> None:
    """Copies of corpus reports, and their UTF-16/cp1252/mojibake re-encodings, give the same facts."""
    with mixed.store() as store:
        got = facts_of(store)
    checked = 0
    for name, exp in mixed.expect.items():
        if exp.same_facts_as:
            assert got[name] == alone[exp.same_facts_as], name
            checked += 1
    assert checked >= 9


def test_a_file_without_facts_builds_with_a_note(mixed: Mixed) -> None:
    assert "note: no-facts.txt: built, but no market size" in mixed.proc.stderr
    assert "note: report-brochure.pdf: built, but no market size" in mixed.proc.stderr


def test_a_text_pdf_is_read() -> None:
    """report-brochure.pdf, a hand-written one-line PDF, was refused before PDF support: now it is read."""
    proc = run_kg("text", str(Path(__file__).resolve().parent / "bad" / "report-brochure.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "Anode market report 2025"


NONSENSE = sparql_prefixes() + """
SELECT ?kind ?value ?year ?quote WHERE {
  VALUES ?kind { akg:MarketSizeObservation akg:GrowthRateObservation akg:MarketShareObservation }
  ?obs a ?kind ; sdmx-measure:obsValue ?value ; prov:wasDerivedFrom/oa:hasSelector/oa:exact ?quote .
  OPTIONAL { ?obs akg:refYear ?year }
}"""


def test_nonsense_figures_are_never_market_facts(mixed: Mixed) -> None:
    with mixed.store() as store:
        result = store.query(NONSENSE)
    assert isinstance(result, SelectResult) and result.rows
    for row in result.dicts():
        kind, value, quote = str(row["kind"]), Decimal(str(row["value"])), str(row["quote"])
        assert value > 0, quote
        assert "nonsense" not in quote.lower(), quote
        if kind.endswith("MarketSizeObservation"):
            assert value < Decimal(100_000_000), quote  # million USD: USD 100 trillion is more than world GDP
            year = int(str(row["year"])[:4])
            assert 1900 <= year <= 2100, quote
        if kind.endswith("GrowthRateObservation"):
            assert value < 100, quote
        if kind.endswith("MarketShareObservation"):
            assert value <= 100, quote


def test_nonsense_document_builds_without_market_facts(mixed: Mixed) -> None:
    with mixed.store() as store:
        facts = facts_of(store)["nonsense-figures.md"]
    assert facts["market_sizes"] == [] and facts["growth_rates"] == [] and facts["shares"] == []


def test_exit_codes_are_documented() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert "1 some rejected" in readme
    help_text = run_kg("build", "--help").stdout
    assert "1 some files were rejected" in " ".join(help_text.split())


# ------------------------------------------------------------------ hostile content


HOSTILE = Path(__file__).resolve().parent / "bad" / "hostile-script.html"
#: what only the markup carries (alert(10) is escaped in the source: it is report text and may appear)
MARKUP_ONLY = ("alert(1)", "alert(2)", "alert(3)", "alert(4)", "alert(5)", "alert(6)", "alert(7)", "alert(8)",
               "alert(9)", "onerror", "onmouseover", "window.__pwned", "evil.example", "<img", "<svg", "<iframe")


def test_text_rendition_drops_markup_and_keeps_text(tmp_path: Path) -> None:
    proc = run_kg("text", str(HOSTILE))
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    for marker in MARKUP_ONLY:
        assert marker not in text, marker
    assert "USD 12.5 billion in 2024" in text
    assert "<script>alert(10)</script> is written as text" in text  # escaped in the source: text, kept


def test_facts_and_export_carry_hostile_text_safely(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'store'}"
    assert run_kg("--store", spec, "build", str(HOSTILE)).returncode == 0
    proc = run_kg("--store", spec, "facts")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)["documents"][0]
    assert [m["value_usd_million"] for m in doc["market_sizes"]] == [12500.0, 25100.0]
    assert not [m for m in MARKUP_ONLY if m in proc.stdout]
    for fmt in ("ttl", "nt", "nq", "jsonld"):
        out = tmp_path / f"g.{fmt}"
        proc = run_kg("--store", spec, "export", "--format", fmt, "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        data = out.read_text("utf-8")
        assert not [m for m in MARKUP_ONLY if m in data]
        if fmt == "jsonld":
            assert json.loads(data)
        else:
            rdf_format = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS}
            assert len(list(ox.parse(data, format=rdf_format[fmt]))) > 100


INJECTION = '"} ; DROP ALL ; INSERT DATA {<a> <b> <c>} ; SELECT * {'


def test_query_parameters_are_bound_not_spliced(mixed: Mixed) -> None:
    """A parameter that would break out of a spliced query is just a company name nobody has."""
    assert (Path(__file__).resolve().parent.parent / "queries" / "company-profile.rq").exists()
    with mixed.store() as store:
        before = len(store)
    proc = run_kg("--store", mixed.spec, "query", "company-profile", "--param", f"company={INJECTION}",
                  "--format", "json")
    assert proc.returncode in (0, 2), proc.stderr
    assert "Traceback" not in proc.stderr
    if proc.returncode == 0:
        assert json.loads(proc.stdout)["results"]["bindings"] == []
    with mixed.store() as store:
        assert len(store) == before  # nothing dropped, nothing inserted


@pytest.mark.slow
def test_big_documents(tmp_path: Path, alone: dict[str, dict[str, Any]]) -> None:
    """A 50 MB saved page with one report in it builds with that report's facts; 12 MB of text is refused."""
    folder = tmp_path / "big"
    folder.mkdir()
    good = sorted(CORPUS.glob("*.txt"))[1].name
    (folder / "saved-page-50mb.html").write_bytes(saved_page())
    (folder / "concatenated-12mb.html").write_bytes(long_text(12_000_000))
    spec = f"oxigraph:{tmp_path / 'store'}"
    proc = run_kg("--store", spec, "build", str(folder))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("rejected: concatenated-12mb.html: is too long for one report")
    with open_store(spec) as store:
        assert facts_of(store)["saved-page-50mb.html"] == alone[good]
