"""Market sizes, growth rates and shares: money and percentages bound to year, scope, segment and holder.

The finders in :mod:`money` and :mod:`rates` are lexical; this package of modules decides, sentence by
sentence (and table by table), which figures are *about the report's market*. Precision comes first: a
figure that is not clearly the market's own becomes a :class:`Statistic`, never a market fact. This module
only walks the document's blocks and hands each to its reader; the rules live by job:

* :mod:`figure_words` -- the market's name as word sets (product head, downstream tail, acronyms);
* :mod:`figure_context` -- the reading state carried from sentence to sentence;
* :mod:`figure_listed` -- the document's own segment lists and players, and their labels as listed;
* :mod:`figure_clauses` -- clause boundaries: which words govern a figure;
* :mod:`figure_attribution` -- whether a clause refers to the market, another market, or neither;
* :mod:`figure_scope` -- the place and segment a clause is about; the report's default scope;
* :mod:`figure_years` -- the year of an amount and its status (actual or forecast);
* :mod:`figure_sizes`, :mod:`figure_growth`, :mod:`figure_shares` (with :mod:`figure_holders`) -- market
  sizes, growth rates and shares in sentences;
* :mod:`figure_lines` -- breakdown lines, cards and unit lines that take their subject from a label;
* :mod:`figure_table_cells` (with :mod:`figure_tables` for the shape) -- figures in tables;
* :mod:`figure_sentence` -- one sentence through all of the above;
* :mod:`figure_dedupe` -- one fact stated several times is one fact with several evidence quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.extract.figure_context import Context
from kg.extract.figure_dedupe import dedupe_growth, dedupe_shares, dedupe_sizes, dedupe_stats
from kg.extract.figure_lines import (
    breakdown_label,
    card_line_start,
    card_subject,
    intro_year,
    label_value_pair,
    unit_line_sizes,
)
from kg.extract.figure_listed import listed_segment, load_listed, use_listed_labels
from kg.extract.figure_scope import apply_default_scope, default_scope, run_in_place
from kg.extract.figure_sentence import ENUMERATOR_RX, read_sentence
from kg.extract.figure_table_cells import read_table
from kg.extract.figure_tables import text_table
from kg.extract.figure_words import MarketWords, market_with_acronyms, words_of
from kg.extract.figure_years import report_base_year
from kg.extract.money import find_exchange_rates
from kg.extract.sentences import Sentence, split_sentences
from kg.models import CompanyMention, GrowthRate, MarketSize, ReportMeta, SegmentMention, Share, Statistic, TextDocument

__all__ = ["Figures", "extract_figures"]


@dataclass
class Figures:
    """Everything :func:`extract_figures` found in one document."""

    market_sizes: list[MarketSize] = field(default_factory=list)
    growth_rates: list[GrowthRate] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)


def extract_figures(
    doc: TextDocument,
    meta: ReportMeta,
    segments: Sequence[SegmentMention] = (),
    companies: Sequence[CompanyMention] = (),
) -> Figures:
    """Market sizes, growth rates and shares of ``doc``'s market; other figures as statistics.

    ``segments`` and ``companies`` are the document's segment lists and named players (when the caller
    has them): a share holder or a clause subject that is one of them is named and typed by the list.
    """
    rates = dict(find_exchange_rates(doc.text))
    rates.update(meta.currency_rates)
    ctx = Context(doc, meta, market_with_acronyms(MarketWords.of(meta), doc.text), rates, report_base_year(meta))
    ctx.default_place, ctx.default_place_text = default_scope(meta)
    load_listed(ctx, segments, companies)
    skip_to = -1
    for i, block in enumerate(doc.blocks):
        if block.boilerplate or i <= skip_to:
            continue
        if block.kind == "table" and block.rows:
            read_table(ctx, i)
            continue
        if block.kind in ("paragraph", "heading") and (tt := text_table(doc, i)) is not None:
            read_table(ctx, i, tt[0], tt[1])
            skip_to = tt[1]
            continue
        if block.kind in ("paragraph", "list_item") and unit_line_sizes(ctx, i):
            continue
        if (pair := label_value_pair(doc, i)) is not None:
            # a term and its value on two lines ("<dt>2024</dt><dd>US$ 104 million</dd>") read as one line;
            # a card's subject sits above its earlier pairs
            ctx.card = card_subject(ctx, i, reach=6)
            end = doc.blocks[i + 1].end
            sent = Sentence(block.start, end, doc.text[block.start : end])
            ctx.line_label = breakdown_label(ctx, i, pair)
            if ctx.line_label is None and ctx.card is not None:
                ctx.line_label = (*ctx.card, card_line_start(pair))
            read_sentence(ctx, sent, pair)
            ctx.line_label = ctx.card = None
            ctx.sentence_no += 1
            skip_to = i + 1
            continue
        ctx.card = card_subject(ctx, i)
        ctx.run_in_place = run_in_place(doc.text[block.start : block.end]) if block.kind == "paragraph" else None
        ctx.run_in_place_no = ctx.sentence_no
        for n_sent, sent in enumerate(split_sentences(doc.text, block.start, block.end)):
            # a numbered item opens a line of its own, also inside a paragraph ("... 3.4 Europe: US$ 61.7 million")
            own_line = n_sent == 0 or ENUMERATOR_RX.match(sent.text) is not None
            ctx.line_label = breakdown_label(ctx, i, sent.text) if own_line else None
            if (
                n_sent > 0
                and ctx.line_label is not None
                and ctx.line_label[1] is None
                and listed_segment(ctx, words_of(ctx.line_label[0])) is None
            ):
                ctx.line_label = None  # the breakdown intro test looks above the block, not inside it
            if ctx.line_label is None and ctx.card is not None:
                ctx.line_label = (*ctx.card, card_line_start(sent.text))
            ctx.line_year = intro_year(doc, i) if ctx.line_label is not None else None
            read_sentence(ctx, sent)
            ctx.line_label = None
            ctx.sentence_no += 1
        ctx.card = None
        ctx.run_in_place = None
    apply_default_scope(ctx)
    use_listed_labels(ctx)
    return Figures(
        market_sizes=dedupe_sizes(ctx.sizes),
        growth_rates=dedupe_growth(ctx.growth),
        shares=dedupe_shares(ctx.shares),
        statistics=dedupe_stats(ctx.stats),
    )
