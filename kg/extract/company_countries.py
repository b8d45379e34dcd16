"""The country a report states for a company *at the name*: in its parentheses ("(China)", "(Tokyo,
Japan)"), in a description ("a Japan-based ...", "headquartered in Quebec", "Australian graphite miner"),
in the noun phrase that introduces an enumeration ("Chinese firms like A and B"), or right around one
occurrence ("China-based X", "the Swiss specialist X", "X, a Japan-based ..."). Every reader needs the same
answer to "which country does this label state", and the priorities (attached tag over "X-based" over a
noun phrase) decide between them, so the rules sit in one place; a region or a list of countries gives none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.geo import city_country, country_code, find_places

_BASED_RX = r"([A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*){0,2})-(?:based|headquartered)\b"
_COUNTRY_HQ_RX = re.compile(
    r"\b(?:headquartered|based|domiciled|incorporated)[ \t]+in[ \t]+"
    r"([A-Z][\w.'’]*(?:[ \t](?:of[ \t])?[A-Z][\w.'’]*){0,3})"
)

# Country-evidence priorities: smaller is more explicit. A locative ("A in Japan") may name where a plant
# stands rather than the seat, and a legal form only implies the country, so both yield to anything else.
P_ATTACHED, P_BASED, P_PHRASE, P_LOCATIVE, P_LEGAL = 0, 1, 2, 3, 4

#: "in (the) " and a capital after a run of names: "A, B and C in China", "; C and D in the UK" (a based-in
#: clause's verb left out). Where it starts, ``locative_country`` reads which country.
LOCATIVE_TAIL_RX = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?(?=[A-Z])")


def _seat_country(label: str) -> str | None:
    """The country of a company's seat as "X-based" / "based in X" names it: a country, or a major city or
    province ("Tokyo-based", "based in Quebec")."""
    return country_code(label) or city_country(label)


def _last_seat(label: str) -> tuple[str, int] | None:
    """The seat in the capitalised words before "-based", read from its end, with its offset: a previous
    sentence's last word can precede it ("... in Mozambique. Alabama-based A")."""
    for m in re.finditer(r"(?:^|(?<=[ \t]))\S", label):
        if code := _seat_country(label[m.start():]):
            return code, m.start()
    return None


def country_in(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """The country a short label states: "China", "U.S.", "Tokyo, Japan", "Japan-based"."""
    label = text[start:end]
    stripped = label.strip(" \t;,")
    if not stripped:
        return None
    offset = start + label.index(stripped)
    code = country_code(stripped)
    if code is None and stripped.endswith(".") and (code := country_code(stripped.rstrip("."))):
        stripped = stripped.rstrip(".")
    if code:
        return code, (offset, offset + len(stripped))
    m = re.fullmatch(r"(.+?)-(?:based|headquartered)", stripped)
    if m and (code := _seat_country(m.group(1))):
        return code, (offset, offset + len(m.group(1)))
    # "Tokyo, Japan" / "(formerly B; Japan)": the last comma or semicolon part.
    for sep in (",", ";"):
        if sep in stripped:
            last = stripped.rsplit(sep, 1)[1].strip()
            if last and (code := country_code(last)) is not None:
                pos = offset + stripped.rindex(last)
                return code, (pos, pos + len(last))
    # "(United States; formerly B)": the country first, an aside after the semicolon.
    if ";" in stripped:
        first = stripped.split(";", 1)[0].strip()
        if first and (code := country_code(first)) is not None:
            return code, (offset, offset + len(first))
    return None


def parens_country(text: str, parens: Sequence[tuple[int, int]]) -> tuple[str, tuple[int, int]] | None:
    """The country the first parenthesis that states one gives: "(OTC) (Japan)" -> Japan."""
    for a, b in parens:
        if found := country_in(text, a, b):
            return found
    return None


def country_in_description(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """A country a description states about its subject: "Japan-based ...", "headquartered in Japan",
    or a demonym opening it ("Australian graphite miner", "a Japanese chemical company")."""
    seg = text[start:end]
    for rx in (re.compile(_BASED_RX), _COUNTRY_HQ_RX):
        m = rx.search(seg)
        if m and (code := _seat_country(m.group(1))):
            return code, (start + m.start(1), start + m.end(1))
    lead = re.match(
        r"[ \t]*(?:(?:is|was)[ \t]+)?(?:(?:a|an|the)[ \t]+(?:[a-z-]+[ \t]+){0,2}?)?(?=[A-Z])", seg
    )
    if lead:
        places = find_places(seg[lead.end():lead.end() + 40])
        possessive = places and re.match(r"['\u2019]s\b", seg[lead.end() + places[0].end:])
        if (places and places[0].start == 0 and places[0].place.kind == "country" and places[0].place.iso2
                and not possessive):
            # "India's first anode line": where the company operates, not where it is based.
            p, code = places[0], places[0].place.iso2
            return code, (start + lead.end() + p.start, start + lead.end() + p.end)
    return None


def phrase_country(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """The one country a noun phrase names: "China-based giants", "emerging Chinese manufacturers"."""
    seg = text[start:end]
    found: dict[str, tuple[int, int]] = {}
    for m in re.finditer(_BASED_RX, seg):
        code = country_code(m.group(1))
        if code:
            found.setdefault(code, (start + m.start(1), start + m.end(1)))
    for pm in find_places(seg):
        if re.search(r"\b(?:ex|non)-$", seg[:pm.start]):
            continue  # "ex-China contenders": players from anywhere but China
        if pm.place.kind == "country" and pm.place.iso2:
            found.setdefault(pm.place.iso2, (start + pm.start, start + pm.end))
        elif pm.place.kind != "country":
            return None  # "Asian and European firms": a region, not a country
    if len(found) == 1:
        code, span = next(iter(found.items()))
        return code, span
    return None


#: After a name (and its parentheses): " in Japan", ", the largest independent anode producer in China".
_LOCATIVE_RX = re.compile(
    r"(?:[ \t]*\([^()\n]{1,60}\)){0,3}(?:[ \t]+|,[ \t]+(?:the|a|an)[ \t]+(?:largest|biggest|leading|main|"
    r"top|only|sole|dominant|second[ \t-]largest)[ \t]+(?:[\w-]+[ \t]+){0,4}?(?:producer|maker|manufacturer|"
    r"supplier|company|firm)[ \t]+)(?:in|of)[ \t]+(?:the[ \t]+)?(?=[A-Z])"
)
#: Institutions named "X of <Country>" ("Bank of China", "Aluminum Corporation of China"): the country
#: belongs to the name.
_OF_NAME_HEADS = frozenset({
    "bank", "corporation", "company", "group", "institute", "university", "academy", "ministry",
    "government", "association", "council", "federation", "republic", "organisation", "organization",
    "agency", "authority", "commission", "bureau", "society", "union", "office", "department", "board",
    "chamber", "industries", "industry", "corp", "corp.", "co", "co.", "inc", "inc.", "ltd", "ltd.",
})
_OF_TAIL_RX = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?=[A-Z][^ \t]*(?:[ \t][A-Z][^ \t]*){0,2}$)")


def of_country_head(name: str) -> int | None:
    """Length of the name before an "of <Country>" tail ("HiNa Battery Technology of China" -> the
    firm, then its country), None when the tail is no country or belongs to the name ("Bank of China",
    "Aluminum Corporation of China": an institutional head word)."""
    m = _OF_TAIL_RX.search(name)
    if m is None or m.start() == 0:
        return None
    if country_code(name[m.end():]) is None:
        return None
    head = name[:m.start()].split()
    if not head or head[-1].casefold() in _OF_NAME_HEADS:
        return None
    return m.start()


#: What may follow the country for the locative to be about the name alone: the clause goes on.
_LOCATIVE_END_RX = re.compile(r"[ \t]*(?:[;,.)]|$)|[ \t]+[a-z]")
_PLACE_JOINER_RX = re.compile(r"[ \t]*(?:,|&|/|\band\b|\bor\b)[ \t]*(?:and[ \t]+)?(?:the[ \t]+)?")


def locative_country(text: str, end: int) -> tuple[str, tuple[int, int]] | None:
    """The one country a locative right after a name states: "Resonac (formerly ...) in Japan, JFE
    Chemical in Japan", "Rheinfelden Carbon in Germany supplies ...", "A, the largest anode producer in
    China, ...". A region ("in Europe"), a city or a list of countries ("in China and Japan") gives none."""
    lm = _LOCATIVE_RX.match(text, end, min(len(text), end + 260))
    if lm is None:
        return None
    pos = lm.end()
    places = find_places(text[pos:pos + 40])
    if not places or places[0].start != 0 or places[0].adjective:
        return None
    first = places[0]
    if first.place.kind != "country" or not first.place.iso2:
        return None
    after = pos + first.end
    if text.startswith(("'", "’", "-"), after) or _LOCATIVE_END_RX.match(text, after) is None:
        return None  # "in China's market", "in China-based plants", "in Japan Tobacco"
    joiner = _PLACE_JOINER_RX.match(text, after)
    if joiner and joiner.end() > after and (more := find_places(text[joiner.end():joiner.end() + 40])) \
            and more[0].start == 0:
        return None  # "in China and Vietnam": which is the seat is not said
    return first.place.iso2, (pos, after)


#: Legal forms that exist in one country only: the form states where the company is registered.
_NATIONAL_FORMS = (
    (re.compile(r"\bASA$"), "NO"),
    (re.compile(r"\bOyj?$"), "FI"),
    (re.compile(r"\b(?:K\.K\.|Kabushiki[ \t]+Kaisha)$"), "JP"),
    (re.compile(r"\b(?:Sdn\.?[ \t]+Bhd\.?|Berhad)$"), "MY"),
    (re.compile(r"\bTbk\.?$"), "ID"),
    (re.compile(r"\bSAO[GC]$"), "OM"),
    (re.compile(r"\bB\.?S\.?C\.?(?:[ \t]*\(c\))?$"), "BH"),
    (re.compile(r"\bQP?SC$"), "QA"),
)


def legal_form_country(name: str) -> tuple[str, tuple[int, int]] | None:
    """The country a national legal form closing the name implies ("Example Graphite ASA" -> NO), with
    the form's span in the name. Forms used in several countries (GmbH, A/S, Pty, Pvt) give none."""
    for rx, code in _NATIONAL_FORMS:
        m = rx.search(name)
        if m and m.start() > 0:
            return code, m.span()
    return None


_DESCRIPTOR_NOUNS = r"(?:specialist|group|company|firm|producer|maker|supplier|manufacturer|miner|processor)"
_APPOSED_DEMONYM_RX = re.compile(
    rf",[ \t]+(?:the|a|an)[ \t]+([A-Z][a-z]+)[ \t]+(?:[a-z\-]+[ \t]+){{0,2}}?{_DESCRIPTOR_NOUNS}\b"
)


def context_country(text: str, start: int, end: int) -> tuple[str, tuple[int, int], int] | None:
    """A country stated right next to one occurrence of a name."""
    pm = re.match(r"[ \t]*\(([^()\n]{1,60})\)", text[end:end + 64])
    if pm and (found := country_in(text, end + pm.start(1), end + pm.end(1))):
        return found[0], found[1], P_ATTACHED
    window = text[max(0, start - 40):start]
    bm = re.search(_BASED_RX + r"\s+$", window)
    if bm and (seat := _last_seat(bm.group(1))):
        base = start - len(window) + bm.start(1)
        return seat[0], (base + seat[1], base + len(bm.group(1))), P_BASED
    am = re.match(
        r",?[ \t]+(?:(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,2}?" + _BASED_RX + r"|(?:which[ \t]+is[ \t]+)?"
        r"(?:headquartered|based)[ \t]+in[ \t]+([A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*){0,2}))",
        text[end:end + 120],
    )
    if am:
        g = 1 if am.group(1) else 2
        code = _seat_country(am.group(g))
        if code:
            return code, (end + am.start(g), end + am.end(g)), P_BASED
    # "the Austrian specialist Drayfield Polymer AG": a demonym in a descriptor right before the name.
    dm = re.search(
        r"\b(?:the|a|an)[ \t]+([A-Z][a-z]+)[ \t]+(?:[a-z\-]+[ \t]+)?(?:specialist|group|company|firm|"
        r"producer|maker|supplier|manufacturer)[ \t]+$",
        window,
    )
    demonym = find_places(dm.group(1)) if dm else []
    if dm and demonym and demonym[0].place.kind == "country" and (code := demonym[0].place.iso2):
        base = start - len(window)
        return code, (base + dm.start(1), base + dm.end(1)), P_PHRASE
    # "Vianode, the Norwegian producer whose ...": the same descriptor as an apposition after the name.
    am = _APPOSED_DEMONYM_RX.match(text, end, min(len(text), end + 80))
    demonym = find_places(am.group(1)) if am else []
    if am and demonym and demonym[0].place.kind == "country" and (code := demonym[0].place.iso2):
        return code, (am.start(1), am.end(1)), P_PHRASE
    possessive = re.search(r"\b([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)['’]s[ \t]+$", window)
    if possessive and (code := country_code(possessive.group(1))):
        base = start - len(window)
        return code, (base + possessive.start(1), base + possessive.end(1)), P_PHRASE
    if found := locative_country(text, end):
        return found[0], found[1], P_LOCATIVE
    return None


__all__ = [
    "P_ATTACHED",
    "P_BASED",
    "P_LEGAL",
    "P_LOCATIVE",
    "P_PHRASE",
    "LOCATIVE_TAIL_RX",
    "context_country",
    "country_in",
    "country_in_description",
    "legal_form_country",
    "locative_country",
    "of_country_head",
    "parens_country",
    "phrase_country",
]
