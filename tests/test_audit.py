"""The figure audit: each check on hand-made figures whose right answer is known, and the audit graph."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import BNode, URIRef

from kg.analytics.audit import (
    AUDIT_GRAPH,
    GLOBAL,
    TOTAL,
    Figure,
    Finding,
    Share,
    audit,
    cagr_findings,
    conflict_findings,
    findings_graph,
    implied_cagr,
    part_findings,
    relative_precision,
    share_findings,
    source_findings,
    write_audit,
)
from kg.analytics.graphs import select
from kg.namespaces import sparql_prefixes
from kg.store import open_store

M = "https://w3id.org/anode-kg/id/market/m"
EU = "https://w3id.org/anode-kg/id/geo/europe"
SEG = "https://w3id.org/anode-kg/id/segment/m/type/x"
OBS = "https://w3id.org/anode-kg/id/obs/t/"


def size(
    n: str,
    year: int,
    value: str,
    doc: str = "d1",
    text: str | None = None,
    scope: str = GLOBAL,
    segment: str = TOTAL,
    publisher: str | None = "p1",
) -> Figure:
    return Figure(
        iri=f"{OBS}{n}",
        doc=doc,
        market=M,
        scope=scope,
        segment=segment,
        value=Decimal(value),
        year=year,
        text=text,
        publisher=publisher,
    )


def rate(
    n: str,
    value: str,
    start: int | None,
    end: int | None,
    doc: str = "d1",
    text: str | None = None,
    publisher: str | None = "p1",
) -> Figure:
    return Figure(
        iri=f"{OBS}{n}",
        doc=doc,
        market=M,
        scope=GLOBAL,
        segment=TOTAL,
        value=Decimal(value),
        start=start,
        end=end,
        text=text,
        publisher=publisher,
    )


# ------------------------------------------------------------------ arithmetic


def test_implied_cagr_known_values() -> None:
    assert round(implied_cagr(100, 200, 7), 2) == 10.41  # 2 ** (1/7) = 1.10409
    assert implied_cagr(100, 100, 5) == 0
    assert round(implied_cagr(100, 121, 2), 6) == 10.0
    with pytest.raises(ValueError):
        implied_cagr(0, 100, 3)
    with pytest.raises(ValueError):
        implied_cagr(100, 200, 0)


def test_relative_precision_reads_the_written_digits() -> None:
    assert relative_precision("USD 4,700 million") == pytest.approx(50 / 4700)  # trailing zeros not significant
    assert relative_precision("US$ 5.4 billion") == pytest.approx(0.05 / 5.4)
    assert relative_precision("USD 8,145.12 million") == pytest.approx(0.005 / 8145.12)
    assert relative_precision(None) == 0.0


# ------------------------------------------------------------------ cagr-vs-implied


def test_cagr_disagreement_in_percentage_points() -> None:
    """The sodium-ion pattern: 782.4 (2024) -> 2,860 (2032) implies 17.59 %, the report says 15.7 %."""
    sizes = [size("a", 2024, "782.4", text="USD 782.4 million"), size("z", 2032, "2860", text="USD 2.86 billion")]
    [f] = cagr_findings(sizes, [rate("r", "15.7", 2025, 2032, text="CAGR of 15.7%")])
    assert f.status == "disagrees"
    assert f.period == (2024, 2032)  # no 2025 value: the closest year to the stated start
    assert f.implied == Decimal("17.5891") and f.stated == Decimal("15.7000")
    assert f.difference == Decimal("-1.8891")
    assert set(f.facts) == {OBS + "r", OBS + "a", OBS + "z"}
    assert "1.89 percentage points below" in f.verdict


def test_cagr_prefers_the_stated_start_year_and_allows_rounding() -> None:
    sizes = [
        size("a", 2024, "4620", text="USD 4.62 billion"),
        size("b", 2025, "4910", text="USD 4.91 billion"),
        size("z", 2032, "7380", text="USD 7.38 billion"),
        size("c", 2023, "4700", text="USD 4,700 million"),
        size("y", 2029, "6200", text="US$ 6200 million"),
    ]
    rates = [rate("r1", "5.3", 2025, 2032, text="CAGR of 5.3%"), rate("r2", "4.96", 2022, 2029, text="4.96%")]
    found = {f.facts[0]: f for f in cagr_findings(sizes, rates)}
    assert found[OBS + "r1"].period == (2025, 2032) and found[OBS + "r1"].status == "disagrees"
    assert found[OBS + "r1"].difference == Decimal("-0.6942")
    # r2 starts in 2022: no value then, 2023 is closest; 4,700 -> 6,200 over 6 years implies 4.72 %;
    # "4,700" and "6200" are only good to ±50, so the implied range is about 4.40-5.05 %: consistent.
    assert found[OBS + "r2"].period == (2023, 2029)
    assert found[OBS + "r2"].status == "consistent"


def test_cagr_tie_on_closest_year_takes_the_earlier_and_needs_the_end_year() -> None:
    sizes = [size("a", 2022, "100"), size("b", 2024, "110"), size("z", 2030, "200")]
    [f] = cagr_findings(sizes, [rate("r", "9", 2023, 2030), rate("s", "9", 2023, 2031), rate("t", "9", None, None)])
    assert f.period == (2022, 2030)
    other_doc = [size("a", 2022, "100", doc="d2"), size("z", 2030, "200", doc="d2")]
    assert cagr_findings(other_doc, [rate("r", "9", 2022, 2030)]) == []  # values must come from the same report


# ------------------------------------------------------------------ conflicts, shares, parts


def test_conflicting_values_within_and_across_documents() -> None:
    sizes = [
        size("a", 2023, "4700"),
        size("b", 2023, "4720"),
        size("c", 2023, "4900", doc="d2"),
        size("d", 2024, "100"),
        size("e", 2024, "100.4"),
    ]  # within 0.5 %: one fact, no conflict
    [f] = conflict_findings(sizes, [])
    assert f.status == "conflict" and f.difference == Decimal("200.0000") and f.documents == 2
    assert f.stated == Decimal("4900.0000") and f.compared == Decimal("4700.0000")
    assert "across 2 documents" in f.verdict
    [g] = conflict_findings([], [rate("r", "5.3", 2025, 2032), rate("s", "4.6", 2025, 2032)])
    assert g.unit == "percent" and g.difference == Decimal("0.7000") and "within one document" in g.verdict


def share(
    n: str, holder: str, value: str, basis: str = "revenue", year: int | None = 2024, kind: str = "region"
) -> Share:
    return Share(
        iri=f"{OBS}{n}",
        doc="d1",
        market=M,
        holder=holder,
        holder_kind=kind,
        basis=basis,
        value=Decimal(value),
        year=year,
        holder_label=holder,
        market_label="M",
    )


def test_shares_over_100_same_basis_year_and_kind_only() -> None:
    shares = [
        share("a", "china", "62"),
        share("b", "europe", "50"),
        share("c", "europe", "45"),
        share("d", "usa", "40", basis="capacity"),
        share("e", "x", "90", kind="company"),
        share("f", "japan", "70", year=2023),
    ]
    [f] = share_findings(shares)
    # europe counted once, with its smallest share: 62 + 45 = 107
    assert f.stated == Decimal("107.0000") and f.difference == Decimal("7.0000")
    assert set(f.facts) == {OBS + "a", OBS + "c"}


def test_part_exceeding_whole_same_year() -> None:
    sizes = [
        size("w", 2029, "1000"),
        size("s", 2029, "1500", segment=SEG),
        size("r", 2029, "900", scope=EU),
        size("t", 2030, "5000", scope=EU),
        size("u", 2029, "1004", scope=EU),
    ]  # u within 0.5 %
    [f] = part_findings(sizes)
    assert f.facts == (OBS + "s", OBS + "w") and f.difference == Decimal("500.0000")


# ------------------------------------------------------------------ independent sources


def test_independent_publishers_count_each_publisher_once() -> None:
    sizes = [
        size("a", 2023, "4700", doc="d1", publisher="p1"),
        size("b", 2023, "4710", doc="d2", publisher="p1"),
        size("c", 2023, "4702", doc="d3", publisher="p2"),
        size("d", 2023, "4701", doc="d4", publisher=None),
        size("e", 2023, "5000", doc="d5", publisher="p3"),
    ]
    found = sorted(source_findings(sizes, []), key=lambda f: f.stated or 0)
    assert [(f.publishers, f.documents, f.status) for f in found] == [(3, 4, "corroborated"), (1, 1, "single-source")]


# ------------------------------------------------------------------ the audit graph


def _findings() -> list[Finding]:
    sizes = [size("a", 2024, "782.4"), size("z", 2032, "2860")]
    return audit(sizes, [rate("r", "15.7", 2025, 2032)], [])


def test_findings_graph_is_deterministic_and_has_no_blank_nodes() -> None:
    g1, g2 = findings_graph(_findings()), findings_graph(_findings())
    assert g1.serialize(format="nt") and sorted(g1) == sorted(g2)
    assert not any(isinstance(t, BNode) for triple in g1 for t in triple)
    assert _findings()[0].iri == _findings()[0].iri


def test_write_audit_replaces_the_graph_and_sparql_sees_it() -> None:
    store = open_store("oxigraph:")
    write_audit(store, _findings())
    write_audit(store, _findings()[:1])  # a rerun with fewer findings leaves no stale ones
    assert str(AUDIT_GRAPH) in store.graph_names()
    q = (
        sparql_prefixes("akg", "prov")
        + """
    SELECT DISTINCT ?f ?kind ?diff ?fact WHERE {
      ?f a akg:AuditFinding ; akg:auditKind ?kind ; akg:comparesFact ?fact ; prov:wasGeneratedBy ?run .
      OPTIONAL { ?f akg:difference ?diff }
    }"""
    )
    rows = select(store, q).rows
    assert {str(r[0]) for r in rows} == {str(_findings()[0].iri)}
    assert {str(r[1]) for r in rows} == {"cagr-vs-implied"}
    assert {r[3] for r in rows} == {URIRef(OBS + "a"), URIRef(OBS + "r"), URIRef(OBS + "z")}
    assert {float(r[2].toPython()) for r in rows} == {-1.8891}  # type: ignore[union-attr]
