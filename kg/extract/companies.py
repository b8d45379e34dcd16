"""Companies a report names as players in its market, one :class:`CompanyMention` per spelling.

Market reports of every publisher name their players in a few recurring shapes, and nowhere else reliably,
so the extractor looks only there (most reliable first):

1. **Lists under a players title** ("Key Players", "Top Players Include:", "List of Key ... Companies
   Profiled", "Companies profiled: A, B", "Competitive Landscape"): list items, one-name-per-line
   paragraphs, deeper headings (company-profile chapters) and tables (the column headed Company/Player/
   Manufacturer..., else the first one; a Country/Headquarters column gives the country). The list ends
   at the next title that is not a name. Under a loose title ("Competitive Landscape") a lone short line
   is not enough: it takes two names in a row, or a legal suffix. A line that is nothing but names
   ("A Co., Ltd. (Japan), B (Korea), C") counts too; "X Market Companies" is a players title, and so is a
   bare player noun ("[8] COMPANIES", "Suppliers": loose), even as a paragraph when a section number or
   capitals style it. One-line titles take ":" or " | " ("Key companies profiled | A; B"), and so does a
   two-cell row of a report-scope table whose label is a players title. A list line may carry several
   parentheses ("A Co., Ltd. (formerly B) (Japan)") and a dotted leader before its description
   ("A Corp. (US) ...... lithium foil"), also when such lines run together into one paragraph. A label
   before ":" whose text is a list of names ("Headquarters: A and B are ...") is not a company. Company
   cards ("Company cards": a name, then repeated field labels such as "Headquarters" / "Focus") give the
   name and its address line's country; side-by-side columns of players by category ("Petroleum-based
   producers | Coal-based producers") are all read; a contents list's entries one level under its
   "Company profiles" entry count; a person's line ("Jane Doe - Senior Analyst, ...") never does.
2. **Inline enumerations** after a cue that follows a player noun in the same clause: "key manufacturers
   ... include A, B and C, etc.", "players like A and B are", "China-based giants like A and B". The noun
   must not be a customer's ("battery manufacturers such as", "automakers like") nor the object of
   "with/to/for" ("partnership with companies such as"), which is how customers and partners named in
   passing stay out -- unless a "which produces ... in-house / anode material" clause follows the names:
   a customer that makes the product itself is a player. "The report profiles A, B and C" is a cue too.
   The agent nouns of the supply side count as player nouns ("leading calciners include", "graphite
   miners such as"); a plain-text paragraph hard-wrapped into lines is read as one paragraph, so an
   enumeration or a name ("Goa Carbon" at a line end, "Limited" on the next) runs on across the breaks.
3. **Subjects of leadership sentences**: "A and B currently lead the market", "A and B dominate coal-based
   segments", "A is a leading supplier of ...", "A holds 20% share".
4. **A company's own report**: the issuer of an annual report named in its title line ("A ASA Annual Report
   2024") and the competitors it names ("Our main competitors are ... B Group's planned plant").

A firm the sentence says makes no product ("A, which does not make anodes itself, supplies pitch") is not
a player, nor is an adjective made from a name ("A-affiliated pilot lines").

Every candidate must also *look like* a company (:mod:`kg.extract.names`): no regions, no segment or
report vocabulary, no generic phrases. The names found are then located everywhere in the text (outside
boilerplate): every occurrence is evidence, longer spellings first so "Rain CII" inside "Rain CII Carbon"
counts for the longer one. Spellings are kept as written, so a text that writes "Sunstone Development
Co." in one place and "... Co" in another yields two mentions (resolution merges them); a line break
inside a wrapped name reads as a space (its evidence quotes the text as it is).

Country: stated next to the name -- "(China)", "(U.S.)", a table's country column, "Kuraray - Japan",
"China-based X", "X, a Japan-based ...", "headquartered in Japan", weakest "X in Japan" / "X of Japan" /
"X, the largest producer in Japan" (which may name a plant's site) and a legal form that exists in one
country only ("ASA", "Oyj", "K.K.") -- or by the noun phrase that
introduces the enumeration ("Chinese firms like A and B", "China-based giants like A"), or by a sentence
about names found elsewhere or their short forms: "A and B are based in Japan; C and D in China", "A and
B are Indian". A region ("Aluchemie in Europe") is not a country and gives none, nor does a list of
countries ("based in Japan and China").

Layout: this module only runs the readers and merges what they find. The readers are
:mod:`~kg.extract.company_lists` (lists under a players title, with :mod:`~kg.extract.company_titles`,
:mod:`~kg.extract.company_list_lines` and :mod:`~kg.extract.company_tables`),
:mod:`~kg.extract.company_inline` (enumerations after a cue), :mod:`~kg.extract.company_subjects`
(leadership sentences) and :mod:`~kg.extract.company_prose` (strong names in producer prose, stock tickers);
countries come from :mod:`~kg.extract.company_countries` and :mod:`~kg.extract.company_country_statements`,
evidence spans from :mod:`~kg.extract.company_occurrences`, and :mod:`~kg.extract.company_filters` and
:mod:`~kg.extract.company_unwrap` keep products, out-of-scope names and names cut by line wraps out. The
readers share the candidate record (:mod:`~kg.extract.company_candidates`) and the player nouns and
sentence splitter (:mod:`~kg.extract.company_words`).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.company_candidates import Candidate
from kg.extract.company_countries import P_LEGAL, context_country, legal_form_country, of_country_head
from kg.extract.company_country_statements import statement_candidates
from kg.extract.company_filters import denied_producer, out_of_scope, product_abbreviation, registry_name
from kg.extract.company_inline import inline_candidates
from kg.extract.company_issuer import competitor_candidates, issuer_candidates
from kg.extract.company_lists import list_candidates
from kg.extract.company_occurrences import find_occurrences
from kg.extract.company_prose import prose_candidates, ticker_candidates
from kg.extract.company_subjects import subject_candidates
from kg.extract.company_tables import rank_row_candidates
from kg.extract.company_unwrap import unwrapped_document, without_cut_names
from kg.extract.names import is_name_shape, looks_like_company, skip_place_possessive, trim_name
from kg.models import CompanyMention, TextDocument


def extract_companies(doc: TextDocument, outline: Sequence[object] | None = None) -> list[CompanyMention]:
    """The players the document names, one mention per spelling, in order of first occurrence.

    ``outline`` is the section list of :func:`kg.extract.sections.outline`; it only helps tell titles
    from list lines, so the extractor also works without it.
    """
    source = doc
    line_starts: list[int] = []
    if (unwrapped := unwrapped_document(doc)) is not None:
        doc, line_starts = unwrapped  # same offsets; prose and names are read with the wraps as spaces
    text = doc.text
    listed = list_candidates(source, outline) + rank_row_candidates(source)
    prose = inline_candidates(doc) + subject_candidates(doc, line_starts) + prose_candidates(doc)
    prose += ticker_candidates(doc) + issuer_candidates(doc) + competitor_candidates(doc)
    prose = [c for c in prose if not (out_of_scope(text, c.start, c.end) or denied_producer(text, c.start, c.end))]
    candidates = without_cut_names(source.text, listed, prose) + prose
    by_name: dict[str, list[Candidate]] = {}

    def add(cands: list[Candidate]) -> None:
        for cand in cands:
            s, e = trim_name(text, cand.start, cand.end)
            s = skip_place_possessive(text, s, e)
            e = _without_country_tail(text, s, e)
            name = text[s:e]
            if name and is_name_shape(name) and not product_abbreviation(text, name):
                by_name.setdefault(name, []).append(cand)

    add(candidates)
    if not by_name:
        return []
    add(statement_candidates(doc, list(by_name)))
    occurrences = find_occurrences(source, text, list(by_name))
    mentions: list[tuple[int, CompanyMention]] = []
    for name, cands in by_name.items():
        own = {c.span for c in cands if text[c.start:c.end] == name}
        spans = sorted(set(occurrences.get(name, [])) | own)
        best: tuple[int, str, tuple[int, int]] | None = None
        for c in cands:
            if not (c.country and c.country_span):
                continue
            if best is None or (c.priority, c.country_span) < (best[0], best[2]):
                best = (c.priority, c.country, c.country_span)
        for a, b in spans:
            ctx = context_country(text, a, b)
            if ctx and (best is None or ctx[2] < best[0]):
                best = (ctx[2], ctx[0], ctx[1])
        if best is None and (legal := legal_form_country(name)) is not None:
            a = spans[0][0]
            best = (P_LEGAL, legal[0], (a + legal[1][0], a + legal[1][1]))
        country = country_ev = None
        if best is not None:
            country = best[1]
            country_ev = source.quote(*best[2])
        evidence = tuple(source.quote(a, b) for a, b in spans)
        mentions.append((spans[0][0], CompanyMention(
            name=name, country=country, country_evidence=country_ev, evidence=evidence,
        )))
    mentions.sort(key=lambda m: (m[0], m[1].name))
    return [m for _, m in mentions]


def _without_country_tail(text: str, start: int, end: int) -> int:
    """End of a name read with an "of <Country>" tail ("Quobo Battery Technology of China"): the firm
    before it, whose country the locative then gives. A registry name keeps its tail ("Aluminum
    Corporation of China"), and so does a name whose head would be no company on its own."""
    head = of_country_head(text[start:end])
    if head is None or registry_name(text[start:end]) or not looks_like_company(text[start:start + head]):
        return end
    return start + head


__all__ = ["extract_companies"]
