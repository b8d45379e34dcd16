"""A hand-mapped graph for the stored-query tests: the gold seeds plus one synthetic report.

Why: the stored queries must be checked on graphs whose content we know exactly, independently of how
well extraction does. ``handmade_graphs()`` turns ``tests/gold/seeds.json`` (the hand-written facts of the
five corpus reports) into pydantic facts, locates each fact's evidence in the document's text rendition
(first case-insensitive occurrence of a telling string, else the title line: any true span is enough for
the queries), adds ``SYNTHETIC``, a made-up second Hard Carbon Anode report that plants known answers
(a figure that conflicts with report 000, a CAGR inconsistent with its own start/end values, a company
spelled differently, a EUR figure), and maps everything with ``kg.rdf.mapping.map_document``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.ingest.text import load
from kg.models import (
    Block,
    CompanyMention,
    DocumentFacts,
    Dynamic,
    Evidence,
    GrowthRate,
    MarketSize,
    RegionMention,
    ReportMeta,
    ResolvedCompany,
    SegmentMention,
    Share,
    Statistic,
    TextDocument,
)
from kg.rdf.iris import ExtractionRun, doc_graph_iri, slug
from kg.rdf.mapping import map_document
from kg.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "gold" / "seeds.json"
CORPUS = ROOT / "data" / "corpus"
RUN = ExtractionRun(version="0.0-test", config_hash="handmade")

SYNTHETIC_TEXT = (
    "Hard Carbon Anode Market Report 2023-2030\n"
    "The global Hard Carbon Anode market was valued at USD 4.9 billion in 2023.\n"
    "The market is projected to grow at a CAGR of 9.0% from 2023 to 2030, reaching USD 7,000 million by 2030.\n"
    "In Europe the market was worth EUR 900 million in 2023.\n"
    "Electric vehicle demand keeps rising. Raw material price volatility remains a restraint.\n"
    "Key players include Kuraray Co. and Stora Enso Oyj.\n"
    "Global EV sales reached 14 million units in 2023.\n"
)


def _find(text: str, *needles: str | None) -> Evidence:
    low = text.lower()
    for needle in needles:
        if needle:
            at = low.find(needle.lower())
            if at >= 0:
                return Evidence(start=at, end=at + len(needle), quote=text[at : at + len(needle)])
    line = text.split("\n", 1)[0]
    return Evidence(start=0, end=len(line), quote=line)


def _number_text(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _seed_facts(doc: TextDocument, seed: dict[str, Any]) -> tuple[DocumentFacts, dict[str, ResolvedCompany]]:
    text = doc.text
    fp = seed["forecast_period"]
    meta = ReportMeta(
        title=seed["title"], publisher=seed["publisher"], market=seed["market"],
        published=date.fromisoformat(seed["published"]) if seed["published"] else None,
        forecast_period=(fp[0], fp[1]) if fp else None,
    )
    sizes = []
    for f in seed["market_sizes"]:
        value = Decimal(str(f["value_usd_million"]))
        written = f"USD {_number_text(f['value_usd_million'])} million"
        sizes.append(MarketSize(
            scope=f["scope"], segment=f["segment"], year=f["year"], value_usd_million=value,
            status=f["status"], value_text=written, value_million=value,
            evidence=(_find(text, _number_text(f["value_usd_million"]), str(f["year"])),),
        ))
    rates = [
        GrowthRate(scope=f["scope"], segment=f["segment"], cagr_percent=Decimal(str(f["cagr_percent"])),
                   start_year=f["start_year"], end_year=f["end_year"], value_text=f"{f['cagr_percent']}%",
                   evidence=(_find(text, f"{f['cagr_percent']}%", "CAGR"),))
        for f in seed["growth_rates"]
    ]
    shares = [
        Share(holder=f["holder"], holder_kind=f["holder_kind"], share_percent=Decimal(str(f["share_percent"])),
              of=f["of"], year=f["year"], value_text=f"{f['share_percent']:g}%",
              evidence=(_find(text, f"{f['share_percent']:g}%", f["holder"]),))
        for f in seed["shares"]
    ]
    companies: list[CompanyMention] = []
    resolved: dict[str, ResolvedCompany] = {}
    for c in seed["companies"]:
        for spelling in c["mentions"]:
            companies.append(CompanyMention(name=spelling, country=c["country"], evidence=(_find(text, spelling),)))
            resolved[spelling] = ResolvedCompany(
                key=slug(c["name"]), name=c["name"], country=c["country"], method="registry-alias",
                reason=f"gold seed: {spelling!r} is {c['name']!r}",
            )
    regions = [RegionMention(label=r, concept=slug(r), evidence=(_find(text, r),)) for r in seed["regions"]]
    segments = [
        SegmentMention(kind=kind, label=label, evidence=(_find(text, label),))
        for kind, labels in seed["segments"].items() for label in labels
    ]
    dynamics = [
        Dynamic(kind=kind, title=title, evidence=(_find(text, title),))
        for kind, titles in seed["dynamics"].items() for title in titles
    ]
    facts = DocumentFacts(source=doc.source, meta=meta, market_sizes=sizes, growth_rates=rates, shares=shares,
                          companies=companies, regions=regions, segments=segments, dynamics=dynamics)
    return facts, resolved


def synthetic() -> tuple[TextDocument, DocumentFacts, dict[str, ResolvedCompany]]:
    text = SYNTHETIC_TEXT
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = TextDocument(source="zz_synthetic.txt", raw_sha256=digest, text_sha256=digest, media_type="text/plain",
                       encoding="utf-8", text=text,
                       blocks=(Block(start=0, end=len(text), kind="paragraph"),))

    def ev(quote: str) -> tuple[Evidence, ...]:
        return (_find(text, quote),)

    facts = DocumentFacts(
        source=doc.source,
        meta=ReportMeta(title="Hard Carbon Anode Market Report 2023-2030", publisher="Synthetic Research",
                        market="Hard Carbon Anode", forecast_period=(2023, 2030), published=date(2024, 1, 15)),
        market_sizes=[
            MarketSize(year=2023, value_usd_million=Decimal("4900"), status="actual", value_text="USD 4.9 billion",
                       value_million=Decimal("4900"), evidence=ev("valued at USD 4.9 billion in 2023")),
            MarketSize(year=2030, value_usd_million=Decimal("7000"), status="forecast",
                       value_text="USD 7,000 million", value_million=Decimal("7000"),
                       evidence=ev("reaching USD 7,000 million by 2030")),
            MarketSize(scope="Europe", scope_as_written="Europe", year=2023, value_usd_million=None,
                       status="actual", value_text="EUR 900 million", currency="EUR",
                       value_million=Decimal("900"), evidence=ev("EUR 900 million in 2023")),
        ],
        growth_rates=[GrowthRate(cagr_percent=Decimal("9.0"), start_year=2023, end_year=2030, value_text="9.0%",
                                 evidence=ev("CAGR of 9.0% from 2023 to 2030"))],
        statistics=[Statistic(label="Global EV sales", value_text="14 million units",
                              evidence=ev("Global EV sales reached 14 million units in 2023."))],
        companies=[
            CompanyMention(name="Kuraray Co.", country="JP", evidence=ev("Kuraray Co.")),
            CompanyMention(name="Stora Enso Oyj", evidence=ev("Stora Enso Oyj")),
        ],
        regions=[RegionMention(label="Europe", concept="europe", evidence=ev("Europe"))],
        dynamics=[
            Dynamic(kind="drivers", title="Electric vehicle demand", evidence=ev("Electric vehicle demand")),
            Dynamic(kind="restraints", title="Raw material price volatility",
                    evidence=ev("Raw material price volatility")),
        ],
    )
    resolved = {
        "Kuraray Co.": ResolvedCompany(key="kuraray", name="Kuraray", country="JP", method="registry-alias",
                                       reason="legal suffix folded: 'Kuraray Co.' -> 'Kuraray'"),
        "Stora Enso Oyj": ResolvedCompany(key="stora-enso", name="Stora Enso", country="FI",
                                          method="normalised", reason="legal suffix 'Oyj' folded"),
    }
    return doc, facts, resolved


def handmade_graphs() -> dict[str, Graph]:
    """Document source -> its mapped named graph (the five seeded reports and the synthetic one)."""
    seeds = json.loads(SEEDS.read_text(encoding="utf-8"))
    out: dict[str, Graph] = {}
    for seed in seeds["documents"]:
        doc = load(CORPUS / seed["source"])
        facts, resolved = _seed_facts(doc, seed)
        out[doc.source] = map_document(doc, facts, resolved, RUN)
    doc, facts, resolved = synthetic()
    out[doc.source] = map_document(doc, facts, resolved, RUN)
    return out


def sized_document(source: str, values: list[int]) -> tuple[TextDocument, DocumentFacts]:
    """A tiny report stating the global 2023 market size once per value (several values: it contradicts itself)."""
    text = "Hard Carbon Anode Market Report\n" + "".join(
        f"Estimate {i}: the market was worth USD {v} million in 2023.\n" for i, v in enumerate(values))
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = TextDocument(source=source, raw_sha256=digest, text_sha256=digest, media_type="text/plain",
                       encoding="utf-8", text=text, blocks=(Block(start=0, end=len(text), kind="paragraph"),))
    sizes = [MarketSize(year=2023, value_usd_million=Decimal(v), status="actual", value_text=f"USD {v} million",
                        value_million=Decimal(v), evidence=(_find(text, f"Estimate {i}: the market was worth "
                                                                        f"USD {v} million in 2023"),))
             for i, v in enumerate(values)]
    meta = ReportMeta(title="Hard Carbon Anode Market Report", market="Hard Carbon Anode")
    return doc, DocumentFacts(source=source, meta=meta, market_sizes=sizes)


def handmade_store_with_sizes(statements: list[tuple[str, int]]) -> Store:
    """An in-memory store holding one document per source, each with its stated global 2023 sizes."""
    by_source: dict[str, list[int]] = {}
    for source, value in statements:
        by_source.setdefault(source, []).append(value)
    store = open_store("memory")
    for source, values in by_source.items():
        doc, facts = sized_document(source, values)
        store.replace_graph(str(doc_graph_iri(source)), map_document(doc, facts, {}, RUN))
    return store
