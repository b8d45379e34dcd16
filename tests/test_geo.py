"""The place lexicon: spellings reports use, case rules that keep ordinary words out, label normalising."""

from __future__ import annotations

import csv

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.geo import REGIONS_CSV, country_code, find_places, lookup_place, place, places


def keys(text: str, **kw: bool) -> list[tuple[str, str]]:
    return [(m.as_written, m.place.key) for m in find_places(text, **kw)]


def test_every_country_and_region_concept_is_consistent() -> None:
    ps = places()
    countries = [p for p in ps.values() if p.kind == "country"]
    assert len(countries) == len(pycountry.countries)
    for p in ps.values():
        assert p.key == p.key.lower() and " " not in p.key
        if p.kind == "country":
            assert p.iso2 and p.m49 and p.broader
        elif p.m49 is None and p.kind == "region":
            assert p.close_match, f"{p.key} has neither an M49 code nor a close match"
    assert place("global").m49 == "001"
    assert place("north-america").m49 == "003"
    assert place("europe").m49 == "150"
    assert place("asia").m49 == "142"
    assert place("latin-america").m49 == "419"
    assert place("asia-pacific").m49 is None
    assert "asia" in place("asia-pacific").close_match
    assert place("middle-east-and-africa").m49 is None


def test_csv_has_the_documented_columns() -> None:
    with REGIONS_CSV.open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:7] == ["key", "name", "kind", "iso2", "m49", "broader", "close_match"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("North America", "north-america"),
        ("APAC", "asia-pacific"),
        ("Asia-Pacific", "asia-pacific"),
        ("Asia Pacific", "asia-pacific"),
        ("ASIA PACIFIC", "asia-pacific"),
        ("Asia", "asia"),
        ("LATAM", "latin-america"),
        ("Latin America", "latin-america"),
        ("EMEA", "emea"),
        ("Europe", "europe"),
        ("Middle East & Africa", "middle-east-and-africa"),
        ("Middle East &amp; Africa", "middle-east-and-africa"),
        ("Middle East and Africa", "middle-east-and-africa"),
        ("MEA", "middle-east-and-africa"),
        ("South & Central America", "south-and-central-america"),
        ("South and Central America", "south-and-central-america"),
        ("Central & South America", "south-and-central-america"),
        ("South America", "south-america"),
        ("Rest of the World", "rest-of-the-world"),
        ("RoW", "rest-of-the-world"),
        ("Global", "global"),
        ("global", "global"),
        ("worldwide", "global"),
        ("U.S.", "united-states"),
        ("US", "united-states"),
        ("USA", "united-states"),
        ("United States", "united-states"),
        ("UK", "united-kingdom"),
        ("U.K.", "united-kingdom"),
        ("UAE", "united-arab-emirates"),
        ("South Korea", "south-korea"),
        ("Korea", "south-korea"),
        ("China", "china"),
        ("Japan", "japan"),
        ("Germany", "germany"),
        ("India", "india"),
        ("Netherlands", "netherlands"),
        ("Vietnam", "vietnam"),
        ("Southeast Asia", "southeast-asia"),
        ("Nordic region", "nordics"),
    ],
)
def test_spellings(text: str, key: str) -> None:
    assert keys(f"Sales in {text} grew.") == [(text, key)]


@pytest.mark.parametrize(
    "text",
    [
        "Contact us today",
        "Contact Us",
        "CONTACT US",
        "valued at US$ 5.4 billion",
        "USD 4,700 million",
        "fine china and porcelain",
        "roast turkey",
        "a row of cells",
        "Asiatic",
        "the domestic market",
        "NA",
        "paid in Canadian dollars",
    ],
)
def test_no_false_hits(text: str) -> None:
    assert keys(text, adjectives=False) == []


def test_longest_leftmost_and_offsets() -> None:
    text = "The Asia-Pacific region, with China and South Korea, outpaced Asia and the U.S. in 2023."
    found = find_places(text)
    assert [(m.as_written, m.place.key) for m in found] == [
        ("Asia-Pacific", "asia-pacific"),
        ("China", "china"),
        ("South Korea", "south-korea"),
        ("Asia", "asia"),
        ("U.S.", "united-states"),
    ]
    for m in found:
        assert text[m.start : m.end] == m.as_written


def test_adjectives_are_flagged() -> None:
    found = find_places("Asian suppliers and European firms and North American plants; American Elements.")
    assert [(m.as_written, m.place.key, m.adjective) for m in found] == [
        ("Asian", "asia", True),
        ("European", "europe", True),
        ("North American", "north-america", True),
        ("American", "united-states", True),
    ]
    assert find_places("Asian suppliers", adjectives=False) == []


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("North America", "north-america"),
        ("north america", "north-america"),
        ("the Asia-Pacific region", "asia-pacific"),
        ("Middle East and Africa", "middle-east-and-africa"),
        ("middle east & africa", "middle-east-and-africa"),
        ("Rest of World", "rest-of-the-world"),
        ("U.S.", "united-states"),
        ("Russian Federation", "russia"),
        ("Korea, Republic of", "south-korea"),
        ("Global", "global"),
        ("North America (U.S., Canada, Mexico)", "north-america"),
        ("Rest of the World (RoW)", "rest-of-the-world"),
        ("APAC", "asia-pacific"),
        ("Asia Pacific Market", "asia-pacific"),
    ],
)
def test_lookup_place(label: str, key: str) -> None:
    found = lookup_place(label)
    assert found is not None and found.key == key


def test_lookup_unknown() -> None:
    assert lookup_place("Hard Carbon") is None
    assert lookup_place("") is None
    assert lookup_place("...") is None


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("U.S.", "US"),
        ("USA", "US"),
        ("UAE", "AE"),
        ("Korea", "KR"),
        ("Netherlands", "NL"),
        ("The Netherlands", "NL"),
        ("UK", "GB"),
        ("China", "CN"),
        ("Japan", "JP"),
        ("DEU", "DE"),
        ("Europe", None),
        ("Global", None),
        ("Hard Carbon", None),
    ],
)
def test_country_code(label: str, code: str | None) -> None:
    assert country_code(label) == code


@given(st.text(max_size=200))
def test_find_places_never_crashes_and_quotes_exactly(text: str) -> None:
    last = -1
    for m in find_places(text):
        assert text[m.start : m.end] == m.as_written
        assert m.start >= last
        last = m.end


def test_every_label_looks_up_its_own_place() -> None:
    for p in places().values():
        for label in (p.name, *p.aliases):
            found = lookup_place(label)
            assert found is not None and found.key == p.key, label


def test_compass_place() -> None:
    from kg.extract.geo import compass_place

    p = compass_place("South India")
    assert p is not None and (p.key, p.name, p.kind, p.broader) == ("south-india", "South India", "region", "india")
    assert compass_place("North-East China").broader == "china"  # type: ignore[union-attr]
    # names the vocabulary knows, lower-case compass words and unknown places are not compass areas
    assert compass_place("South Korea") is None and compass_place("Western Europe") is None
    assert compass_place("south India") is None and compass_place("West Acme") is None


def test_city_country_knows_major_cities_only() -> None:
    from kg.extract.geo import city_country

    assert city_country("Tokyo") == "JP"
    assert city_country("Montreal") == city_country("Montréal") == "CA"
    assert city_country("Perth") is None  # ambiguous (Australia, Scotland): not listed
    assert city_country("Kuraray") is None
