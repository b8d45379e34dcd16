"""The reading state of one document, carried from sentence to sentence and table to table.

Attribution is not sentence-local: "It is projected to grow at 23%" is the market's only because the
sentence before was; "the region" is the last place subject; a forecast amount without a year takes a
recent sentence's target year; a breakdown line or card lends its label to the figure on it. The
:class:`Context` holds that state together with the facts found so far, so that every reader (sentences,
tables, lines) appends to one place and sees what came before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.figure_words import MarketWords
from kg.extract.geo import Place
from kg.models import GrowthRate, MarketSize, ReportMeta, SegmentKind, Share, Statistic, TextDocument

__all__ = ["Context"]


@dataclass
class Context:
    doc: TextDocument
    meta: ReportMeta
    market: MarketWords
    rates: dict[str, Decimal]
    base_year: int | None
    last_place: Place | None = None
    last_place_text: str | None = None
    last_place_no: int | None = None  # the sentence that named it (a "the country" anaphor looks one back)
    prev_subject: str | None = None
    prev_own: bool = False  # the previous sentence was about the market: "It is projected to ..."
    last_own_no: int | None = None  # the last sentence that referred to the market
    last_foreign_no: int | None = None  # the last sentence that referred to another market
    recent_targets: list[tuple[int, int]] = field(default_factory=list)  # (sentence no, forecast year)
    sentence_no: int = 0
    sizes: list[MarketSize] = field(default_factory=list)
    growth: list[GrowthRate] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    stats: list[Statistic] = field(default_factory=list)
    holder_terms: dict[str, str] = field(default_factory=dict)
    default_place: Place | None = None  # the report's own scope ("Middle East Prebaked Anode Market")
    default_place_text: str | None = None
    segment_keys: dict[tuple[str, ...], tuple[str, SegmentKind]] = field(default_factory=dict)
    segment_labels: dict[tuple[str, ...], str] = field(default_factory=dict)  # key -> label as listed
    company_keys: tuple[tuple[str, ...], ...] = ()  # the document's listed players, as word sequences
    last_year: int | None = None  # the last year the previous sentences named ("in the same year")
    prev_segment: str | None = None  # the one segment the previous sentence gave figures for ("it" may be it)
    last_share_no: int | None = None  # the last sentence that gave a share ("Y takes 31%" shares its basis)
    # a label-colon line of a breakdown ("PVA: €0.49 bn in 2023"): (label, its place or None, end of "Label:")
    line_label: tuple[str, Place | None, int] | None = None
    line_year: int | None = None  # the one year of the breakdown's intro ("By country, 2024:") for its lines
    # the subject of a card in a grid of divs: the heading or short line above it that is just a place or
    # a listed segment ("<h4>Europe</h4><p>CAGR 2025-2034: 33.0%</p>"): (label, its place or None)
    card: tuple[str, Place | None] | None = None
    # the place a paragraph opens with as a run-in label ("Europe. Europe is expected to ...", "EMEA: ..."),
    # and the number of its first sentence
    run_in_place: Place | None = None
    run_in_place_no: int = 0
