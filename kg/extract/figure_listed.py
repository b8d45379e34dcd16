"""The document's own segment lists and named players, as the figure rules match them.

The segment and company extractors run before the figures; what they listed decides names and kinds
here: a clause subject or share holder that is a listed segment ("Silicon-carbon composite anodes" for the
listed "Silicon-Carbon Composite") is that segment, typed by its list; a holder that is a listed player,
a registry company or carries a legal suffix is a company; and at the end a segment the text names
shorter ("the low sulphur segment") takes the label as listed ("Low Sulphur (<1.5%)") when exactly one
listed label matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.company_filters import registry_key
from kg.extract.figure_context import Context
from kg.extract.figure_words import PAREN_RX, norm_word, words_of, wordset
from kg.models import CompanyMention, SegmentKind, SegmentMention, Share

__all__ = [
    "LEGAL_SUFFIX_RX",
    "SEGMENT_TAIL_WORDS",
    "is_listed_company",
    "listed_by_lead",
    "listed_in",
    "listed_segment",
    "load_listed",
    "use_listed_labels",
]


def listed_in(ctx: Context, text: str) -> str | None:
    """The listed segment ``text`` names last (nearest to the figure that follows it)."""
    if not ctx.segment_keys:
        return None
    words = words_of(text)
    longest = max(len(k) for k in ctx.segment_keys)
    found: str | None = None
    for i in range(len(words)):
        for n in range(min(longest, len(words) - i), 0, -1):
            hit = ctx.segment_keys.get(tuple(words[i : i + n]))
            if hit is not None:
                found = hit[0]
                break
    return found


def _company_key(name: str) -> tuple[str, ...]:
    """A company name as lower-case words without its legal suffix ("Cabot Corporation" -> ("cabot",))."""
    words = [w.lower().strip(".,") for w in PAREN_RX.sub(" ", name).split()]
    while len(words) > 1 and words[-1].replace(".", "") in _LEGAL_KEY_WORDS:
        words.pop()
    return tuple(w for w in words if w)


# the legal words of LEGAL_SUFFIX_RX, lower case and without dots: "plc", "LLC", "S.A.", "N.V." all strip
_LEGAL_KEY_WORDS = frozenset({
    "inc", "ltd", "llc", "corp", "corporation", "co", "ag", "sa", "se", "plc", "gmbh", "group", "holdings",
    "limited", "nv",
})


def load_listed(ctx: Context, segments: Sequence[SegmentMention], companies: Sequence[CompanyMention]) -> None:
    """Index the document's segment lists and named players by their words, for the matching below."""
    for seg in segments:
        label = " ".join(PAREN_RX.sub(" ", seg.label).split())
        key = tuple(words_of(label))
        if key and key not in {("other",), ("others",)}:
            ctx.segment_keys.setdefault(key, (label, seg.kind))
            ctx.segment_labels.setdefault(key, " ".join(seg.label.split()))
    ctx.company_keys = tuple(k for c in companies if (k := _company_key(c.name)))


def listed_segment(ctx: Context, words: Sequence[str]) -> tuple[str, SegmentKind, int] | None:
    """The listed segment a noun phrase names: (label, kind, words used). The phrase may add the market's
    head nouns ("Silicon-carbon composite anodes" for "Silicon-Carbon Composite") or a "segment" tail."""
    if not ctx.segment_keys:
        return None
    raw = list(words)
    while len(raw) > 1 and raw[-1].lower() in SEGMENT_TAIL_WORDS:
        raw.pop()
    key = [norm_word(w) for w in raw]
    hit = ctx.segment_keys.get(tuple(key))
    if hit is not None:
        return hit[0], hit[1], len(raw)
    seq = ctx.market.head_seq
    for k in range(len(seq), 0, -1):
        if len(key) > k and key[-k:] == list(seq[-k:]):
            hit = ctx.segment_keys.get(tuple(key[:-k]))
            if hit is not None:
                return hit[0], hit[1], len(raw) - k
    # "Slotted anodes" for the listed "Slotted Prebaked Anodes": the label's first and last words with
    # some middle modifiers left out, when exactly one listed label reads so
    # ("uncoated material" for "Uncoated Spherical Graphite": the label's leading words and a generic noun)
    if len(key) >= 2:
        shorter = [v for k2, v in ctx.segment_keys.items() if len(k2) > len(key) and _ends_kept(tuple(key), k2)]
        if len(shorter) == 1:
            return shorter[0][0], shorter[0][1], len(raw)
    return None


def listed_by_lead(ctx: Context, words: Sequence[str]) -> tuple[str, SegmentKind] | None:
    """The one listed segment whose label opens with ``words`` and goes on ("Sodium-ion" for the listed
    "Sodium-ion Batteries"); None when no label or several do."""
    key = tuple(norm_word(w) for w in words)
    if not key:
        return None
    hits = {v for k, v in ctx.segment_keys.items() if len(k) > len(key) and k[: len(key)] == key}
    return hits.pop() if len(hits) == 1 else None


# a noun that stands for the market's product itself: "uncoated material", "coated grades"
_GENERIC_HEADS = frozenset({"material", "grade", "product", "variant", "form"})


def _ends_kept(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` is ``full`` with words left out between its first and last word, in order; or ``full``'s
    leading words followed by a generic noun for the product ("uncoated material")."""
    if short[0] != full[0]:
        return False
    if short[-1] in _GENERIC_HEADS and short[-1] not in full:
        return full[: len(short) - 1] == short[:-1]
    if short[-1] != full[-1]:
        return False
    it = iter(full[1:-1])
    return all(w in it for w in short[1:-1])


def is_listed_company(ctx: Context, name: str) -> bool:
    """A company signal: a legal suffix, a registry company, or one of the document's listed players."""
    if _LEGAL_WORD_RX.search(name):
        return True
    key = _company_key(name)
    if key and any(c[: len(key)] == key for c in ctx.company_keys):
        return True
    return registry_key(name) is not None


SEGMENT_TAIL_WORDS = wordset(
    "applications application sector sectors segment segments sub-segment end-use end-user end-uses uses "
    "industry industries vertical verticals category categories"
)


# Not names.has_legal_suffix: these are case-sensitive, the first finds a legal word anywhere in a holder
# ("Acme Group Europe", a lone "Group"), and they know fewer forms ("Company", "Pty", "KK" are not here).
_LEGAL_WORDS = r"Inc|Ltd|LLC|Corp|Corporation|Co|AG|SA|SE|plc|GmbH|Group|Holdings|Limited"
_LEGAL_WORD_RX = re.compile(rf"\b(?:{_LEGAL_WORDS})\b\.?")
LEGAL_SUFFIX_RX = re.compile(rf"\b(?:{_LEGAL_WORDS}|N\.?V|S\.?A)\b\.?$")


def _bare_key(ctx: Context, name: str) -> tuple[str, ...]:
    """A segment name's words without its gloss, a "segment" tail or the market's head nouns at its end:
    "Petroleum-based Needle Coke" and "the petroleum-based segment" both give ("petroleum-based",)."""
    key = [norm_word(w) for w in words_of(PAREN_RX.sub(" ", name))]
    while len(key) > 1 and key[-1] in SEGMENT_TAIL_WORDS:
        key.pop()
    while len(key) > 1 and key[-1] in ctx.market.head:
        key.pop()
    return tuple(key)


def _listed_label(ctx: Context, name: str) -> str:
    """The segment as the document lists it ("Low Sulphur (<1.5%)", "Petroleum-based Needle Coke") when
    a figure's sentence names it shorter ("the low sulphur segment", "petroleum-based"); one match only."""
    if not ctx.segment_labels or name in ctx.segment_labels.values():
        return name
    words = tuple(norm_word(w) for w in words_of(name))
    if words in ctx.segment_keys and "(" not in ctx.segment_labels.get(words, ""):
        return name  # the listed words themselves, as the sentence writes them ("Synthetic graphite")
    key = _bare_key(ctx, name)
    if not key:
        return name
    hits = {label for k, label in ctx.segment_labels.items() if _bare_key(ctx, label) == key}
    if not hits and len(words) >= 2:
        # "Slotted anodes" for "Slotted Prebaked Anodes": middle modifiers left out
        hits = {label for k, label in ctx.segment_labels.items() if len(k) > len(words) and _ends_kept(words, k)}
    if not hits:
        hits = {label for label in ctx.segment_labels.values() if _gloss_spelled_out(name, label)}
    return hits.pop() if len(hits) == 1 else name


def _gloss_spelled_out(name: str, label: str) -> bool:
    """ "Power batteries for electric vehicles" for the listed "Power Batteries (EV)": the label's words,
    then "for"/"in" and the words its bracketed acronym abbreviates."""
    gloss = re.fullmatch(r"(?P<base>[^()]+?)\s*\(\s*(?P<acr>[A-Z]{2,6})s?\s*\)", label.strip())
    if gloss is None:
        return False
    base = [norm_word(w) for w in words_of(gloss.group("base"))]
    m = re.fullmatch(r"(?P<base>.+?)\s+(?:for|in|used\s+in)\s+(?P<rest>[A-Za-z][\w\s\-]*)", name.strip())
    if m is None or [norm_word(w) for w in words_of(m.group("base"))] != base:
        return False
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", m.group("rest").strip()) if w)
    return initials.lower() == gloss.group("acr").lower()


def use_listed_labels(ctx: Context) -> None:
    ctx.sizes = [
        x.model_copy(update={"segment": _listed_label(ctx, x.segment)}) if x.segment else x for x in ctx.sizes
    ]
    ctx.growth = [
        x.model_copy(update={"segment": _listed_label(ctx, x.segment)}) if x.segment else x for x in ctx.growth
    ]
    ctx.shares = [_acronym_holder(ctx, x) for x in ctx.shares]
    ctx.shares = [
        x.model_copy(update={"holder": _listed_label(ctx, x.holder)}) if x.holder_kind == "segment" else x
        for x in ctx.shares
    ]


def _acronym_holder(ctx: Context, share: Share) -> Share:
    """ "Si-C held 49%" for the listed "Silicon-Carbon (Si-C)": a holder written as the bracketed acronym
    of exactly one listed segment is that segment (also when the acronym read as a company's name)."""
    if share.holder_kind not in ("segment", "company") or not re.fullmatch(r"[A-Z][\w\-/]{1,9}", share.holder):
        return share
    hits = {
        (label, ctx.segment_keys[key][1])
        for key, label in ctx.segment_labels.items()
        if key in ctx.segment_keys and re.search(r"\(\s*" + re.escape(share.holder) + r"s?\s*\)", label)
    }
    if len(hits) != 1:
        return share
    label, kind = hits.pop()
    return share.model_copy(update={"holder": label, "holder_kind": "segment" if kind == "type" else "application"})
