"""One document's extraction: the text rendition in, every fact kind out.

The individual extractors are pure functions over the same ``TextDocument``; this module only orders them
(report metadata first, because figures need the market name and forecast period) and checks the one
invariant every later stage relies on: each quote is exactly its slice of the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.extract.companies import extract_companies
from kg.extract.dynamics import extract_dynamics
from kg.extract.figures import extract_figures
from kg.extract.regions import extract_regions
from kg.extract.report import extract_meta
from kg.extract.sections import outline as build_outline
from kg.extract.segments import extract_segments
from kg.models import DocumentFacts, Evidence, Fact, TextDocument


class EvidenceMismatch(AssertionError):
    """An extractor produced a quote that is not its slice of the text: a bug, never user input."""


def extract_document(doc: TextDocument) -> DocumentFacts:
    meta = extract_meta(doc)
    sections = build_outline(doc)
    segments = extract_segments(doc, sections, meta)
    companies = extract_companies(doc, sections)
    # the segment lists and named players tell the figures which holders are segments and which companies
    figures = extract_figures(doc, meta, segments, companies)
    facts = DocumentFacts(
        source=doc.source,
        meta=meta,
        market_sizes=list(figures.market_sizes),
        growth_rates=list(figures.growth_rates),
        shares=list(figures.shares),
        statistics=list(figures.statistics),
        companies=companies,
        regions=extract_regions(doc, sections),
        segments=segments,
        dynamics=extract_dynamics(doc, sections),
    )
    check_evidence(doc, facts)
    return facts


def _all_evidence(facts: DocumentFacts) -> Iterable[Evidence]:
    groups: list[Iterable[Fact]] = [
        facts.market_sizes, facts.growth_rates, facts.shares, facts.statistics,
        facts.companies, facts.regions, facts.segments, facts.dynamics,
    ]
    for group in groups:
        for fact in group:
            yield from fact.evidence
    for company in facts.companies:
        if company.country_evidence is not None:
            yield company.country_evidence
    if facts.meta.title_evidence is not None:
        yield facts.meta.title_evidence


def check_evidence(doc: TextDocument, facts: DocumentFacts) -> None:
    for ev in _all_evidence(facts):
        if doc.text[ev.start:ev.end] != ev.quote:
            raise EvidenceMismatch(
                f"{doc.source}: quote at {ev.start}-{ev.end} is {doc.text[ev.start:ev.end]!r}, not {ev.quote!r}"
            )
