"""Audit of the figures: do the reports agree with themselves and with each other?

Five checks, each a pure function of plain figures read from the store by SPARQL (so they are unit-tested
on hand-made numbers), producing ``Finding``s that are also written back into the graph:

``cagr-vs-implied``
    A stated CAGR against the CAGR implied by the same document's start and end values for the same
    market/scope/segment: ``(end/start) ** (1/years) - 1``. The end value is the one for the CAGR's end
    year; the start value the one for its start year or, when the report gives none, the year closest to
    it (ties: the earlier), since reports often quote "USD X in 2024 ... CAGR over 2025-2032". The verdict
    is rounding-aware: each number is taken as exact to half a unit of its last written digit (trailing
    zeros of an integer are not significant), and the CAGR "disagrees" only when the stated interval and
    the implied interval do not overlap.
``conflicting-values``
    The same market/scope/segment/year (or CAGR period) with values more than ``SAME_FACT`` apart, within
    one document or across documents.
``shares-over-100``
    Shares of one market on the same basis and year adding past 100 %. Grouped by holder kind as well
    (regions, companies and applications partition a market in different ways), and each holder counted
    once, with its smallest stated share, so a flag means the sum is past 100 % however it is read.
``part-exceeds-whole``
    A segment or region (or country) larger than the whole market (Global, all segments) in the same year.
``independent-sources``
    For each fact (market/scope/segment/year, values within ``SAME_FACT`` of each other) how many
    independent publishers back it: documents of one publisher count once; a document without a known
    publisher counts as a publisher of its own.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg import __version__
from kg.analytics.graphs import label_of, select
from kg.namespaces import AKG, GRAPH, SDMX_ATTRIBUTE, UNIT, bind_prefixes, sparql_prefixes
from kg.rdf.iris import TOTAL_SEGMENT, Key, geo_iri, iri, period_iri
from kg.rdf.mapping import canonical_decimal
from kg.store.base import Store

__all__ = [
    "AUDIT_GRAPH", "KINDS", "SAME_FACT", "Figure", "Finding", "Share", "audit", "audit_activity",
    "cagr_findings", "conflict_findings", "findings_graph", "implied_cagr", "load_figures", "part_findings",
    "relative_precision", "run_audit", "share_findings", "source_findings", "write_audit",
]

AUDIT_GRAPH = URIRef(f"{GRAPH}audit")
"""Named graph of the findings, replaced as a whole on each run."""
SAME_FACT = Decimal("0.005")
"""Two values within 0.5 % of each other state the same fact (rounding, unit conversions)."""
KINDS = (
    "cagr-vs-implied", "conflicting-values", "shares-over-100", "part-exceeds-whole", "independent-sources",
)
GLOBAL = str(geo_iri("Global"))
TOTAL = str(TOTAL_SEGMENT)
PP = Decimal("0.0001")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_PERCENT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*%")


@dataclass(frozen=True)
class Figure:
    """One market size (``year``) or CAGR (``start``/``end``) observation, with the labels to print it."""

    iri: str
    doc: str
    market: str
    scope: str
    segment: str
    value: Decimal
    year: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    publisher: str | None = None
    labels: tuple[tuple[str, str], ...] = ()  # (iri, label) for market, scope, segment, publisher, doc

    @property
    def is_rate(self) -> bool:
        return self.year is None

    def label(self, node: str) -> str:
        return label_of(node, dict(self.labels).get(node))

    @property
    def where(self) -> str:
        seg = "" if self.segment == TOTAL else f", {self.label(self.segment)}"
        return f"{self.label(self.market)}, {self.label(self.scope)}{seg}"

    @property
    def when(self) -> str:
        return str(self.year) if self.year is not None else f"{self.start or '?'}-{self.end or '?'}"

    @property
    def shown(self) -> str:
        """The value as written when known, else the number with its unit."""
        if self.is_rate:
            m = _PERCENT.search(self.text or "")
            return f"{m.group(1)}%" if m else f"{_fmt(self.value)}%"
        if self.text:
            return self.text.strip().rstrip(".,;:")
        return f"USD {_fmt(self.value)} million"


@dataclass(frozen=True)
class Share:
    iri: str
    doc: str
    market: str
    holder: str
    holder_kind: str
    basis: str
    value: Decimal
    year: int | None = None
    holder_label: str = ""
    market_label: str = ""


@dataclass(frozen=True)
class Finding:
    """One audit result; ``facts`` are the observation IRIs it compares."""

    kind: str
    status: str  # disagrees | consistent | conflict | over-100 | exceeds | single-source | corroborated
    subject: str  # what it is about, readable ("Negative Coke, Global, 2030")
    verdict: str
    facts: tuple[str, ...]
    unit: str  # "percent" or "million USD"; a difference of percents is in percentage points
    market: str | None = None
    stated: Decimal | None = None
    implied: Decimal | None = None
    compared: Decimal | None = None
    difference: Decimal | None = None
    period: tuple[int, int] | None = None
    publishers: int | None = None
    documents: int | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def iri(self) -> URIRef:
        """Deterministic: kind + the compared facts (+ the period used), never a counter or a timestamp."""
        key = "\n".join([self.kind, *sorted(self.facts), str(self.period or "")])
        return iri("audit-finding", self.kind, Key(hashlib.sha256(key.encode()).hexdigest()[:16]))

    @property
    def is_problem(self) -> bool:
        return self.status in ("disagrees", "conflict", "over-100", "exceeds")

    def as_dict(self) -> dict[str, object]:
        def num(d: Decimal | None) -> float | None:
            return None if d is None else float(d)

        return {
            "kind": self.kind, "status": self.status, "subject": self.subject, "verdict": self.verdict,
            "stated": num(self.stated), "implied": num(self.implied), "compared": num(self.compared),
            "difference": num(self.difference), "unit": self.unit,
            "period": list(self.period) if self.period else None,
            "publishers": self.publishers, "documents": self.documents,
            "facts": sorted(self.facts), "iri": str(self.iri),
        }


# ------------------------------------------------------------------ arithmetic


def _q(x: float | Decimal, step: Decimal = PP) -> Decimal:
    return Decimal(x).quantize(step, rounding=ROUND_HALF_UP) + 0  # never -0


def _fmt(d: Decimal | float, places: int = 2) -> str:
    """Human form: at most ``places`` decimals, no trailing zeros, thousands separators, never "-0"."""
    q = _q(d, Decimal(1).scaleb(-places))
    text = f"{q:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def implied_cagr(start: Decimal | float, end: Decimal | float, years: int) -> float:
    """The compound annual growth rate, in percent, that takes ``start`` to ``end`` in ``years`` years."""
    if years <= 0 or float(start) <= 0 or float(end) <= 0:
        raise ValueError("an implied CAGR needs positive values and at least one year")
    return (math.exp(math.log(float(end) / float(start)) / years) - 1) * 100


def relative_precision(text: str | None) -> float:
    """Half a unit of the last significant written digit, relative to the number ("4,700" -> 50/4700).

    A number whose text is unknown is taken as exact.
    """
    if not text:
        return 0.0
    m = _NUMBER.search(text)
    if not m:
        return 0.0
    digits = m.group().replace(",", "")
    number = float(digits)
    if number == 0:
        return 0.0
    if "." in digits:
        half = 0.5 * 10 ** -len(digits.split(".")[1])
    else:
        half = 0.5 * 10 ** (len(digits) - len(digits.rstrip("0")))
    return half / number


def _rate_half_unit(f: Figure) -> float:
    """Half a unit of the stated CAGR's last decimal ("15.7%" -> 0.05), from its text or its value."""
    m = _PERCENT.search(f.text or "")
    digits = m.group(1) if m else format(f.value, "f")
    return 0.5 * 10 ** -len(digits.split(".")[1]) if "." in digits else 0.5


# ------------------------------------------------------------------ the checks


def _pick(by_year: dict[int, Figure], wanted: int | None, before: int) -> int | None:
    """The year with a value equal to ``wanted``, else the closest one before ``before`` (ties: earlier)."""
    years = sorted(y for y in by_year if y < before)
    if not years:
        return None
    if wanted is None:
        return years[0]
    return min(years, key=lambda y: (abs(y - wanted), y))


def cagr_findings(sizes: Sequence[Figure], rates: Sequence[Figure]) -> list[Finding]:
    """Each stated CAGR with an end year against the CAGR implied by its own document's values."""
    series: dict[tuple[str, str, str, str], dict[int, Figure]] = defaultdict(dict)
    for s in sorted(sizes, key=lambda f: f.iri):
        if s.year is not None and s.value > 0:
            series[(s.doc, s.market, s.scope, s.segment)].setdefault(s.year, s)
    out = []
    for r in sorted(rates, key=lambda f: f.iri):
        by_year = series.get((r.doc, r.market, r.scope, r.segment), {})
        if r.end is None or r.end not in by_year:
            continue
        y0 = _pick(by_year, r.start, r.end)
        if y0 is None:
            continue
        a, z, n = by_year[y0], by_year[r.end], r.end - y0
        implied = implied_cagr(a.value, z.value, n)
        ra, rz = relative_precision(a.text), relative_precision(z.text)
        lo = implied_cagr(a.value * Decimal(1 + ra), z.value * Decimal(1 - rz), n) if rz < 1 else -100.0
        hi = implied_cagr(a.value * Decimal(1 - ra), z.value * Decimal(1 + rz), n) if ra < 1 else math.inf
        half = _rate_half_unit(r)
        stated = float(r.value)
        agrees = stated + half >= lo and stated - half <= hi
        diff = _q(stated - implied)
        used = f"{y0}-{r.end}"
        stated_period = f"{r.start or '?'}-{r.end}"
        period_note = "" if used == stated_period else f" (for {stated_period})"
        if agrees:
            verdict = (f"consistent: stated CAGR {_fmt(r.value)}%{period_note} vs {_fmt(implied)}% implied "
                       f"by {a.shown} ({y0}) -> {z.shown} ({r.end}) over {used}, {_fmt(diff)} pp, "
                       "within rounding")
        else:
            side = "below" if diff < 0 else "above"
            verdict = (f"the report disagrees with itself: stated CAGR {_fmt(r.value)}%{period_note} is "
                       f"{_fmt(abs(diff))} percentage points {side} the {_fmt(implied)}% implied by "
                       f"{a.shown} ({y0}) -> {z.shown} ({r.end}) over {used}")
        out.append(Finding(
            kind="cagr-vs-implied", status="consistent" if agrees else "disagrees",
            subject=f"{r.where}, CAGR {stated_period}", verdict=verdict, facts=(r.iri, a.iri, z.iri),
            unit="percent", market=r.market, stated=_q(r.value), implied=_q(implied), difference=diff,
            period=(y0, r.end), documents=1,
        ))
    return out


def _clusters(figures: Iterable[Figure]) -> list[list[Figure]]:
    """Figures grouped as one fact when within ``SAME_FACT`` of the group's smallest value (sorted scan)."""
    out: list[list[Figure]] = []
    for f in sorted(figures, key=lambda f: (f.value, f.iri)):
        if out and f.value - out[-1][0].value <= abs(out[-1][0].value) * SAME_FACT:
            out[-1].append(f)
        else:
            out.append([f])
    return out


FactKey = tuple[str, str, str, int | None, int | None, int | None]


def _fact_key(f: Figure) -> FactKey:
    return (f.market, f.scope, f.segment, f.year, f.start, f.end)


def _group(figures: Iterable[Figure]) -> dict[FactKey, list[Figure]]:
    groups: dict[FactKey, list[Figure]] = defaultdict(list)
    for f in figures:
        groups[_fact_key(f)].append(f)
    return groups


def conflict_findings(sizes: Sequence[Figure], rates: Sequence[Figure]) -> list[Finding]:
    """Same market/scope/segment/year (or period) stated with values more than 0.5 % apart."""
    out = []
    for _key, figs in sorted(_group([*sizes, *rates]).items(), key=lambda kv: sorted(f.iri for f in kv[1])):
        clusters = _clusters(figs)
        if len(clusters) < 2:
            continue
        low, high = clusters[0][0], clusters[-1][-1]
        docs = {f.doc for f in figs}
        where = "within one document" if len(docs) == 1 else f"across {len(docs)} documents"
        unit = "percent" if low.is_rate else "million USD"
        diff = _q(high.value - low.value)
        rel = "" if low.is_rate or low.value == 0 else f" ({_fmt(diff / low.value * 100)} %)"
        amount = f"{_fmt(diff)} percentage points" if low.is_rate else f"USD {_fmt(diff)} million{rel}"
        values = "; ".join(f"{c[0].shown} [{c[0].label(c[0].doc)}]" for c in clusters)
        out.append(Finding(
            kind="conflicting-values", status="conflict", subject=f"{low.where}, {low.when}",
            verdict=f"{len(clusters)} different values {where}, apart by up to {amount}: {values}",
            facts=tuple(sorted(f.iri for f in figs)), unit=unit, market=low.market, stated=_q(high.value),
            compared=_q(low.value), difference=diff, documents=len(docs),
        ))
    return out


def share_findings(shares: Sequence[Share]) -> list[Finding]:
    """Shares on one basis and year (per holder kind) adding up past 100 %."""
    groups: dict[tuple[str, str, int | None, str], dict[str, Share]] = defaultdict(dict)
    for s in sorted(shares, key=lambda s: (s.value, s.iri)):
        groups[(s.market, s.basis.strip().lower(), s.year, s.holder_kind)].setdefault(s.holder, s)
    out = []
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or 0, kv[0][3]))
    for (_market, basis, year, kind), holders in ordered:
        total = sum((s.value for s in holders.values()), Decimal(0))
        if total <= 100:
            continue
        parts = sorted(holders.values(), key=lambda s: (-s.value, s.holder_label, s.iri))
        first = parts[0]
        listing = ", ".join(f"{s.holder_label} {_fmt(s.value)}%" for s in parts)
        out.append(Finding(
            kind="shares-over-100", status="over-100",
            subject=f"{first.market_label}, {kind} shares of {basis}, {year or 'year not stated'}",
            verdict=f"{len(parts)} {kind} shares add up to {_fmt(total)}%, "
                    f"{_fmt(total - 100)} percentage points past 100%: {listing}",
            facts=tuple(sorted(s.iri for s in parts)), unit="percent", market=first.market,
            stated=_q(total), compared=Decimal(100), difference=_q(total - 100),
            documents=len({s.doc for s in parts}),
        ))
    return out


def part_findings(sizes: Sequence[Figure]) -> list[Finding]:
    """Segments or regions stated larger than the whole market in the same year."""
    wholes: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for f in sizes:
        if f.scope == GLOBAL and f.segment == TOTAL and f.year is not None:
            wholes[(f.market, f.year)].append(f)
    out = []
    for part in sorted(sizes, key=lambda f: f.iri):
        if (part.scope == GLOBAL and part.segment == TOTAL) or part.year is None:
            continue
        for whole in sorted(wholes.get((part.market, part.year), []), key=lambda f: f.iri):
            if part.value <= whole.value * (1 + SAME_FACT):
                continue
            diff = _q(part.value - whole.value)
            where = "" if part.doc == whole.doc else f" (whole stated in {whole.label(whole.doc)})"
            out.append(Finding(
                kind="part-exceeds-whole", status="exceeds", subject=f"{part.where}, {part.year}",
                verdict=f"{part.shown} for {part.where} in {part.year} exceeds the whole market's "
                        f"{whole.shown}{where} by USD {_fmt(diff)} million",
                facts=(part.iri, whole.iri), unit="million USD", market=part.market, stated=_q(part.value),
                compared=_q(whole.value), difference=diff, documents=len({part.doc, whole.doc}),
            ))
    return out


def source_findings(sizes: Sequence[Figure], rates: Sequence[Figure]) -> list[Finding]:
    """Independent publishers behind each fact (one publisher repeating itself is one source)."""
    out = []
    for _key, figs in _group([*sizes, *rates]).items():
        for cluster in _clusters(figs):
            first = cluster[0]
            publishers = sorted({f.publisher or f.doc for f in cluster})
            names = ", ".join(sorted(first.label(p) for p in {f.publisher or f.doc for f in cluster}))
            docs = len({f.doc for f in cluster})
            n = len(publishers)
            out.append(Finding(
                kind="independent-sources", status="corroborated" if n > 1 else "single-source",
                subject=f"{first.where}, {first.when}: {first.shown}",
                verdict=f"backed by {n} independent publisher{'s' if n != 1 else ''} ({names}) in "
                        f"{docs} document{'s' if docs != 1 else ''}",
                facts=tuple(sorted(f.iri for f in cluster)),
                unit="percent" if first.is_rate else "million USD",
                market=first.market, stated=_q(first.value), publishers=n, documents=docs,
            ))
    return out


def audit(sizes: Sequence[Figure], rates: Sequence[Figure], shares: Sequence[Share]) -> list[Finding]:
    """Every check, in ``KINDS`` order, each sorted by subject then IRI (deterministic)."""
    found = [*cagr_findings(sizes, rates), *conflict_findings(sizes, rates), *share_findings(shares),
             *part_findings(sizes), *source_findings(sizes, rates)]
    return sorted(found, key=lambda f: (KINDS.index(f.kind), f.subject, str(f.iri)))


# ------------------------------------------------------------------ reading the store

_LABELS = """
  OPTIONAL { ?doc dcterms:publisher ?pub . OPTIONAL { ?pub rdfs:label ?pubLabel } }
  OPTIONAL { ?doc dcterms:identifier ?docId }
  OPTIONAL { ?market skos:prefLabel|rdfs:label ?marketLabel }
"""
SIZES = sparql_prefixes("akg", "rdfs", "skos", "prov", "dcterms", "sdmx-dimension", "sdmx-measure") + """
SELECT ?obs ?doc ?market ?scope ?segment ?year ?value (MIN(?t) AS ?text) (MIN(?pub) AS ?publisher)
       (MIN(?pubLabel) AS ?pl) (MIN(?docId) AS ?dl) (MIN(?marketLabel) AS ?ml) (MIN(?sl) AS ?scl)
       (MIN(?gl) AS ?sgl) WHERE {
  ?obs a akg:MarketSizeObservation ; akg:market ?market ; sdmx-dimension:refArea ?scope ;
       akg:segment ?segment ; akg:refYear ?year ; sdmx-measure:obsValue ?value ; prov:hadPrimarySource ?doc .
  OPTIONAL { ?obs akg:reportedValueText ?t }
  OPTIONAL { ?scope rdfs:label ?sl }
  OPTIONAL { ?segment rdfs:label ?gl }
""" + _LABELS + "} GROUP BY ?obs ?doc ?market ?scope ?segment ?year ?value"

RATES = sparql_prefixes("akg", "rdfs", "skos", "prov", "dcterms", "sdmx-dimension", "sdmx-measure") + """
SELECT ?obs ?doc ?market ?scope ?segment ?start ?end ?value (MIN(?t) AS ?text) (MIN(?pub) AS ?publisher)
       (MIN(?pubLabel) AS ?pl) (MIN(?docId) AS ?dl) (MIN(?marketLabel) AS ?ml) (MIN(?sl) AS ?scl)
       (MIN(?gl) AS ?sgl) WHERE {
  ?obs a akg:GrowthRateObservation ; akg:market ?market ; sdmx-dimension:refArea ?scope ;
       akg:segment ?segment ; sdmx-measure:obsValue ?value ; prov:hadPrimarySource ?doc .
  OPTIONAL { ?obs akg:period ?period .
             OPTIONAL { ?period akg:startYear ?start } OPTIONAL { ?period akg:endYear ?end } }
  OPTIONAL { ?obs akg:reportedValueText ?t }
  OPTIONAL { ?scope rdfs:label ?sl }
  OPTIONAL { ?segment rdfs:label ?gl }
""" + _LABELS + "} GROUP BY ?obs ?doc ?market ?scope ?segment ?start ?end ?value"

SHARES = sparql_prefixes("akg", "rdfs", "skos", "prov", "dcterms", "sdmx-measure") + """
SELECT ?obs ?doc ?market ?holder ?kind ?basis ?year ?value (MIN(?hl) AS ?holderLabel)
       (MIN(?marketLabel) AS ?ml) WHERE {
  ?obs a akg:MarketShareObservation ; akg:market ?market ; akg:shareHolder ?holder ; akg:holderKind ?kind ;
       akg:shareBasis ?basis ; sdmx-measure:obsValue ?value ; prov:hadPrimarySource ?doc .
  OPTIONAL { ?obs akg:asOfYear ?year }
  OPTIONAL { ?obs akg:holderLabelAsWritten ?hl }
  OPTIONAL { ?market skos:prefLabel|rdfs:label ?marketLabel }
} GROUP BY ?obs ?doc ?market ?holder ?kind ?basis ?year ?value
"""


def _year(term: object) -> int | None:
    return None if term is None else int(str(term)[:4])


def _figures(store: Store, sparql: str, rate: bool) -> list[Figure]:
    out = []
    for row in select(store, sparql).dicts():
        obs, doc, market, scope, segment = (str(row[k]) for k in ("obs", "doc", "market", "scope", "segment"))
        pub = str(row["publisher"]) if row["publisher"] is not None else None
        labels = {market: label_of(market, row["ml"]), scope: label_of(scope, row["scl"]),
                  segment: label_of(segment, row["sgl"]), doc: label_of(doc, row["dl"])}
        if pub:
            labels[pub] = label_of(pub, row["pl"])
        out.append(Figure(
            iri=obs, doc=doc, market=market, scope=scope, segment=segment,
            value=Decimal(str(row["value"])), text=str(row["text"]) if row["text"] is not None else None,
            year=None if rate else _year(row["year"]),
            start=_year(row["start"]) if rate else None, end=_year(row["end"]) if rate else None,
            publisher=pub, labels=tuple(sorted(labels.items())),
        ))
    return sorted(out, key=lambda f: f.iri)


def load_figures(store: Store) -> tuple[list[Figure], list[Figure], list[Share]]:
    """(market sizes in million USD, CAGRs, shares) as stored; unconverted currencies have no obsValue."""
    shares = []
    for row in select(store, SHARES).dicts():
        obs, holder = str(row["obs"]), str(row["holder"])
        shares.append(Share(
            iri=obs, doc=str(row["doc"]), market=str(row["market"]), holder=holder,
            holder_kind=str(row["kind"]), basis=str(row["basis"]), value=Decimal(str(row["value"])),
            year=_year(row["year"]), holder_label=label_of(holder, row["holderLabel"]),
            market_label=label_of(str(row["market"]), row["ml"]),
        ))
    return _figures(store, SIZES, False), _figures(store, RATES, True), sorted(shares, key=lambda s: s.iri)


def run_audit(store: Store) -> list[Finding]:
    return audit(*load_figures(store))


# ------------------------------------------------------------------ writing the findings back


def audit_activity() -> URIRef:
    return iri("activity/audit", __version__)


def findings_graph(findings: Sequence[Finding]) -> Graph:
    """The audit named graph: one ``akg:AuditFinding`` per finding, generated by one audit activity."""
    g = bind_prefixes(Graph())
    run = audit_activity()
    g.add((run, RDF.type, AKG.AuditRun))
    g.add((run, RDF.type, PROV.Activity))
    g.add((run, RDFS.label, Literal(f"anode-kg figure audit {__version__}")))
    for f in findings:
        node = f.iri
        g.add((node, RDF.type, AKG.AuditFinding))
        g.add((node, RDFS.label, Literal(f"{f.kind}: {f.subject}")))
        g.add((node, AKG.auditKind, Literal(f.kind)))
        g.add((node, AKG.auditStatus, Literal(f.status)))
        g.add((node, AKG.verdict, Literal(f.verdict)))
        g.add((node, PROV.wasGeneratedBy, run))
        g.add((node, SDMX_ATTRIBUTE.unitMeasure, UNIT.PERCENT if f.unit == "percent" else UNIT.MegaCCY_USD))
        if f.market:
            g.add((node, AKG.concernsMarket, URIRef(f.market)))
        for fact in f.facts:
            g.add((node, AKG.comparesFact, URIRef(fact)))
        for prop, value in ((AKG.statedValue, f.stated), (AKG.impliedValue, f.implied),
                            (AKG.comparedValue, f.compared), (AKG.difference, f.difference)):
            if value is not None:
                g.add((node, prop, canonical_decimal(value)))
        for prop, count in ((AKG.independentPublishers, f.publishers), (AKG.documentCount, f.documents)):
            if count is not None:
                g.add((node, prop, Literal(str(count), datatype=XSD.nonNegativeInteger)))
        if f.period:
            p = period_iri(*f.period)
            g.add((node, AKG.periodUsed, p))
            g.add((p, RDF.type, AKG.Period))
            g.add((p, RDFS.label, Literal(f"{f.period[0]}-{f.period[1]}")))
            g.add((p, AKG.startYear, Literal(f"{f.period[0]:04d}", datatype=XSD.gYear)))
            g.add((p, AKG.endYear, Literal(f"{f.period[1]:04d}", datatype=XSD.gYear)))
    return g


def write_audit(store: Store, findings: Sequence[Finding]) -> Graph:
    """Replace the audit graph as a whole, so a rerun never leaves stale findings behind."""
    g = findings_graph(findings)
    store.replace_graph(str(AUDIT_GRAPH), g)
    return g
