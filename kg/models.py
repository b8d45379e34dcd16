"""The data contracts between pipeline stages.

Every stage of the one-directional flow (read -> text -> extract -> resolve -> rdf) hands the next one
these pydantic models, so each stage can be tested alone and the contracts are checked at the seams.
Offsets always index the *text rendition* (``TextDocument.text``), never the raw bytes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

BlockKind = Literal["heading", "paragraph", "list_item", "table"]
Status = Literal["actual", "forecast"]
HolderKind = Literal["company", "region", "segment", "application", "other"]
SegmentKind = Literal["type", "application", "end_user"]
DynamicKind = Literal["drivers", "restraints", "opportunities", "challenges", "trends"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """A half-open character range ``[start, end)`` of the text rendition."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


class Evidence(Span):
    """The exact quote a fact rests on; invariant: ``text[start:end] == quote``."""

    quote: str


class Cell(Span):
    """One table cell; ``header`` marks ``<th>`` cells or the first row of a pipe table."""

    header: bool = False


class Block(Span):
    """A structural unit of the text rendition.

    ``level`` is the heading level (1..6) for headings, else None. ``strong`` lists the bold/strong runs
    inside the block (so bold-prefix paragraphs such as "**Drivers:** ..." can be recognised), ``centered``
    marks centred titles, ``rows`` holds a table's cells row by row, ``boilerplate`` flags download links,
    contact details and tables of contents (flagged, never deleted). ``depth`` is a list item's nesting
    (0 for a top-level ``li``, 1 for an ``li`` inside another ``li``'s list; always 0 for other kinds), so
    "Type Outlook" with its sub-items "Natural", "Synthetic" keeps its shape after flattening.
    """

    kind: BlockKind
    level: int | None = None
    strong: tuple[Span, ...] = ()
    centered: bool = False
    rows: tuple[tuple[Cell, ...], ...] = ()
    boilerplate: bool = False
    depth: int = 0  # list nesting of a list_item: 0 top level, 1 inside another item's list, ...


class RawDocument(Frozen):
    """A file as read from disk: decoded, repaired, with front matter split off."""

    source: str  # file name as it lies in the input folder
    path: str
    raw_sha256: str
    encoding: str  # what the bytes were decoded as, e.g. "utf-8", "cp1252"
    repaired: bool = False  # mojibake repaired by ftfy
    # PDF, DOCX, PPTX, ODT/FODT and RTF bodies are the HTML kg.ingest.pdf / docx / pptx / odt / rtf made
    media_type: Literal[
        "text/html",
        "text/markdown",
        "text/plain",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.text-flat-xml",
        "application/rtf",
    ]
    front_matter: dict[str, str] = Field(default_factory=dict)
    body: str  # decoded body without front matter


class TextDocument(Frozen):
    """The text rendition of one document and its blocks (what `kg text DOC` prints)."""

    source: str
    raw_sha256: str
    text_sha256: str
    media_type: str
    encoding: str
    front_matter: dict[str, str] = Field(default_factory=dict)
    text: str
    blocks: tuple[Block, ...]

    def quote(self, start: int, end: int) -> Evidence:
        return Evidence(start=start, end=end, quote=self.text[start:end])


# ---------------------------------------------------------------- extracted facts


class Fact(Frozen):
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class MarketSize(Fact):
    scope: str = "Global"  # "Global", a region or a country, as the vocabulary names it
    scope_as_written: str | None = None
    segment: str | None = None
    year: int
    value_usd_million: Decimal | None  # None when the currency could not be converted
    status: Status
    value_text: str  # the money as written, e.g. "USD 2.86 billion"
    currency: str = "USD"  # ISO 4217 of the figure as written
    value_million: Decimal  # the figure in millions of its own currency


class GrowthRate(Fact):
    scope: str = "Global"
    scope_as_written: str | None = None
    segment: str | None = None
    cagr_percent: Decimal
    start_year: int | None = None
    end_year: int | None = None
    value_text: str


class Share(Fact):
    holder: str
    holder_kind: HolderKind
    share_percent: Decimal
    of: str  # the basis as written: "revenue", "global production volumes", ...
    year: int | None = None
    value_text: str


class Statistic(Fact):
    """A number the document gives that is NOT about its market (EV sales, budgets...): kept, never a market fact."""

    label: str
    value_text: str


class CompanyMention(Fact):
    """One company as named in one document (all its occurrences are the evidence)."""

    name: str  # the spelling, as written
    country: str | None = None  # ISO 3166-1 alpha-2 when the document states it
    country_evidence: Evidence | None = None


class RegionMention(Fact):
    label: str  # as written, e.g. "APAC"
    concept: str  # vocabulary key, e.g. "asia-pacific"


class SegmentMention(Fact):
    kind: SegmentKind
    label: str


class Dynamic(Fact):
    kind: DynamicKind
    title: str


class ReportMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    title_evidence: Evidence | None = None
    publisher: str | None = None
    published: date | None = None
    market: str | None = None  # without "Global", "Market" and years
    # The place the report covers when its title names one ("Middle East Prebaked Anode Market",
    # "... Market in India"): the vocabulary's canonical name; None for a global (or unstated) scope.
    scope: str | None = None
    forecast_period: tuple[int, int] | None = None
    base_year: int | None = None
    currency_rates: dict[str, Decimal] = Field(default_factory=dict)  # stated rates: 1 unit -> USD


class DocumentFacts(BaseModel):
    """Everything extracted from one document, before resolution."""

    model_config = ConfigDict(extra="forbid")

    source: str
    meta: ReportMeta
    market_sizes: list[MarketSize] = Field(default_factory=list)
    growth_rates: list[GrowthRate] = Field(default_factory=list)
    shares: list[Share] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)
    companies: list[CompanyMention] = Field(default_factory=list)
    regions: list[RegionMention] = Field(default_factory=list)
    segments: list[SegmentMention] = Field(default_factory=list)
    dynamics: list[Dynamic] = Field(default_factory=list)


class ResolvedCompany(Frozen):
    """The canonical company a mention resolved to, and why."""

    key: str  # IRI slug, e.g. "resonac"
    name: str  # canonical name
    country: str | None = None  # registry country (ISO alpha-2)
    wikidata: str | None = None  # e.g. "Q11455480"
    reason: str  # e.g. "registry alias 'Showa Denko'", "fuzzy 93 vs 'Rain Carbon'", "new company"
    method: Literal["registry-exact", "registry-alias", "registry-fuzzy", "normalised", "new"]
