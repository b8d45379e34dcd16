"""Money amounts as market reports write them, normalised to millions of their own currency.

Why a hand-written scanner rather than a generic number parser: reports mix "USD 4,700 million",
"US$18.6bn", "$ 300 million", "€1.85 bn", "21.3 thousand million", "Rs. 500 crore" and per-unit prices
("$200 and $400 per ton") in one paragraph, and the extractor must tell a market value from a price.

Rules (each one a decision, not an accident):

* A currency is required (prefix "USD"/"US$"/"$"/"€"/"£"/"¥"/"Rs."..., or suffix "USD"/"dollars"/
  "euros"/"yuan"...). A bare "69 million" is a count, not money. :func:`parse_money` accepts a bare
  amount when the caller knows the currency (a table captioned "USD Million").
* "$" alone means US dollars (the genre's convention); "¥" alone is yen, "RMB ¥"/"CN¥" is yuan.
* Separators: "1,234.5" is English; "1.234,5" (dots then one comma) is European; "1,5" (a comma not
  followed by exactly three digits) is a European decimal. "1.234" stays English (1.234): ambiguous
  forms are read the way the genre writes them.
* Scales: trillion/tn, billion/bn/bln/mrd/b, million/mn/mln/mio/m, thousand million, thousand/k,
  crore (10 million), lakh (0.1 million). No scale means units.
* "$2 to $3 billion": the first amount borrows the second one's scale. "USD 4.5-5.0 billion" is one match
  with ``high_million``. "between $200 and $400 per ton": both amounts are flagged ``per_unit``.
* Hedges ("approximately", "nearly", "over", "more than"...) set ``approximate``; a negative or absurd
  amount (over USD 100 trillion, or zero) is kept but ``plausible=False`` so callers can drop it.
* Conversion to US dollars only at a rate the document states (:func:`find_exchange_rates`); otherwise
  :func:`usd_million` returns None and the currency is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

__all__ = [
    "SCALES",
    "MoneyMatch",
    "exchange_rate_spans",
    "find_exchange_rates",
    "find_money",
    "usd_equivalents",
    "parse_money",
    "parse_number",
    "usd_million",
]


@dataclass(frozen=True)
class MoneyMatch:
    """One amount of money in a text: ``text[start:end] == as_written``."""

    start: int
    end: int
    as_written: str
    currency: str  # ISO 4217
    value_million: Decimal  # in millions of ``currency`` (the low end of a range)
    approximate: bool = False
    high_million: Decimal | None = None  # the high end of "4.5-5.0 billion"
    per_unit: str | None = None  # "ton" for "$400 per ton": a price, never a market size
    plausible: bool = True


# ------------------------------------------------------------------ currencies

_PREFIX_CODES: dict[str, str] = {
    "us$": "USD",
    "u.s.$": "USD",
    "usd": "USD",
    "$": "USD",
    "us dollar": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "hk$": "HKD",
    "hkd": "HKD",
    "s$": "SGD",
    "sgd": "SGD",
    "nt$": "TWD",
    "twd": "TWD",
    "r$": "BRL",
    "brl": "BRL",
    "nz$": "NZD",
    "nzd": "NZD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "cn¥": "CNY",
    "rmb¥": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "元": "CNY",
    "rs.": "INR",
    "rs": "INR",
    "inr": "INR",
    "₹": "INR",
    "krw": "KRW",
    "₩": "KRW",
    "chf": "CHF",
}

_WORD_CODES: dict[str, str] = {
    "us dollars": "USD",
    "us dollar": "USD",
    "u.s. dollars": "USD",
    "u.s. dollar": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "us$": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "pounds sterling": "GBP",
    "pound sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "£": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "¥": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "inr": "INR",
    "won": "KRW",
    "krw": "KRW",
    "swiss francs": "CHF",
    "swiss franc": "CHF",
    "chf": "CHF",
}

_PRE = (
    r"(?P<pre>US\s?\$|U\.S\.\s?\$|USD|US\s?[Dd]ollars?|RMB\s?¥|CN¥|A\$|AU\$|AUD|C\$|CA\$|CAD|HK\$|HKD|S\$|SGD"
    r"|NT\$|TWD|R\$|BRL|NZ\$|NZD|Rs\.?|INR|₹|€|EUR|£|GBP|¥|JPY|RMB|CNY|KRW|₩|CHF|\$)"
)
_NUM = r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_SCALE = (
    r"(?P<scale>thousand\s+million|trillions?|billions?|millions?|thousands?|bn|mn|mln|bln|mio|mrd|tn|crores?"
    r"|lakhs?|lacs?|[kmb])\.?"
)
_POST = (
    r"(?P<post>US\s?dollars?|U\.S\.\s?dollars?|dollars?|USD|US\$|euros?|EUR|pounds?(?:\s+sterling)?|GBP"
    r"|yen|JPY|yuan|renminbi|RMB|CNY|rupees?|INR|KRW|CHF)"
)

_MONEY_RX = re.compile(
    # The characters an amount can start with (the prefixes' first letters, a sign or a digit), tested
    # first: the scan then rejects most positions with one character test instead of ~40 alternatives.
    r"(?=[URCAHSNTBIEGJK$€£¥₹₩\d\-−])"
    r"(?<![\w$€£¥₹₩])(?:"
    + _PRE
    + r"\s?(?P<sign>[-−]\s?)?(?P<num>"
    + _NUM
    + r")(?![\d])(?:\s?(?:-|–|to)\s?(?P<num2>"
    + _NUM
    + r")(?![\d]))?(?:[\s-]?(?i:"
    + _SCALE
    + r"))?(?![\w])"
    + r"|(?P<sign_b>[-−]\s?)?(?P<num_b>"
    + _NUM
    + r")(?![\d])(?:[\s-]?(?i:"
    + _SCALE.replace("?P<scale>", "?P<scale_b>")
    + r"))?\s?(?i:"
    + _POST
    # "for 2031 USD 5,42 Mrd.": a currency code followed by a number prefixes that number; the year before
    # it is no amount
    + r")(?![\w])(?!(?<=USD|EUR|GBP|JPY|CNY|RMB|INR|KRW|CHF|US\$)\s?\d)"
    # "1.08 (USD Billion)": the landing-page style that brackets currency and scale after the number. A
    # four-digit integer there is a year heading ("Market Size 2024 (USD Million)"), never an amount.
    + r"|(?<![\d.,\-–])(?!(?:19|20)\d\d(?![\d.,]))(?P<num_c>"
    + _NUM
    + r")(?![\d])\s?\(\s?(?P<pre_c>US\s?\$|USD|€|EUR|£|GBP|RMB|CNY|JPY|INR)\s?(?i:"
    + _SCALE.replace("?P<scale>", "?P<scale_c>")
    + r")\s?\))"
)

#: Millions of currency per unit of a scale word, as written lower-case ("bn", "crore"; figure_tables' unit
#: headers too).
SCALES: dict[str, Decimal] = {
    "trillion": Decimal(1_000_000),
    "tn": Decimal(1_000_000),
    "billion": Decimal(1000),
    "bn": Decimal(1000),
    "bln": Decimal(1000),
    "mrd": Decimal(1000),  # "Mrd." (Milliarde): a thousand million
    "b": Decimal(1000),
    "thousand million": Decimal(1000),
    "million": Decimal(1),
    "mn": Decimal(1),
    "mln": Decimal(1),
    "mio": Decimal(1),
    "m": Decimal(1),
    "thousand": Decimal("0.001"),
    "k": Decimal("0.001"),
    "000": Decimal("0.001"),  # a table's unit header "USD '000"
    "'000": Decimal("0.001"),
    "’000": Decimal("0.001"),
    "crore": Decimal(10),
    "lakh": Decimal("0.1"),
    "lac": Decimal("0.1"),
}
_UNIT = Decimal("0.000001")  # one unit of currency, in millions

_APPROX_RX = re.compile(
    r"(?:approximately|approx\.?|about|around|nearly|almost|roughly|close\s+to|some|over|more\s+than|above"
    r"|exceeding|under|less\s+than|up\s+to|an?\s+estimated|estimated|circa|~|≈)\s*$",
    re.IGNORECASE,
)
_PER_UNIT_RX = re.compile(
    # "a"/"an"/"each" need a space after them: "$77 million at the rate" is no price per "t"
    r"\s*(?:per\s*|/\s*|(?:a|an|each)\s+)(?:metric\s+|short\s+|long\s+)?"
    r"(?P<unit>tonnes?|tons?|t|mt|kgs?|kilograms?|lbs?|pounds?|units?|kwh|mwh|gwh|wh|barrels?|bbl|lit(?:er|re)s?"
    r"|gallons?|oz|ounces?|pieces?|pcs|cells?|vehicles?|cars?|packs?|modules?|sq\.?\s?m|m2|m²)\b",
    re.IGNORECASE,
)
_NUMBERED_RX = re.compile(r"\b(?:table|figure|fig\.?|exhibit|chart|chapter|section|no\.?|#)\s*$", re.IGNORECASE)
_RANGE_JOIN_RX = re.compile(r"\s*(?:and|to|-|–|—|or)\s*$", re.IGNORECASE)
_MAX_PLAUSIBLE = Decimal(100_000_000)  # USD 100 trillion, in millions: more than world GDP


def parse_number(s: str, decimal_comma: bool = False) -> Decimal | None:
    """A number as written ("1,234.5", "1.234,5", "1,5", "4700", "6 851") as a Decimal; None if it is not
    one. ``decimal_comma`` (the document writes "4,3 %") reads the ambiguous "1.234" as 1234 and "1,234"
    as 1.234."""
    s = s.strip().replace("\u2212", "-")
    if re.fullmatch(r"-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?", s):
        s = re.sub(r"[ \u00a0\u202f]", "", s).replace(",", ".")  # "6 851", "12 020,5": space-grouped thousands
    elif decimal_comma and re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")
    elif decimal_comma and re.fullmatch(r"-?\d+,\d+", s):
        s = s.replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+,\d+", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    elif re.fullmatch(r"-?\d+,\d+", s):
        s = s.replace(",", ".")  # "1,5": a comma not followed by exactly three digits is a decimal comma
    elif not re.fullmatch(r"-?\d+(?:\.\d+)?", s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the patterns above only admit valid decimals
        return None


def _scale_factor(scale: str | None) -> Decimal:
    if not scale:
        return _UNIT
    key = " ".join(scale.lower().rstrip(".").split())
    if key not in SCALES:
        key = key.rstrip("s")
    return SCALES.get(key, _UNIT)


def _currency(prefix: str | None, post: str | None) -> str:
    for raw, table in ((prefix, _PREFIX_CODES), (post, _WORD_CODES)):
        if raw:
            key = " ".join(raw.lower().replace(" ", " ").split())
            key = key.replace("us $", "us$").replace("u.s. $", "u.s.$").replace("rmb ¥", "rmb¥")
            if key in table:
                return table[key]
            if key.startswith("us") and "dollar" in key:
                return "USD"
    return "USD"


def _plausible(value: Decimal, negative: bool) -> bool:
    return not negative and Decimal(0) < value <= _MAX_PLAUSIBLE


def find_money(text: str, decimal_comma: bool = False) -> list[MoneyMatch]:
    """Every amount of money in ``text``, in order; offsets slice to ``as_written``. ``decimal_comma``
    (the document writes "4,3 %", see :func:`decimal_comma`): "USD 1,105 Mrd." is 1.105 thousand million
    and "EUR 1.105 Mio." 1105 million, not the English reading."""
    if decimal_comma:
        return [_reread(m) for m in find_money(text)]
    out: list[MoneyMatch] = []
    for m in _MONEY_RX.finditer(text):
        prefix_form = m.group("num") is not None
        bracket_form = m.group("num_c") is not None
        num = m.group("num") if prefix_form else m.group("num_c") if bracket_form else m.group("num_b")
        scale = m.group("scale") if prefix_form else m.group("scale_c") if bracket_form else m.group("scale_b")
        negative = bool(m.group("sign") if prefix_form else m.group("sign_b"))
        if bracket_form and _NUMBERED_RX.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "Table 5 (USD Million)": a caption's number, not an amount
        value = parse_number(num)
        if value is None:
            continue
        factor = _scale_factor(scale)
        high = None
        if prefix_form and m.group("num2"):
            h = parse_number(m.group("num2"))
            if h is not None and h >= value:
                high = h * factor
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        start = m.start()
        value_million = value * factor
        if negative:
            value_million = -value_million
        unit = _PER_UNIT_RX.match(text, end)
        out.append(
            MoneyMatch(
                start=start,
                end=end,
                as_written=text[start:end],
                currency=_currency(m.group("pre") or m.group("pre_c"), m.group("post")),
                value_million=value_million,
                approximate=bool(_APPROX_RX.search(text[max(0, start - 25) : start])),
                high_million=high,
                per_unit=unit.group("unit").lower() if unit else None,
                plausible=_plausible(value_million, negative),
            )
        )
    return _link_ranges(text, out)


def _link_ranges(text: str, matches: list[MoneyMatch]) -> list[MoneyMatch]:
    """ "$2 to $3 billion": the first borrows the scale; "$200 and $400 per ton": both are prices."""
    out = list(matches)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if (
            b.start - a.end > 6
            or not _RANGE_JOIN_RX.search(text[a.end : b.start])
            or a.currency != b.currency
        ):
            continue
        changes: dict[str, object] = {}
        if b.per_unit and not a.per_unit:
            changes["per_unit"] = b.per_unit
        if not re.search(r"[A-Za-z]\.?$", a.as_written.rstrip()) and re.search(r"[A-Za-z]\.?$", b.as_written):
            # a has no scale word, b has one: scale a by b's factor
            bscale = re.search(r"(?i:" + _SCALE + r")$", b.as_written)
            if bscale is not None:
                factor = _scale_factor(bscale.group("scale"))
                changes["value_million"] = a.value_million / _UNIT * factor
                changes["plausible"] = _plausible(a.value_million / _UNIT * factor, a.value_million < 0)
        if changes:
            out[i - 1] = replace(a, **changes)  # type: ignore[arg-type]
    return out


def parse_money(s: str, default_currency: str | None = None, decimal_comma: bool = False) -> MoneyMatch | None:
    """The single amount written in ``s`` (a table cell, a label); None when there is none or several.

    With ``default_currency`` a bare "1,210 mn", "4700" or "6 851" (space-grouped) is accepted in that
    currency: a table caption or header ("USD Million") often carries the currency and the scale for all
    its cells. ``decimal_comma``: see :func:`parse_number`.
    """
    found = find_money(s)
    if len(found) == 1:
        return _reread(found[0]) if decimal_comma else found[0]
    if found or default_currency is None:
        return None
    m = re.fullmatch(
        r"\s*(?P<sign>[-−]\s?)?(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|" + _NUM + r")"
        r"(?:[\s-]?(?i:" + _SCALE + r"))?\s*",
        s,
    )
    if m is None:
        return None
    value = parse_number(m.group("num"), decimal_comma)
    if value is None:
        return None
    scale = m.group("scale")
    value_million = value * (_scale_factor(scale) if scale else Decimal(1))
    negative = bool(m.group("sign"))
    if negative:
        value_million = -value_million
    return MoneyMatch(
        start=m.start("num") if not negative else m.start("sign"),
        end=m.end(),
        as_written=s[m.start("num") if not negative else m.start("sign") : m.end()].rstrip(),
        currency=default_currency,
        value_million=value_million,
        plausible=_plausible(value_million, negative),
    )


def _reread(m: MoneyMatch) -> MoneyMatch:
    """``m`` with its number read in a decimal-comma document ("EUR 1.105 Mio." is 1105 million)."""
    num = re.search(_NUM, m.as_written)
    if num is None:
        return m
    plain, comma = parse_number(num.group()), parse_number(num.group(), True)
    if plain is None or comma is None or plain == comma or plain == 0:
        return m
    value = m.value_million / plain * comma
    return replace(m, value_million=value, high_million=None, plausible=_plausible(value, value < 0))


@lru_cache(maxsize=8)
def decimal_comma(text: str) -> bool:
    """Whether a document writes decimal commas ("4,3 %", "USD 5,12 Mrd.", "2.871,4"): two or more such
    amounts or percentages and none written the English way ("4.3%", "US$ 1,234.5", "12.46 bn")."""
    euro = sum(1 for _ in _EURO_EVIDENCE_RX.finditer(text))
    return euro >= 2 and _ENGLISH_EVIDENCE_RX.search(text) is None


_CUR_NEAR = r"(?:US\s?\$|USD|EUR|€|\$|£|GBP|CHF)\s?"
_SCALE_NEAR = r"\s?(?:%|(?i:mio|mrd|mn|bn|million|billion)\b)"
_EURO_EVIDENCE_RX = re.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])|" + _CUR_NEAR + r"\d+,\d{1,2}(?![\d.,])"
    r"|(?<![\d.,])\d+,\d{1,2}(?=" + _SCALE_NEAR + r")"
)
_ENGLISH_EVIDENCE_RX = re.compile(
    r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+(?![\d.,])|" + _CUR_NEAR + r"\d+\.\d{1,2}(?![\d.,])"
    r"|(?<![\d.,])\d+\.\d{1,2}(?=" + _SCALE_NEAR + r")"
)


def usd_million(match: MoneyMatch, rates: Mapping[str, Decimal]) -> Decimal | None:
    """The amount in millions of US dollars, or None when the document states no rate for its currency."""
    if match.currency == "USD":
        return match.value_million
    rate = rates.get(match.currency)
    if rate is None or rate <= 0:
        return None
    return (match.value_million * rate).quantize(Decimal("0.0001"))


# "4.8 billion yuan ($676 million)", "€71 million, or about $77 million": an amount and its dollar
# equivalent, written together
_EQUIVALENT_JOIN_RX = re.compile(
    r"\s*(?:\(\s*|,?\s*or\s+|,\s*i\.e\.\s*|\s*[–—-]\s*)"
    r"(?:(?:about|around|roughly|approximately|approx\.|some|nearly|c\.|~)\s*)?$",
    re.IGNORECASE,
)


def usd_equivalents(text: str, matches: list[MoneyMatch]) -> dict[int, MoneyMatch]:
    """For each amount in another currency that is followed at once by its US-dollar equivalent (the
    index of the amount in ``matches``): that equivalent. The pair is one figure, not two."""
    out: dict[int, MoneyMatch] = {}
    for i in range(len(matches) - 1):
        a, b = matches[i], matches[i + 1]
        if a.currency == "USD" or b.currency != "USD" or b.per_unit is not None or b.high_million is not None:
            continue
        if _EQUIVALENT_JOIN_RX.match(text[a.end : b.start]) is None:
            continue
        if re.match(r"\s*per\b|\s*/", text[b.end : b.end + 8], re.IGNORECASE):
            continue  # "$1.085 per euro": a rate, not an equivalent
        out[i] = b
    return out


# ------------------------------------------------------------------ stated exchange rates

_CUR_WORD = (
    r"(?:US\s?\$|U\.S\.\s?\$|USD|US\s?dollars?|U\.S\.\s?dollars?|dollars?|€|EUR|euros?|£|GBP"
    r"|pounds?(?:\s+sterling)?|¥|JPY|yen|RMB|CNY|yuan|renminbi|Rs\.?|INR|rupees?|₹|KRW|won|CHF"
    r"|swiss\s+francs?|\$)"
)
# The first characters of _CUR_WORD (in any case): a lookahead on them lets the scan reject most positions
# with one test instead of thirty case-insensitive words.
_CUR_FIRST = "udegpjyrcikws$\u20ac\u00a3\u00a5\u20b9\u20a9"
_RATE_NUM = r"\d+(?:[.,]\d+)?"
_RATE_RXS = (
    # "1 EUR = 1.08 USD", "1 € = US$1.08", "EUR 1 = USD 1.08", "1 USD = 0.92 EUR", "EUR 1.00 = USD 1.10"
    re.compile(
        r"(?=[1" + _CUR_FIRST + r"])"
        # (the one may carry its decimals: "EUR 1.00 = USD 1.10")
        r"(?:(?<![\d.,])1(?:[.,]0{1,2})?\s*(?P<a1>" + _CUR_WORD + r")"
        r"|(?P<a2>" + _CUR_WORD + r")\s*1(?:[.,]0{1,2})?)(?![\d.,])"
        r"\s*(?:=|equals|is)\s*"
        r"(?:(?P<b1>" + _CUR_WORD + r")\s*)?(?P<n>" + _RATE_NUM + r")(?:\s*(?P<b2>" + _CUR_WORD + r"))?",
        re.IGNORECASE,
    ),
    # "US$1.10 per euro", "USD 1.10/EUR", "7.1 yuan per US dollar", "1.10 US dollars to the euro"
    re.compile(
        r"(?=[\d" + _CUR_FIRST + r"])(?:(?P<b1>"
        + _CUR_WORD
        + r")\s?(?P<n>"
        + _RATE_NUM
        + r")|(?P<n2>"
        + _RATE_NUM
        + r")\s?(?P<b2>"
        + _CUR_WORD
        + r"))\s*(?:per|/|to\s+(?:the|one|a|1)|for\s+(?:one|each|every|a|1)|against\s+the)\s*"
        r"(?:1\s*)?(?P<a1>" + _CUR_WORD + r")",
        re.IGNORECASE,
    ),
)


def _code(word: str | None) -> str | None:
    if not word:
        return None
    key = " ".join(word.lower().split())
    key = key.replace("us $", "us$").replace("u.s. $", "u.s.$")
    if key in _WORD_CODES:
        return _WORD_CODES[key]
    if key in _PREFIX_CODES:
        return _PREFIX_CODES[key]
    if "dollar" in key:
        return "USD"
    return None


_DIGIT = re.compile(r"\d")
# A superset of the characters any rate pattern (here and in report.py) can consume.
_RATE_CHUNK = re.compile(r"[\w\s.,=/:$\u20ac\u00a3\u00a5\u20b9\u20a9]+")
# Every rate statement (here and in report.py) holds a currency word right after a number ("1 EUR",
# "1.10 US dollars") or right before a number or a slash ("US$1.10", "EUR/USD"). These are the words'
# possible beginnings and endings, in any case; a superset, so a run without one holds no statement.
_CUR_STARTS = (
    r"us|u\.s|dollar|eur|gbp|pound|sterling|jpy|yen|rmb|cny|yuan|renminbi|rs|inr|rupee|krw|won|chf|swiss"
    r"|cad|aud|sek|nok|dkk|brl|[$\u20ac\u00a3\u00a5\u20b9\u20a9]"
)
_CUR_ENDS = (
    "usd", "dollar", "dollars", "eur", "euro", "euros", "gbp", "pound", "pounds", "sterling", "jpy", "yen",
    "rmb", "cny", "yuan", "renminbi", "rs", "rs.", "inr", "rupee", "rupees", "krw", "won", "chf", "franc",
    "francs", "cad", "aud", "sek", "nok", "dkk", "brl", "$", "\u20ac", "\u00a3", "\u00a5", "\u20b9", "\u20a9",
)
_NUMBER_THEN_CUR = re.compile(r"\d\s*(?i:" + _CUR_STARTS + ")")
# Searched in the reversed text, so the scan starts at a digit or slash: ~10x faster than a pattern that
# starts with thirty case-insensitive words, which the engine has to try at every position.
_CUR_THEN_NUMBER_REVERSED = re.compile(
    r"[\d/]\s*(?i:" + "|".join(re.escape(w[::-1]) for w in sorted(_CUR_ENDS, key=len, reverse=True)) + ")"
)


def rate_matches(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""Same as ``rx.finditer(text)`` for a rate pattern, but only scans stretches that can hold a match.

    A rate statement holds only ``_RATE_CHUNK`` characters and a currency word next to a number, so a
    run of those characters without such a pair is skipped (nine tenths of a report). The scan of a run
    stops one character past it, which is all the patterns' ``\b`` and ``(?![\d.,])`` look at; offsets
    stay the text's.
    """
    for start, end in _rate_windows(text):
        yield from rx.finditer(text, start, end + 1)


@lru_cache(maxsize=8)
def _rate_windows(text: str) -> tuple[tuple[int, int], ...]:
    """The runs of :func:`rate_matches` that hold a currency word next to a number; cached, the five
    rate patterns share them. Found from the pairs outward, so a text without a pair costs two scans."""
    if _DIGIT.search(text) is None:
        return ()
    n = len(text)
    reversed_text = text[::-1]
    pairs = sorted(
        [m.start() for m in _NUMBER_THEN_CUR.finditer(text)]
        + [n - m.end() for m in _CUR_THEN_NUMBER_REVERSED.finditer(reversed_text)]
    )
    windows: list[tuple[int, int]] = []
    for at in pairs:
        if windows and at < windows[-1][1]:
            continue  # in the run already found
        ahead = _RATE_CHUNK.match(text, at)
        back = _RATE_CHUNK.match(reversed_text, n - 1 - at)
        if ahead is not None and back is not None:  # always: a pair is made of run characters
            windows.append((n - back.end(), ahead.end()))
    return tuple(windows)


def exchange_rate_spans(text: str) -> list[tuple[int, int]]:
    """Where the text states exchange rates: the amounts inside are rates, not values."""
    spans: list[tuple[int, int]] = []
    if _DIGIT.search(text) is None:
        return spans
    for rx in _RATE_RXS:
        for m in rate_matches(rx, text):
            if _code(m.group("a1") or m.groupdict().get("a2")) and _code(m.group("b1") or m.group("b2")):
                spans.append((m.start(), m.end()))
    return sorted(spans)


def find_exchange_rates(text: str) -> dict[str, Decimal]:
    """Exchange rates the text states, as US dollars per one unit of each currency.

    Only explicit statements count ("1 EUR = 1.08 USD", "at an exchange rate of US$1.10 per euro",
    "1 USD = 7.2 CNY"); a rate between two non-dollar currencies is ignored. The first statement per
    currency wins, so a later, differently rounded restatement does not change earlier conversions.
    """
    return dict(_exchange_rates(text))


@lru_cache(maxsize=8)
def _exchange_rates(text: str) -> tuple[tuple[str, Decimal], ...]:
    """Cached: report metadata and the figures both read the whole text's rates."""
    rates: dict[str, Decimal] = {}
    for rx in _RATE_RXS:
        for m in rate_matches(rx, text):
            a = _code(m.group("a1") or (m.groupdict().get("a2")))
            b = _code(m.group("b1") or m.group("b2"))
            raw = m.group("n") or m.groupdict().get("n2")
            n = parse_number(raw) if raw else None
            if a is None or b is None or n is None or n <= 0 or a == b:
                continue
            if b == "USD" and a != "USD":
                rates.setdefault(a, n)
            elif a == "USD":
                rates.setdefault(b, Decimal(1) / n)
    return tuple(rates.items())
