"""One fact stated several times is one fact with several evidence quotes.

Reports repeat their headline figures (body, FAQ, "Key statistics" recap, a table); each repetition is
evidence for the same fact, not a new one. Sizes are one by scope, segment, year and value (in USD when
known); growth rates by scope, segment and rate (the one with an end year wins); shares by holder and
percentage; statistics by label and value text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from kg.models import Evidence, GrowthRate, MarketSize, Share, Statistic

__all__ = ["dedupe_growth", "dedupe_shares", "dedupe_sizes", "dedupe_stats"]


def _merge_evidence(a: Iterable[Evidence], b: Iterable[Evidence]) -> tuple[Evidence, ...]:
    seen: dict[tuple[int, int], Evidence] = {}
    for e in (*a, *b):
        seen.setdefault((e.start, e.end), e)
    return tuple(sorted(seen.values(), key=lambda e: (e.start, e.end)))


def _key_text(s: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).replace(" segment", " ").split())


def dedupe_sizes(items: list[MarketSize]) -> list[MarketSize]:
    out: dict[tuple[object, ...], MarketSize] = {}
    for x in items:
        value = x.value_usd_million if x.value_usd_million is not None else (x.currency, x.value_million)
        if isinstance(value, Decimal):
            value = value.normalize()
        k = (_key_text(x.scope), _key_text(x.segment), x.year, value)
        if k in out:
            out[k] = out[k].model_copy(update={"evidence": _merge_evidence(out[k].evidence, x.evidence)})
        else:
            out[k] = x
    return _merge_rounded(_merge_converted(list(out.values())))


def _unit(x: MarketSize) -> Decimal | None:
    """The rounding unit of an amount as written, in millions: "USD 1.86 billion" -> 10, "$1,862.4 Mn" -> 0.1."""
    m = re.search(r"(\d[\d,]*)(?:\.(\d+))?", x.value_text or "")
    if m is None or x.value_million is None:
        return None
    number = Decimal(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
    if not number:
        return None
    return abs(x.value_million / number) * Decimal(10) ** -len(m.group(2) or "")


def _merge_rounded(items: list[MarketSize]) -> list[MarketSize]:
    """ "USD 1.86 billion" in a summary table and "$1,862.4 Mn" in the text, for the same scope, segment and
    year: the rounded restatement of one figure (within half its last digit), which the precise one keeps."""
    kept: list[MarketSize] = []
    merged: dict[int, MarketSize] = {}  # index in ``kept`` -> the kept figure with the evidence it absorbed
    units = {id(x): _unit(x) for x in items}
    for x in sorted(items, key=lambda z: units[id(z)] or Decimal(0)):  # finest first (stable: text order)
        ux = units[id(x)]
        twin = None
        if x.currency == "USD" and ux is not None and x.value_usd_million is not None:
            key = (_key_text(x.scope), _key_text(x.segment), x.year)
            twin = next(
                (
                    i
                    for i, y in enumerate(kept)
                    if y.currency == "USD"
                    and y.value_usd_million is not None
                    and (uy := units[id(y)]) is not None
                    and uy < ux
                    and (_key_text(y.scope), _key_text(y.segment), y.year) == key
                    and abs(x.value_usd_million - y.value_usd_million) <= ux / 2
                ),
                None,
            )
        if twin is None:
            kept.append(x)
            continue
        base = merged.get(twin, kept[twin])
        merged[twin] = base.model_copy(update={"evidence": _merge_evidence(base.evidence, x.evidence)})
    survivors = {id(y): merged.get(i, y) for i, y in enumerate(kept)}
    return [survivors[id(x)] for x in items if id(x) in survivors]


def _merge_converted(items: list[MarketSize]) -> list[MarketSize]:
    """ "EUR 412 million" converted at the report's rate (444.96) and the "US$ 445 million" it states
    elsewhere for the same scope, segment and year are one figure: the dollars as stated win."""
    out: list[MarketSize] = []
    for x in items:
        if x.currency != "USD" and x.value_usd_million is not None:
            twin = next((y for y in items if y.currency == "USD" and _same_figure(x, y)), None)
            if twin is not None:
                continue
        if x.currency == "USD":
            for y in items:
                if y.currency == "USD" or y.value_usd_million is None or not _same_figure(y, x):
                    continue
                x = x.model_copy(update={"evidence": _merge_evidence(x.evidence, y.evidence)})
        out.append(x)
    return out


def _same_figure(converted: MarketSize, usd: MarketSize) -> bool:
    a, b = converted.value_usd_million, usd.value_usd_million
    if a is None or b is None or not b:
        return False
    key = (_key_text(converted.scope), _key_text(converted.segment), converted.year)
    return key == (_key_text(usd.scope), _key_text(usd.segment), usd.year) and abs(a - b) <= Decimal("0.005") * abs(b)


def dedupe_growth(items: list[GrowthRate]) -> list[GrowthRate]:
    out: list[GrowthRate] = []
    for x in items:
        for i, y in enumerate(out):
            if (_key_text(x.scope), _key_text(x.segment), x.cagr_percent.normalize()) != (
                _key_text(y.scope),
                _key_text(y.segment),
                y.cagr_percent.normalize(),
            ):
                continue
            if x.end_year is not None and y.end_year is not None and x.end_year != y.end_year:
                continue
            keep = y if y.end_year is not None or x.end_year is None else x
            out[i] = keep.model_copy(update={"evidence": _merge_evidence(y.evidence, x.evidence)})
            break
        else:
            out.append(x)
    return out


def dedupe_shares(items: list[Share]) -> list[Share]:
    out: dict[tuple[str, Decimal], Share] = {}
    for x in items:
        k = (_key_text(x.holder), x.share_percent.normalize())
        if k in out:
            out[k] = out[k].model_copy(update={"evidence": _merge_evidence(out[k].evidence, x.evidence)})
        else:
            out[k] = x
    return list(out.values())


def dedupe_stats(items: list[Statistic]) -> list[Statistic]:
    out: dict[tuple[str, str], Statistic] = {}
    for x in items:
        k = (x.label, x.value_text)
        if k in out:
            out[k] = out[k].model_copy(update={"evidence": _merge_evidence(out[k].evidence, x.evidence)})
        else:
            out[k] = x
    return list(out.values())
