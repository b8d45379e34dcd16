"""Who holds a share: the subject of the share verb, resolved to a place, segment, application or company.

A share is only as good as its holder, and the holder is the hardest part of a share sentence: it is the
subject of the share verb, found past relative clauses, dashes, colons, "with" phrases and participles
("X dominates ..., accounting for 60%"); "these companies" is the players the sentence before opened
with; "the top three Chinese producers" is a group of companies; "<Source> says they hold 51%" is the
list the sentence opened with; a place is a region ("South India" a part of one); a listed segment is
named and typed by its list; a one-word holder takes the fuller name the document uses ("Storage" ->
"Energy Storage"). The market's downstream (the words after "for" in "Carbon Anode for Aluminum
Electrolysis") and a hypothetical holder ("a vendor holding more than 40%") hold nothing.
"""

from __future__ import annotations

import re

from kg.extract.figure_clauses import clause_start
from kg.extract.figure_context import Context
from kg.extract.figure_listed import SEGMENT_TAIL_WORDS, is_listed_company, listed_by_lead, listed_segment
from kg.extract.figure_words import PAREN_RX, norm_word, words_of, wordset
from kg.extract.geo import find_places, lookup_place
from kg.extract.rates import ShareMatch
from kg.models import HolderKind

__all__ = ["OPENING_NAMES_RX", "SENTENCE_STARTERS", "cited_start", "share_holder"]


OPENING_NAMES_RX = re.compile(
    r"(?:[-–>•➤\s]*)(?P<names>[A-Z][\w&.\-]*(?:\s+[A-Z0-9][\w&.\-]*)*"
    r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)[A-Z][\w&.\-]*(?:\s+[A-Z0-9][\w&.\-]*)*)*)"
)
SENTENCE_STARTERS = wordset(
    "the a an this these those that it its in as however while with for by from on at to of and but "
    "also moreover furthermore additionally despite although though key major leading global regional "
    "recent many several some other such there their our we our what which who when where why how"
)


_GENERIC_HOLDER_TAIL = wordset(
    "manufacturer producer company firm player supplier vendor maker region country industry market nation economy"
)
_COMPANY_NOUNS = wordset("company companies player players firm firms vendor vendors")
_HOLDER_STRIP_LEAD = wordset(
    "and or while whereas but the a an global leading key major main largest biggest its their these "
    "those this that worldwide overall"
)
_HOLDER_STRIP_TAIL = wordset(
    "now currently collectively together alone still already also continue continues continued to "
    "have has had is are was were which that who reportedly jointly combined nevertheless nonetheless "
    "however thus therefore meanwhile today presently instead likewise similarly though"
)
# a group of the largest players: "five largest suppliers", "three biggest producers", "10 leading vendors"
_N_LARGEST_RX = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:largest|biggest|leading)\s+(?:[a-z\-]+\s+){0,2}"
    r"(?:companies|players|firms|vendors|suppliers|producers|manufacturers|makers|refiners|processors)",
    re.IGNORECASE,
)
_N_LARGEST_WRITTEN_RX = re.compile(
    r"(?:the\s+)?(?P<group>" + _N_LARGEST_RX.pattern + r")(?:\s+(?:together|collectively|combined|jointly|alone))?",
    re.IGNORECASE,
)
_PLACE_BASED_RX = re.compile(
    r"(?P<place>(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)?)-(?:based|headquartered)\s+(?=(?-i:[A-Z]))"
)
_REPORTED_THAT_RX = re.compile(
    r"^.*?\b(?:estimates?|estimated|says|said|reports?|reported|notes?|noted|finds|found|calculates?|calculated|"
    r"believes?|argues?|shows?|showed|suggests?|suggested|thinks?)\s+that\s+(?=\S)",
    re.IGNORECASE,
)
_POST_PARTICIPLE_RX = re.compile(
    r"\s+(?:operated|owned|run|managed|based|located|headquartered|controlled)\s+(?:by|in|at)\b", re.IGNORECASE
)
_VERBISH = re.compile(
    r"\b(?:dominat\w*|lead(?:s|ing)?|led|continu\w*|account\w*|hold\w*|held|remain\w*|is|are|was|were|has|have|"
    r"had|represent\w*|control\w*|captur\w*|command\w*|mak(?:e|es|ing)|made|compris\w*|constitut\w*|contribut\w*|"
    r"now|currently|collectively|together|alone|still|already|also|will|can|could|emerg\w*|stand\w*|stood|"
    r"occup(?:y|ies|ied|ying)|absorb\w*)\b",
    re.IGNORECASE,
)
_ANAPHOR_COMPANY = re.compile(
    r"^(?:these|those|both|the\s+two|the\s+three|such)\s+(?:companies|players|firms|"
    r"manufacturers|producers|leaders|vendors|suppliers)$|^(?:they|together)$",
    re.IGNORECASE,
)
_TOP_N_STOP = wordset("in of for by with from on at across within globally worldwide together combined and or")
_TOP_N = re.compile(
    r"\btop\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<noun>[a-z]+)", re.IGNORECASE
)


_PARTICIPLE_RX = re.compile(
    r"\s*(?:holding|accounting|capturing|representing|commanding|contributing|controlling|making|"
    r"generating|occupying|claiming)\b",
    re.IGNORECASE,
)
_EMPTY_WITH_RX = re.compile(
    r"\s*(?:(?:the|a|an|its|their|largest|biggest|highest|major|dominant|leading|significant|"
    r"substantial|considerable|commanding|notable|maximum|total|combined|overall|revenue|market|"
    r"estimated|approximately|about|around|nearly|over|more|than)\s*)*",
    re.IGNORECASE,
)


_INDEFINITE_END_RX = re.compile(r"\b(?:a|an|any|each|every|no)\s+(?:[\w\-]+\s+)?[\w\-]+\s*$", re.IGNORECASE)
_REPORTED_RX = re.compile(
    r"\s*[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}\s+(?:says|said|estimates|estimated|reckons|believes|notes|"
    r"argues|claims|reports|thinks)\s+(?:that\s+)?"
)


_ON_ITS_OWN_RX = re.compile(r"\s+(?:on\s+(?:its|their)\s+own|by\s+(?:itself|themselves))\s*$", re.IGNORECASE)
_FIRST_PERSON_RX = re.compile(r"(?:our|my)\b", re.IGNORECASE)
_ANAPHOR_PLACE_NP_RX = re.compile(r"(?:the|this)\s+(?:country|region)(?:\s+alone)?", re.IGNORECASE)


def share_holder(ctx: Context, s: str, sh: ShareMatch) -> tuple[str, HolderKind] | None:
    """Who holds the share: the subject of the share verb, resolved (anaphora, places, "top five")."""
    cs = cited_start(s, clause_start(s, sh.verb_start), sh.verb_start)
    seg_text = s[cs : sh.verb_start]
    if ")" in seg_text and "(" not in seg_text[: seg_text.find(")")] and (op := s.rfind("(", 0, cs + 1)) >= 0:
        cs = clause_start(s, op)  # "Asia (incl. China) — 58.9 %": the clause began before the bracket
    # a bracketed list or gloss is not the subject: "South India (Tamil Nadu, Karnataka, Andhra Pradesh):"
    w = PAREN_RX.sub(" ", s[cs : sh.verb_start])
    # a relative clause or aside: "hard carbon anode materials—which account for ..."
    rel = re.search(r"(?:[—–(,]\s*)?\b(?:which|that|who)\s*$", w)
    if rel:
        w = w[: rel.start()]
        w = re.split(r"\b(?:in|of|for|on|from|with|by|at|to)\s+", w)[-1]
    else:
        dash = max(w.rfind("—"), w.rfind(" – "))
        if dash >= 0 and w[dash:].strip(" —–"):
            w = w[dash + 1 :]
        colon = w.rfind(":")
        if colon >= 0 and re.search(r"[A-Za-z]", w[colon + 1 :]):
            w = w[colon + 1 :]  # "Supply is concentrated: the five largest refiners shipped ...": a new clause
        names = _NAME_LIST_RX.search(w)
        if names is not None and (name_list := _name_list(names.group("list"))) is not None:
            return name_list  # "Acme, Borton and Cygnet together held": the companies, together
        parts = re.split(r",(?!\s*(?:Ltd|Inc|LLC|Limited|Corp|plc|AG|GmbH|S\.A|N\.V)\b)\s*", w)  # "Acme Co., Ltd."
        tail = parts[-1] if parts else ""
        # a participle ("X dominates ..., accounting for 60%", "..., holding a market share of") takes
        # the sentence subject
        participle = _PARTICIPLE_RX.match(tail) is not None
        w = parts[0] if (not tail.strip() or participle) and len(parts) > 1 else tail
        if re.search(r"\bwith\b", w, re.IGNORECASE):
            pieces = re.split(r"\bwith\b", w, flags=re.IGNORECASE)
            after_with = pieces[-1]
            if _EMPTY_WITH_RX.fullmatch(after_with):
                w = "with".join(pieces[:-1])  # "X dominated the market with the largest share of": X
            elif after_with.strip():
                w = after_with
        if (group := _N_LARGEST_WRITTEN_RX.fullmatch(w.strip())) is not None:
            g = group.group("group")  # "The five leading suppliers together": "leading" is no verb here
            return g[0].upper() + g[1:], "company"
        v = _VERBISH.search(w)
        if v is not None and v.start() > 0:
            w = w[: v.start()]
        # a participle phrase after the head noun: "Captive plants operated by the smelters": Captive plants
        w = _POST_PARTICIPLE_RX.split(w, maxsplit=1)[0]
    # "Korvane estimates that China accounts for": the reported clause's subject holds the share
    if (that := _REPORTED_THAT_RX.match(w)) is not None and not re.match(
        r"(?:they|it|these|those|this|that|he|she|we)\b", w[that.end() :], re.IGNORECASE
    ):
        w = w[that.end() :]
    if _INDEFINITE_END_RX.search(w):
        return None  # "reliance on a vendor holding more than 40%": a hypothetical holder, no one named
    reported = _REPORTED_RX.match(w)
    if reported is not None:
        # "— Marrowgate says they hold 46%": the source speaks; its pronoun is the list the sentence opened with
        if not _ANAPHOR_COMPANY.match(w[reported.end() :].strip()):
            return None
        names = OPENING_NAMES_RX.match(s)
        if names is None or not re.search(r",|\band\b|&", names.group("names")):
            return None
        if names.group("names").split()[0].lower() in SENTENCE_STARTERS or names.end() > sh.verb_start:
            return None
        return names.group("names"), "company"
    w = re.sub(r"[’']s\s*$|(?<=s)[’']\s*$", " ", w)  # "Europe’s share of", "Electric buses' share of": the owner
    w = _ON_ITS_OWN_RX.sub(" ", w)  # "Japan on its own accounted for": Japan
    raw_np = " ".join(re.findall(r"[\w&’'.\-]+", w))
    np = _clean_np(w)
    if not np or _FIRST_PERSON_RX.match(raw_np):
        return None  # "Our two largest customers accounted for 64% of segment revenue": the writer's own business
    if re.fullmatch(r"(?i)\d+|one|two|three|four|five|six|seven|eight|nine|ten", np):
        return None  # "Five leading suppliers in China held": a count cut from its noun names no holder
    if _ANAPHOR_COMPANY.match(raw_np) or _ANAPHOR_COMPANY.match(np):
        if ctx.prev_subject:
            return ctx.prev_subject, "company"
        return None
    if (
        _ANAPHOR_PLACE_NP_RX.fullmatch(raw_np)
        and ctx.last_place is not None
        and ctx.last_place.kind != "global"
        and ctx.last_place_no == ctx.sentence_no - 1
    ):
        return ctx.last_place.name, "region"  # "China leads ... The country accounted for 74%"
    top = _TOP_N.search(np)
    if top:
        # the whole noun phrase after "top N" ("the top three Chinese producers"), its head noun last
        words_after = [top.group("noun")]
        for x in np[top.end() :].split():
            if x.lower() in _TOP_N_STOP or len(words_after) >= 4:
                break
            words_after.append(x)
        noun = words_after[-1].lower()
        noun = "companies" if noun in _COMPANY_NOUNS else noun
        return " ".join(["Top", top.group("n"), *words_after[:-1], noun]), "company"
    if (group := _N_LARGEST_RX.fullmatch(np)) is not None:
        return group.group(0)[0].upper() + group.group(0)[1:], "company"  # "the five largest suppliers"
    words = words_of(np)
    if words[:1] == ["share"] or words[:2] == ["market", "share"]:
        return None  # "Share by value: 45%": a label of the measure, not a holder
    if set(words) & ctx.market.tail and not set(words) & ctx.market.head and listed_segment(ctx, np.split()) is None:
        return None  # the market's downstream ("aluminum production capacity"), not the market
    np = re.sub(r"[’']s\b", "", np)  # "China’s producers": China
    # "Australia-based Acme Resources": where the holder sits is no part of its name
    based = _PLACE_BASED_RX.match(np)
    if based is not None and lookup_place(based.group("place")) is not None:
        np = np[based.end() :]
    # "Imports from China supplied 78% of the material consumed": the exporting place's share
    imports = re.fullmatch(r"(?:imports|shipments|supplies|supply|deliveries)\s+from\s+(?P<place>.+)", np, re.I)
    if imports is not None:
        ip = lookup_place(imports.group("place"))
        return (ip.name, "region") if ip is not None and ip.kind != "global" else None
    places = find_places(np)
    if places:
        p = places[0]
        lead = np[: p.start].split()
        rest = [x for x in words_of(np[p.end :]) if x not in _GENERIC_HOLDER_TAIL]
        if lead and all(x.lower() in _COMPASS for x in lead) and not rest and not p.adjective:
            return np[: p.end].strip(), "region"  # "South India": a part of a country or region
        rest += [x for x in words_of(" ".join(lead)) if x not in _GENERIC_HOLDER_TAIL]
        if not rest or all(x in ctx.market.words for x in rest):
            return p.place.name, "region"
        if p.adjective and not lead and _AGENT_PLURAL_RX.fullmatch(np[p.end :]):
            return p.place.name, "region"  # "Chinese calciners supplied 40%": the country's industry
        return None
    if len(words) > 6:
        return None
    raw_words = np.split()
    kind: HolderKind = "application" if re.search(r"\b(?:consum\w*|demand|usage|use)\b", sh.basis, re.I) else "segment"
    listed = listed_segment(ctx, raw_words)
    tail_cut = False
    while len(raw_words) > 1 and raw_words[-1].lower() in SEGMENT_TAIL_WORDS:
        # "the automotive segment", "automotive end-use industry": Automotive
        if raw_words[-1].lower().startswith(("application", "end-use", "end-user", "industr")):
            kind = "application"
        raw_words = raw_words[:-1]
        tail_cut = True
    for i in range(len(raw_words) - 2, 0, -1):
        # "Smelter-grade CPC for aluminium anodes" in a report on CPC for aluminium anodes: the market's own
        # downstream says nothing about the holder
        if listed is None and ctx.market.tail and raw_words[i].lower() in ("for", "in") and all(
            norm_word(x) in ctx.market.tail or norm_word(x) in _GENERIC_HOLDER_TAIL for x in raw_words[i + 1 :]
        ):
            raw_words = raw_words[:i]
            listed = listed_segment(ctx, raw_words)
            break
    if listed is None and tail_cut and (by_lead := listed_by_lead(ctx, raw_words)) is not None:
        # "Sodium-ion applications" for the one listed "Sodium-ion Batteries": the list's label
        return by_lead[0], "segment" if by_lead[1] == "type" else "application"
    if listed is not None:
        # a listed segment names the holder and its kind; the phrase is kept as written, without the
        # market's head nouns only when the list names the type without them ("hard carbon anode
        # materials" for "Hard Carbon" in an anode material market)
        raw_words = raw_words[: listed[2]]
        kind = "segment" if listed[1] == "type" else "application"
    if not raw_words:
        return None
    name = " ".join(raw_words)
    if listed is None:
        if is_listed_company(ctx, name):
            kind = "company"
        elif set(words_of(name)) & ctx.market.head:
            kind = "segment"  # it names the market's product: a type of it
    if all(norm_word(x) in _GENERIC_HOLDER_TAIL | ctx.market.words for x in raw_words):
        return None
    return _expand(ctx, name), kind


# one plural agent noun after a demonym: "Chinese calciners", "Japanese refiners", "Korean processors"
_AGENT_PLURAL_RX = re.compile(r"\s+[a-z]+(?:er|or)s\s*", re.IGNORECASE)
_CITED_END_RX = re.compile(r"[.!?](?:\[\^?\w{1,4}\])+\s+(?=[A-Z])")
_LIST_NAME = r"(?-i:[A-Z])[\w&.\-]*(?:\s+(?-i:[A-Z0-9])[\w&.\-]*){0,3}"
# a list of names that is the whole subject: "Acme, Borton and Cygnet (together)"
_NAME_LIST_RX = re.compile(
    r"(?:^|(?<=[\s,:;—–(]))(?P<list>" + _LIST_NAME + r"(?:\s*,\s*" + _LIST_NAME + r")+\s*,?\s+(?:and|&)\s+" + _LIST_NAME
    + r")\s*,?(?:\s+(?:together|collectively|combined|jointly|between\s+them))?\s*,?\s*$",
    re.IGNORECASE,
)


def cited_start(s: str, start: int, end: int) -> int:
    """``start``, or later where a sentence ended at its citation ("... in 2022.[4] Primary cells ..."):
    the sentence splitter does not see that end, the share's clause must."""
    for cited in _CITED_END_RX.finditer(s, start, end):
        start = cited.end()
    return start


def _name_list(text: str) -> tuple[str, HolderKind] | None:
    """Three or more names joined as one holder, when they are no places (a list of regions is no holder);
    a sentence opener before them is no name ("In 2024, Acme, Borton and Cygnet ...")."""
    items = [x.strip() for x in re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", text) if x.strip()]
    while items and (items[0].split()[0].lower() in SENTENCE_STARTERS or re.fullmatch(r"[\d\s]+", items[0])):
        items.pop(0)
    if len(items) < 3 or any(find_places(x) for x in items):
        return None
    if any(x.split()[0].lower() in SENTENCE_STARTERS for x in items):
        return None
    start = text.index(items[0])
    return text[start:], "company"


_COMPASS = wordset(
    "north south east west northern southern eastern western central northeast northwest southeast "
    "southwest north-east north-west south-east south-west"
)


def _clean_np(w: str) -> str:
    words = re.findall(r"[\w&’'.\-]+", w)
    while words and words[-1].lower() in _HOLDER_STRIP_TAIL:
        words.pop()
    while words and words[0].lower() in _HOLDER_STRIP_LEAD:
        words.pop(0)
    return " ".join(words).strip(" .,")


def _expand(ctx: Context, name: str) -> str:
    """A one-word holder ("Storage") to the fuller name the document uses for it ("Energy Storage")."""
    if " " in name or not name:
        return name
    key = name.lower()
    if key in ctx.holder_terms:
        return ctx.holder_terms[key]
    counts: dict[str, int] = {}
    for m in re.finditer(r"(?<![\w\-])([A-Za-z][a-z]+)[ \t]+" + re.escape(name) + r"\b", ctx.doc.text, re.IGNORECASE):
        mod = m.group(1)
        if mod.lower() in _EXPAND_STOP or mod.lower() in ctx.market.words:
            continue
        k = f"{mod.capitalize()} {name.capitalize()}"
        counts[k] = counts.get(k, 0) + 1
    best = max(sorted(counts), key=lambda k: counts[k]) if counts else name
    if counts and counts[best] < 2:
        best = name
    ctx.holder_terms[key] = best
    return best


_EXPAND_STOP = wordset(
    "the a an and or of in for to with by on at from as is are was were be been this that these those "
    "its their our new more most less such other all any each both many some several into over under "
    "via per renewable increasing growing rising global total overall"
)
