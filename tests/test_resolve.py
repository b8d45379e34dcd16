"""Company resolution: registry matching, legal-suffix folding, the generic-word guard and linkage."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.resolve import (
    Resolver,
    analyse,
    default_resolver,
    display_name,
    load_registry,
    resolve,
    resolve_all,
    same_company,
)

SEEDS = Path(__file__).resolve().parent / "gold" / "seeds.json"
LOCAL_SEEDS = Path(__file__).parent / "gold" / "seeds.json"


def _seeds() -> dict:
    for p in (LOCAL_SEEDS, SEEDS):
        if p.exists():
            return json.loads(p.read_text(encoding="utf-8"))
    pytest.skip("no gold seeds.json")


def _gold_names() -> tuple[list[str], dict[str, str]]:
    seeds = _seeds()
    gold = {a: c["name"] for c in seeds["companies"] for a in c["aliases"]}
    return sorted(gold), gold


# ------------------------------------------------------------------ registry


def test_registry_is_well_formed() -> None:
    entries = load_registry()
    assert len(entries) >= 80
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys))
    for e in entries:
        assert e.key == analyse(e.key).slug or e.key.replace("-", "").isalnum()
        assert e.country is None or (len(e.country) == 2 and e.country.isupper())
        assert e.wikidata is None or (e.wikidata.startswith("Q") and e.wikidata[1:].isdigit())
    Resolver(entries)  # raises on colliding labels


@pytest.mark.parametrize(
    ("name", "key", "method"),
    [
        ("Kuraray", "kuraray", "registry-exact"),
        ("Kuraray Co., Ltd.", "kuraray", "registry-exact"),
        ("Kuraray (Japan)", "kuraray", "registry-exact"),
        ("Showa Denko", "resonac", "registry-alias"),
        ("Showa Denko K.K.", "resonac", "registry-alias"),
        ("Hitachi Chemical Co., Ltd.", "resonac", "registry-alias"),
        ("Rain Carbon Inc.", "rain-carbon", "registry-exact"),
        ("Rain CII Carbon", "rain-carbon", "registry-alias"),
        ("Rain CIICarbon", "rain-carbon", "registry-alias"),
        ("Shanshan Technology", "shanshan", "registry-alias"),
        ("Ningbo Shanshan Co., Ltd.", "shanshan", "registry-alias"),
        ("LG Chemical", "lg-chem", "registry-alias"),
        ("BTR New Energy Materials Inc.", "btr", "registry-alias"),
        ("BTR New Material Group Co., Ltd.", "btr", "registry-alias"),
        ("POSCO Chemical", "posco-future-m", "registry-alias"),
        ("Century Aluminum Company", "century-aluminum", "registry-exact"),
        ("3M Company", "3m", "registry-exact"),
        ("Shenzhen Shanshan", "shanshan", "registry-fuzzy"),  # only a city prefix differs
        ("Nouveaux Monde Graphite", "nouveau-monde-graphite", "registry-fuzzy"),
        ("OTC", "osaka-titanium-technologies", "registry-alias"),
        ("Livent Corporation", "arcadium-lithium", "registry-alias"),  # a former name
        ("Shangtai Technology Co., Ltd.", "shangtai-technology", "registry-alias"),
        ("Altairnano", "gree-altairnano", "registry-alias"),  # the brand of Gree's LTO business
        ("Gree Altairnano New Energy Inc.", "gree-altairnano", "registry-exact"),
    ],
)
def test_registry_matches(name: str, key: str, method: str) -> None:
    r = resolve(name)
    assert (r.key, r.method) == (key, method), r.reason
    assert r.reason


def test_registry_carries_country_and_wikidata() -> None:
    r = resolve("3M")
    assert r.country == "US" and r.wikidata == "Q159433"
    assert resolve("Kuraray Co., Ltd.").country == "JP"


# ------------------------------------------------------------------ guards


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nippon Carbon", "SGL Carbon"),
        ("Zeto Carbon", "Zeta Carbon"),
        ("Jiangxi Zhengtuo New Energy Technology", "Jiangxi Zichen Technology"),
        ("Shandong Jingyang", "Shandong Chenyang New Carbon Material"),
        ("Guizhou Luxing Carbon New Material", "Shandong Chenyang New Carbon Material"),
        ("China National Petroleum", "China Carbon Graphite"),
        ("Mitsubishi Chemical", "Mitsubishi Materials"),
        ("LG Chem", "LG Energy Solution"),
        ("Tianjiao Technology", "Shinzoom Technology"),
        ("Northern Graphite", "Northern Carbon"),
        ("Yunnan Aluminium", "Yunnan Energy"),
        ("Indian Oil", "China Oil"),  # oil, gas and coal are industry words like carbon
        ("Shanxi Coal", "Henan Coal"),
    ],
)
def test_generic_words_never_merge(a: str, b: str) -> None:
    assert not same_company(analyse(a), analyse(b))[0]
    empty = Resolver(entries=[])
    got = empty.resolve_all([a, b])
    assert got[a].key != got[b].key
    assert resolve_all([a, b])[a].key != resolve_all([a, b])[b].key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rain CIICarbon", "Rain CII Carbon"),
        ("Rain CII", "Rain CII Carbon"),
        ("Shanshan Technology", "Shanshan"),
        ("Rheinfelden", "Rheinfelden Carbon"),
        ("Sunstone Development Co.", "Sunstone Development Co"),
        ("Jining Carbon Group Co", "Jining Carbon"),
        ("Acme Graphite Co., Ltd.", "ACME GRAPHITE"),
        ("Qiangqiang Tansu", "Qiangqiang"),
        ("Hydro-Québec", "Hydro-Quebec"),  # accents are dropped at will
        ("Société Carbonnière", "Societe Carbonniere"),
    ],
)
def test_same_company_without_registry(a: str, b: str) -> None:
    ok, reason = same_company(analyse(a), analyse(b))
    assert ok and reason
    got = Resolver(entries=[]).resolve_all([a, b])
    assert got[a].key == got[b].key


@pytest.mark.parametrize(
    ("name", "display"),
    [
        ("Sunstone Development Co.", "Sunstone Development"),
        ("Guizhou Luxing Carbon New Material Co., Ltd.", "Guizhou Luxing Carbon New Material"),
        ("Jining Carbon Group Co", "Jining Carbon Group"),
        ("MSE Supplies LLC", "MSE Supplies"),
        ("Acme GmbH & Co. KG", "Acme"),
        ("Imerys S.A.", "Imerys"),
        ("Foo Holdings K.K.", "Foo"),
        ("Kuraray (Japan)", "Kuraray"),
        ("Rain CII Carbon LLC (USA)", "Rain CII Carbon"),
        ("Co.", "Co."),
        ("(China)", "(China)"),
    ],
)
def test_display_name_folds_legal_suffixes(name: str, display: str) -> None:
    assert display_name(name) == display


def test_unknown_companies_get_normalised_keys() -> None:
    a = resolve("Sunstone Widget Co.")
    b = resolve("Sunstone Widget Co")
    assert a.key == b.key == "sunstone-widget"
    assert a.name == "Sunstone Widget" and a.method == "normalised"
    c = resolve("Zeto Carbon")
    assert (c.key, c.name, c.method) == ("zeto-carbon", "Zeto Carbon", "new")
    assert c.country is None and c.wikidata is None


# ------------------------------------------------------------------ corpus linkage (seeds.json)


@pytest.mark.parametrize("registry", ["default", "empty"])
def test_gold_linkage(registry: str) -> None:
    """Every pair of gold mentions: one company iff the gold says so; with and without the registry."""
    names, gold = _gold_names()
    resolver = default_resolver() if registry == "default" else Resolver(entries=[])
    got = resolver.resolve_all(names)
    wrong = [
        (a, b)
        for a, b in itertools.combinations(names, 2)
        if (gold[a] == gold[b]) != (got[a].key == got[b].key)
    ]
    assert wrong == []


def test_gold_names_are_canonical_with_registry() -> None:
    names, gold = _gold_names()
    got = resolve_all(names)
    assert {n: got[n].name for n in names} == gold


def test_resolve_all_is_order_independent() -> None:
    names, _ = _gold_names()
    names = names + ["Rheinfelden Carbon GmbH", "Acme Graphite", "ACME GRAPHITE Co., Ltd.", "Zeta Carbon"]
    base = Resolver(entries=[]).resolve_all(names)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = names[:]
        rng.shuffle(shuffled)
        assert Resolver(entries=[]).resolve_all(shuffled) == base
        assert resolve_all(shuffled) == resolve_all(names)


def test_merged_unknowns_take_the_most_complete_spelling() -> None:
    got = Resolver(entries=[]).resolve_all(["Rheinfelden", "Rheinfelden Carbon", "RHEINFELDEN CARBON"])
    assert {r.key for r in got.values()} == {"rheinfelden-carbon"}
    assert {r.name for r in got.values()} == {"Rheinfelden Carbon"}
    assert all("merged" in r.reason for r in got.values())


# ------------------------------------------------------------------ properties

_names = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs", "S"]), min_size=0, max_size=60
)


@settings(max_examples=300, deadline=None)
@given(_names)
def test_resolve_never_crashes_and_is_idempotent(name: str) -> None:
    if not any(ch.isalnum() for ch in name.replace("&amp;", "&")):
        with pytest.raises(ValueError):
            resolve(name)
        return
    r = resolve(name)
    assert r.key and r.name and r.reason
    again = resolve(r.name)
    assert again.key == r.key
    assert again.name == r.name


@settings(max_examples=100, deadline=None)
@given(st.lists(_names, max_size=8))
def test_resolve_all_never_crashes(names: list[str]) -> None:
    names = [n for n in names if any(ch.isalnum() for ch in n.replace("&amp;", "&"))]
    got = resolve_all(names)
    assert set(got) == set(names)
    assert resolve_all(list(reversed(names))) == got


def test_subsidiary_in_another_business_is_not_its_parent() -> None:
    from kg.resolve import RegistryEntry

    r = Resolver(entries=[RegistryEntry("parent", "Korvane Steel Group", "CN", None, ("Korvane",))])
    assert r.resolve("Korvane Carbon Material Technology Co., Ltd.").key != "parent"
    assert r.resolve("Korvane Steel").key == "parent"
    assert r.resolve("Korvane").key == "parent"


@pytest.mark.parametrize(
    ("written", "display"),
    [
        ("Halvmark Carbon Solutions AS", "Halvmark Carbon Solutions"),
        ("Carbomex Industrial S.A. de C.V.", "Carbomex Industrial"),
        ("Tembok Grafit Tbk", "Tembok Grafit"),
        ("Selatan Karbon Sdn Bhd", "Selatan Karbon"),
        ("Gulfa Aluminium B.S.C.", "Gulfa Aluminium"),
    ],
)
def test_more_legal_forms_dropped(written: str, display: str) -> None:
    from kg.resolve import display_name

    assert display_name(written) == display


def test_two_word_legal_forms_are_folded() -> None:
    # Chinese "Share Holding" / "Shareholding" and post-Soviet "Joint Stock" forms before "Co., Ltd."
    assert display_name("Weifang Qilong Share Holding Co., Ltd.") == "Weifang Qilong"
    assert display_name("Weifang Qilong Shareholding Co., Ltd.") == "Weifang Qilong"
    assert display_name("Uralsk Titanate Joint Stock Company") == "Uralsk Titanate"
    # a name that is only the form keeps a word; "Share" alone inside a name is kept
    assert display_name("Market Share Analytics Ltd") == "Market Share Analytics"
    short, full = "Qilong", "Shandong Qilong Share Holding Co., Ltd."
    got = resolve_all([full, short])
    assert got[short].key == got[full].key
