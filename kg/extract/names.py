"""What a company name looks like in a market report, and how enumerations of names split.

Pure string heuristics, no knowledge of any particular company, so they carry over to reports we never
saw. The extractor (:mod:`kg.extract.companies`) decides *where* to look; this module decides whether a
piece of text *is* a name and where one name ends and the next begins.

Why the rules are what they are:

* A name is a run of capitalised tokens ("Hina Battery", "KAIJIN", "3M", "Phillips 66", "eCarbon"), with
  lower-case connectors only between two such tokens ("Bank of X", "Procter & Gamble"), optionally closed
  by legal suffixes that may follow a comma ("Kuraray Co., Ltd."). A lower-case word ends the name,
  which is how "Major players like A and B are investing" stops at "B".
* "and", ",", ";" separate names; "&" does not ("A & B" is usually one firm, and regions such as
  "Middle East & Africa" are rejected as places later). A trailing period is kept only on an
  abbreviation ("Co.", "S.A."), so the text's own spellings ("Sunstone Development Co." in one sentence,
  "... Co" in another) come out as written.
* Up to three parentheses may follow a name ("A Co., Ltd. (OTC) (Japan)", "(formerly B) (Korea)"): an
  abbreviation or former name and the country each get their own. A list line's description may follow a
  dotted leader ("A Corp. (US) ........ lithium foil"), as in plain-text tables of contents.
* A candidate made only of generic words ("Power Tools", "Lithium-Ion Batteries", "Hard Carbon") or of
  places ("Middle East & Africa") is not a company; nor is one containing report vocabulary
  ("Geographic Segmentation", "Company Profiles", "Top Players"). A single unknown word ("Easthope",
  "Carbonorca") passes: that is what company names look like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.figure_words import wordset
from kg.extract.geo import city_country, find_places, lookup_place

# ------------------------------------------------------------------ vocabularies


_LEGAL_FORMS = (
    "Co.,Ltd.", "Co.,Ltd", "Co.", "Co", "Ltd.", "Ltd", "Limited", "Inc.", "Inc", "Incorporated", "Corp.",
    "Corp", "Corporation", "Company", "L.L.C.", "LLC", "LLP", "L.P.", "LP", "PLC", "plc", "AG", "GmbH",
    "S.A.S.", "SAS", "S.A.", "SA", "SE", "N.V.", "NV", "B.V.", "BV", "K.K.", "KK", "Pty.", "Pty", "Oy", "AB",
    "ASA", "A/S", "S.p.A.", "SpA", "S.r.l.", "Srl", "Bhd.", "Bhd", "Berhad", "PJSC", "OJSC", "JSC", "Tbk",
    "Pvt.", "Pvt", "AS", "ApS", "C.V.", "CV", "B.S.C.", "BSC", "SAOG", "Sdn", "KGaA", "OOO", "Pte.", "Pte",
    "a.s.", "s.r.o.",
)
#: Legal forms (folded) plus the organisational words that close a name the same way.
LEGAL_SUFFIXES: frozenset[str] = frozenset(s.casefold() for s in (*_LEGAL_FORMS, "Holdings", "Group"))
#: Abbreviations whose final period belongs to the name.
_ABBREV = frozenset(s for s in LEGAL_SUFFIXES if s.endswith(".")) | {
    "bros.", "intl.", "mfg.", "ind.", "st.",
    # abbreviated words of registered names: "Shanghai Example New Energy Tech. Co.", "Sci. & Tech."
    "tech.", "sci.", "chem.", "elec.", "eng.", "dev.", "equip.", "mat.", "natl.",
}

#: Capitalised at a sentence start, never the first word of a name.
_FUNCTION_WORDS = wordset("""
which what who whom whose where when why how these those this that they their them its it we our us you
some all both each such many most several few there here however while although though also further
furthermore moreover additionally meanwhile in on at as for with from into by to the a an and or but if
then thus hence since because after before during among between other another one two three four five
according based following including like unlike despite given overall notably similarly likewise
nobody everybody everyone someone somebody anyone anybody none nothing
about
""")

#: Lower-case words allowed between two capitalised tokens of one name.
_CONNECTORS = frozenset({"of", "de", "du", "des", "la", "le", "von", "van", "der", "den", "del", "da", "di",
                         "y", "et", "und", "für", "the", "&", "and"})

#: Any of these words makes a candidate report vocabulary, not a company; the last lines hold the back
#: matter of a report ("DISCLAIMER") and the field labels of company profiles ("Headquarters: ...",
#: "Founded: 1926"), which stand on lines of their own just as names do.
_REPORT_WORDS = wordset("""
market markets segmentation segment segments analysis analyses overview forecast forecasts report reports
chapter chapters section faq faqs dynamics drivers driver restraints restraint opportunities opportunity
challenges challenge trends trend outlook scope methodology insights insight landscape profiles profile
profiled share shares revenue revenues cagr table contents type types application applications region
regions regional geographic geography geographical tier list key top leading major players player
companies manufacturers vendors suppliers producers participants competitors sales price prices pricing
demand growth size others other etc total summary conclusion conclusions introduction appendix by vs
definition highlights findings recommendations statistics overall estimates share estimated projected
billion million usd percent year years period question questions answer answers download sample toc
disclaimer disclaimers copyright glossary abbreviations acronyms references bibliography annex contact contacts
headquarters headquartered founded website employees note notes source sources
license licence licenses licences licensing
privacy cookie cookies terms sitemap subscribe unsubscribe login
""")

#: Generic domain and business words: a candidate made only of these (and places) is not a name.
_GENERIC_WORDS = wordset("""
carbon carbons graphite graphites anode anodes cathode cathodes battery batteries material materials hard
soft natural artificial synthetic silicon lithium sodium ion ions li na energy storage power consumer
electronics electronic electric vehicle vehicles ev evs coke cokes petroleum needle coal based resin
biomass polymer polymers tools tool medical instruments instrument research institutions institutes
manufacturer provider providers system systems automotive industrial industry industries aerospace grid
mobile devices device new advanced high low purity grade bottom side negative positive pitch tar
aluminum aluminium electrolysis smelting production capacity product products specifications performance
innovation innovations strategic strategy strategies collaboration collaborations partnership
partnerships development developments expansion acquisition acquisitions mergers merger investment
investments technology technologies solution solutions application end user users use supply chain
chains cost costs regulation regulations environmental sustainability recycling infrastructure
company global international regional local domestic emerging established various several many
chemicals chemical metals metal cells cell packs pack module modules equipment services service
solid state fuel hybrid plug-in portable stationary utility utilities residential commercial
""")

#: Public name of the generic-word vocabulary.
GENERIC_WORDS = _GENERIC_WORDS

_LEGAL_RX = "|".join(sorted((re.escape(s) for s in _LEGAL_FORMS), key=len, reverse=True))

# A token of a name: starts with a capital or a digit (and then holds a letter: "3M", not "2023"), or is
# camel-cased ("eCarbon"); may hold letters, digits and ' - . / + inside.
_TOKEN = r"(?:[A-Z](?:[\w'’\-./+]|&(?=[A-Z]))*|\d+[A-Za-z][\w'’\-./+]*|[a-z]+[A-Z][\w'’\-./+]*)"
_NUMBER_TOKEN = r"\d{1,4}(?![\w%])"
_SP = r"[ \t\u00a0]+"
_CONN = r"(?:of|de|du|des|la|le|von|van|der|den|del|da|di|y|et|und|für|the|&)"
#: One name: tokens, numbers after the first token ("Phillips 66"), inner connectors, legal-suffix tail.
NAME_RX = re.compile(
    rf"{_TOKEN}(?:(?:{_SP}{_CONN})?{_SP}(?:{_TOKEN}|{_NUMBER_TOKEN}))*"
    rf"(?:[ \t]*,[ \t]*(?:{_LEGAL_RX})(?![\w]))*"
    rf"(?:{_SP}plc(?![\w]))?"  # "Penrick plc": the one legal form written in lower case
)
#: A descriptor before a name in an enumeration: "... and the Austrian specialist Drayfield Polymer AG".
_DESCRIPTOR_RX = re.compile(
    r"(?:the|a|an)[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:[a-z\-]+[ \t]+)?"
    r"(?:specialist|group|company|firm|producer|maker|supplier|manufacturer|start-?up|newcomer)[ \t]+(?=[A-Z])"
)
_SEP_RX = re.compile(
    r"[ \t]*(?:[,;][ \t]*(?:and|&)[ \t]+|,[ \t]*|[ \t]+and[ \t]+|[ \t]*;[ \t]*)"
)
_STOP_RX = re.compile(r"(?:etc\b|among(?:st)? others|and (?:many )?others?\b|others?\b|amongst)", re.I)
_APPOSITIVE_RX = re.compile(r"(?:a|an|the|one of|which|who|whose|headquartered|based|known|formerly|with)\b")
#: Also a bracketed two-letter country code, as supplier lists in tenders write it: "Kobo Denki K.K. [JP]".
_PAREN_RX = re.compile(r"[ \t]*(?:\(([^()\n]{1,60})\)|\[([A-Z]{2})\])")
#: At most this many parentheses in a row after one name: "A Co., Ltd. (formerly B) (Japan)".
_MAX_PARENS = 3
_LOCATIVE_RX = re.compile(r"[ \t]+(?:(?:based|headquartered)[ \t]+)?(?:in|from)[ \t]+(?:the[ \t]+)?(?=[A-Z])")
_REGION_WORD_RX = re.compile(r"[ \t]+(?:region|regions|area|market)\b")

# ------------------------------------------------------------------ shape tests


def tokens(name: str) -> list[str]:
    """Words of a name, split on spaces and hyphens, punctuation stripped ("Lithium-Ion" -> 2 words)."""
    return [t for t in re.split(r"[\s\-/]+", name) if t.strip(".,;:()'’\"")]


def _bare(token: str) -> str:
    return token.strip(".,;:()'’\"").casefold()


def has_legal_suffix(name: str) -> bool:
    """True when the name ends with a legal form ("Co., Ltd.", "LLC", "Corporation")."""
    words = name.replace(",", " ").split()
    return bool(words) and words[-1].casefold() in LEGAL_SUFFIXES and len(words) > 1


def is_place(name: str) -> bool:
    """A region, country or demonym written on its own ("Middle East & Africa", "Chinese")."""
    if lookup_place(name) is not None:
        return True
    matches = find_places(name)
    covered = sum(m.end - m.start for m in matches)
    rest = re.sub(r"[\s&,]|\band\b", "", name)
    return bool(matches) and covered >= len(rest)


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces and final punctuation; keep the period of an abbreviation."""
    while start < end and text[start] in " \t\u00a0\"'“‘(":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0,;:\"'”’)":
        end -= 1
    if end > start and text[end - 1] == ".":
        last = text[start:end].split()[-1]
        if not (last.casefold() in _ABBREV or re.fullmatch(r"(?:[A-Za-z]\.){2,}", last)):
            end -= 1
    return start, end


_BASED_PREFIX_RX = re.compile(r"[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?-(?:based|headquartered)[ \t]+(?=[A-Z\d])")


def skip_place_possessive(text: str, start: int, end: int) -> int:
    """Start of a name past a leading "Japan's " or "Beijing-based " (the place is context, not part of
    the name: no firm is called "Beijing-based ...")."""
    if (bm := _BASED_PREFIX_RX.match(text, start, end)) is not None:
        return bm.end()
    if text.find("'", start, end) < 0 and text.find("’", start, end) < 0:
        return start  # no possessive (most names): skip the slice and the pattern
    m = re.match(r"([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)['’]s[ \t]+(?=\S)", text[start:end])
    if m and (is_place(m.group(1)) or city_country(m.group(1))):  # "Quebec's", "Ontario's": a province
        return start + m.end()
    return start


def sentence_cut(text: str, start: int, end: int) -> int:
    """End of a name match cut at a sentence break inside it ("Carbonorca. The top five" -> "Carbonorca.").

    A period followed by a space ends the name unless it closes an abbreviation ("Co.", "S.A.") that is not
    followed by a sentence-opening word ("Jining Carbon Group Co. The market" stops after "Co.").
    """
    if text.find(".", start, end) < 0:
        return end  # no period (most names): skip the slice and the pattern
    for m in re.finditer(r"\.(?=[ \t\u00a0]+(\S+))", text[start:end]):
        dot = start + m.start()
        before = text[start:dot + 1].split()[-1]
        abbrev = before.casefold() in _ABBREV or re.fullmatch(r"(?:[A-Za-z]\.){2,}", before)
        if not abbrev or _bare(m.group(1)) in _FUNCTION_WORDS:
            return dot + 1
    return end


def is_name_shape(name: str) -> bool:
    """The whole string is one name: :data:`NAME_RX`, or a name continued by a generic "and" piece
    ("Imerys Graphite and Carbon", see :func:`generic_and_tail`)."""
    if NAME_RX.fullmatch(name):
        return True
    for m in _AND_RX.finditer(name):
        if NAME_RX.fullmatch(name[:m.start()]) and generic_and_tail(name, m.start(), len(name)) == len(name):
            return True
    return False


_CO_LTD_RX = re.compile(r",?[ \t]*Co\.?,?[ \t]+Ltd\.?$")


def _registered_form(words: list[str]) -> bool:
    """A full registered name ending in "Co., Ltd." whose first word is not a report word ("Jinan Bright
    Share Holding Co., Ltd."): a word such as "share" or "holding" is then the company's own."""
    name = " ".join(words)
    return bool(_CO_LTD_RX.search(name)) and len(words) >= 5 and _bare(words[0]) not in _REPORT_WORDS


#: A name closed by a hyphenated participle ("Kuraray-affiliated pilot lines", "a Toyota-backed start-up"):
#: firms capitalise both halves of a hyphenated name ("Li-Metal"), so a lower-case "-...ed" is an adjective.
_PARTICIPLE_TAIL_RX = re.compile(r"[A-Za-z\d]-(?:[a-z]+-)*[a-z]{2,}ed$")


@lru_cache(maxsize=65536)  # pure; a name is tested at each of its occurrences
def looks_like_company(name: str, *, country_stated: bool = False) -> bool:
    """Shape test for one candidate name (as written, already trimmed).

    ``country_stated``: the text attaches a country to it ("Emirates Global Aluminium (UAE)"), which
    segments and regions never get, so a name made of generic words and places is accepted then.
    """
    name = name.strip()
    if not (2 <= len(name) <= 80) or not is_name_shape(name):
        return False
    if name[-1] in ":?!" or sentence_cut(name, 0, len(name)) != len(name):
        return False
    words = tokens(name)
    if _bare(words[0]) in _FUNCTION_WORDS:
        return False
    if _PARTICIPLE_TAIL_RX.search(name):
        return False  # "Kuraray-affiliated", "Toyota-backed": an adjective made from a name, not a firm
    core = [w for w in words if _bare(w) not in LEGAL_SUFFIXES] or words
    if not core or len(core) > 8:
        return False
    bare = [_bare(w) for w in words]
    if any(b in _REPORT_WORDS for b in bare) and not _registered_form(words):
        return False
    if re.fullmatch(r"[\d\s.,%]+", name):
        return False
    placename = re.sub(r"['’]s$", "", name)  # "China's lead rests on ...": a place's possessive
    if is_place(placename) or city_country(placename):
        return False  # "Tokyo" on a company card's address line is a place, not a company
    # Everything generic once places are set aside ("Asian Battery Materials", "Resin-Based Hard Carbon")?
    placeless = name
    for m in reversed(find_places(name)):
        placeless = placeless[:m.start] + " " + placeless[m.end:]
    rest = [_bare(w) for w in tokens(placeless) if _bare(w) not in _CONNECTORS]
    if not rest:
        return False
    if has_legal_suffix(name) or country_stated:
        return True
    return not all(w in _GENERIC_WORDS or w.rstrip("s") in _GENERIC_WORDS for w in rest)


# ------------------------------------------------------------------ enumerations

_AND_RX = re.compile(r"[ \t]+and[ \t]+")


def generic_and_tail(text: str, pos: int, end: int) -> int | None:
    """End of an "and ..." that continues the name ending at ``pos`` rather than starting another one.

    "Imerys Graphite and Carbon", "Hudson Carbon and Graphite Inc.": a piece after "and" made only of
    generic domain words (at most three, optionally closed by a legal form) cannot be a company on its
    own, so it belongs to the name before it. A piece with any distinctive word or place ("and Graphite
    India Limited", "and BTR") starts a new name, and so does anything after a name closed by a legal form
    ("Cuberg, Inc. and Li-Metal Corp.").
    """
    am = _AND_RX.match(text, pos, end)
    if am is None:
        return None
    before = text[max(0, pos - 40):pos].replace(",", " ").split()
    if before and _bare(before[-1]) in LEGAL_SUFFIXES:
        return None  # "Cuberg, Inc. and Li-Metal Corp.": a legal form closes the name before "and"
    nm = NAME_RX.match(text, am.end(), end)
    if nm is None:
        return None
    cut = sentence_cut(text, nm.start(), nm.end())
    s, e = trim_name(text, nm.start(), cut)
    piece = text[s:e]
    if e <= s or find_places(piece) or re.search(r"\b[A-Z][A-Za-z]*-[A-Z]", piece):
        return None  # a coined compound of capitalised halves ("Li-Metal Corp.") is a name of its own
    core = [_bare(w) for w in tokens(piece) if _bare(w) not in LEGAL_SUFFIXES]
    if not core or len(core) > 3:
        return None
    if not all(w in _GENERIC_WORDS or w.rstrip("s") in _GENERIC_WORDS or w in _ACTIVITY_WORDS for w in core):
        return None
    return e


#: Business activities that close registered names after "and" ("... Carbon Science and Trading Co., Ltd.",
#: "... Import and Export Co."): no firm is called by one of them alone.
_ACTIVITY_WORDS = frozenset({
    "trading", "trade", "commerce", "science", "sciences", "engineering", "development", "import", "export",
    "manufacturing", "investment", "services", "sales", "marketing", "logistics", "mining", "processing",
})


def name_end(text: str, start: int, end: int) -> int | None:
    """Where the name opening at ``start`` ends: :data:`NAME_RX`, cut at a sentence break inside it, and
    continued by a generic "and" piece ("Qingyuan Hengda Graphite Science and Technology Co., Ltd.").
    None when no name opens there. Untrimmed: pass the span to :func:`trim_name`."""
    m = NAME_RX.match(text, start, end)
    if m is None:
        return None
    cut = sentence_cut(text, m.start(), m.end())
    if cut == m.end() and (joined := generic_and_tail(text, cut, end)) is not None:
        cut = joined
    return cut


def _skip_locative(text: str, pos: int, limit: int | None = None) -> int:
    """Past " in Europe" / " from the Gulf region" after a name, when a place follows the preposition.

    Reads nothing at or past ``limit`` (default: the end of the text).
    """
    limit = len(text) if limit is None else limit
    lm = _LOCATIVE_RX.match(text, pos, limit)
    if lm is None:
        return pos
    places = find_places(text[lm.end():min(lm.end() + 60, limit)])
    if not places or places[0].start != 0:
        return pos
    end = lm.end() + places[0].end
    rm = _REGION_WORD_RX.match(text, end, limit)
    return rm.end() if rm else end


def parentheses(text: str, pos: int, end: int) -> tuple[tuple[tuple[int, int], ...], int]:
    """The parentheses right after a name ("(OTC) (Japan)", "(formerly B) (South Korea)"): the spans of
    their insides and the position after the last one. A name may carry an abbreviation or a former name
    as well as its country, each in a parenthesis of its own."""
    spans: list[tuple[int, int]] = []
    while len(spans) < _MAX_PARENS and (pm := _PAREN_RX.match(text, pos, end)):
        group = pm.lastindex or 1
        spans.append((pm.start(group), pm.end(group)))
        pos = pm.end()
    return tuple(spans), pos


@dataclass(frozen=True)
class NameSpan:
    """One name found by :func:`split_enumeration`; offsets index the text passed in."""

    start: int
    end: int
    paren: tuple[int, int] | None = None  # the text inside the first parenthesis right after the name
    parens: tuple[tuple[int, int], ...] = ()  # every parenthesis right after the name (the first included)

    @property
    def after(self) -> int:
        """Where the name and its parentheses end."""
        return self.parens[-1][1] + 1 if self.parens else self.end


def split_enumeration(
    text: str, start: int = 0, end: int | None = None, *, locatives: bool = True
) -> list[NameSpan]:
    """Names of an enumeration beginning at ``start``: "A, B Co., Ltd. (China), C and D, etc.".

    Stops at the first piece that is not a name (a lower-case word, a number, the end of the sentence).
    Appositions ("A, a major supplier of X, and B") and locatives ("A in Europe and B") are skipped.
    ``locatives=False`` stops at a locative instead (for a caller that reads "A and B in China" as a
    statement about A and B). Returns spans in text order; shape filtering is left to the caller.
    Nothing at or past ``end`` is read (every match is bounded by it), without copying the text: callers
    pass a whole long report.
    """
    end = len(text) if end is None else min(end, len(text))
    out: list[NameSpan] = []
    pos = start
    while pos < end:
        m = NAME_RX.match(text, pos, end)
        if m is None and out and (d := _DESCRIPTOR_RX.match(text, pos, end)):
            pos = d.end()
            m = NAME_RX.match(text, pos, end)
        if m is None:
            break
        cut = sentence_cut(text, m.start(), m.end())
        if cut == m.end() and (joined := generic_and_tail(text, cut, end)) is not None:
            cut = joined
        s, e = trim_name(text, m.start(), cut)
        s = skip_place_possessive(text, s, e)
        if e <= s:
            break
        pos = cut
        if cut < m.end():  # the sentence ended inside the match: this is the last name
            out.append(NameSpan(s, e, None))
            break
        parens, pos = parentheses(text, pos, end)
        if locatives:
            pos = _skip_locative(text, pos, end)
        out.append(NameSpan(s, e, parens[0] if parens else None, parens))
        sm = _SEP_RX.match(text, pos, end)
        if sm is None:
            break
        nxt = sm.end()
        if _STOP_RX.match(text, nxt, end):
            break
        if "," in sm.group() and _APPOSITIVE_RX.match(text, nxt, end):
            # the apposition ends at the next comma, or at the semicolon of a ";"-separated list
            # ("A, with its plant in Ohio; B; C")
            marks = [p for p in (text.find(",", nxt, min(end, nxt + 160)),
                                 text.find(";", nxt, min(end, nxt + 160))) if p >= 0]
            if not marks:
                break
            comma = min(marks)
            if "." in text[nxt:comma].replace("Inc.", "").replace("Co.", "").replace("Ltd.", ""):
                break  # the sentence ended inside the apposition
            sm = _SEP_RX.match(text, comma, end)
            if sm is None:  # pragma: no cover - a comma always matches the separator
                break
            nxt = sm.end()
            if _STOP_RX.match(text, nxt, end):
                break
        pos = nxt
    return out


_ITEM_PREFIX_RX = re.compile(
    r"[\s\u2022\u25aa\u25cf\u27a4\u2794\u25ba\u2192>*\-\u2013\u2014]*"
    r"(?:\d{1,3}[.)][ \t]+|\d{1,2}(?:\.\d{1,2})+[.)]?[ \t]+)?"  # "3. Name", "9.1  Name" (a profile subsection)
)
#: What separates a list line's name from its tail: ":", " - ", " | ", ", Country", or a dotted leader
#: ("Kuraray Co., Ltd. (Japan) ........ hard carbon"; a long name leaves room for one dot: "... (US) . foil").
LEADER_RX = re.compile(r"[ \t]*(?:\.[ \t]*){3,}|[ \t]*\u2026[\u2026. \t]*|[ \t]+\.[ \t]+")
_ITEM_TAIL_RX = re.compile(
    r"[ \t]*(?::|[ \t](?:--|[\u2013\u2014\-|])[ \t]|,[ \t]+(?=[A-Z][\w .]+$)"
    # ", formerly Old Name": a former name after the name (and its country)
    r"|,[ \t]+(?=(?:formerly|previously)[ \t]+[A-Z])"
    # ", South Korea — description": a short capitalised label (its country) before a dash
    r"|,[ \t]+(?=[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2}[ \t]+(?:--|[\u2013\u2014])[ \t]))|" + LEADER_RX.pattern
)


@dataclass(frozen=True)
class ItemParts:
    """A list line split into the name and what follows it (offsets index the text passed in)."""

    start: int
    end: int
    paren: tuple[int, int] | None  # "(China)" after the name (the first parenthesis)
    tail: tuple[int, int] | None  # "Japan" in "Kuraray - Japan", or a description after ":"
    parens: tuple[tuple[int, int], ...] = ()  # every parenthesis after the name: "(formerly B)", "(Japan)"


def split_list_item(text: str, start: int, end: int) -> ItemParts | None:
    """One list line ("1. Penrick Co., Ltd. (Japan)", "- Acme: leading producer", "Zenith - USA").

    The whole head must be one name; returns None otherwise (a sentence, a segment, "Company profiles").
    """
    m = _ITEM_PREFIX_RX.match(text, start, end)
    s = m.end() if m else start
    head_end = end
    nm = NAME_RX.match(text, s, end)
    if nm is None:
        return None
    name_end = sentence_cut(text, nm.start(), nm.end())
    if name_end == nm.end() and (joined := generic_and_tail(text, name_end, end)) is not None:
        name_end = joined
    parens, pos = parentheses(text, name_end, end)
    tail = None
    tm = _ITEM_TAIL_RX.match(text, pos, end)
    if tm and text[tm.end():end].strip():
        tail = (tm.end(), end)
        head_end = name_end
    elif text[pos:end].strip(" \t.;,"):
        return None
    else:
        head_end = name_end
    ns, ne = trim_name(text, s, head_end)
    if ne <= ns:
        return None
    return ItemParts(ns, ne, parens[0] if parens else None, tail, parens)


__all__ = [
    "GENERIC_WORDS",
    "LEGAL_SUFFIXES",
    "NAME_RX",
    "LEADER_RX",
    "ItemParts",
    "NameSpan",
    "generic_and_tail",
    "has_legal_suffix",
    "is_name_shape",
    "is_place",
    "looks_like_company",
    "name_end",
    "parentheses",
    "sentence_cut",
    "split_enumeration",
    "split_list_item",
    "tokens",
    "trim_name",
]
