"""Gazetteer data, the automaton's word boundaries and Arabic clitics, organisations, countries."""

from __future__ import annotations

import pytest

from tasks.nlp.entities import analyze, find_entities
from tasks.nlp.gazetteer import load_gazetteer
from tasks.nlp.text.charsets import bare
from tasks.nlp.text.normalize import normalize


def _keys(text: str, kind: str | None = None) -> list[str]:
    mentions, _ = find_entities(text)
    return [m.key for m in mentions if kind is None or m.kind == kind]


def test_loaded_once_and_populated() -> None:
    g = load_gazetteer()
    assert g is load_gazetteer()
    assert {"person:putin", "person:zelensky", "person:witkoff", "person:umerov"} <= set(g.people)
    assert g.places["loc:city:istanbul"].country == "TR"
    assert g.orgs["org:rdif"].country == "RU"
    assert g.orgs["org:eu"].country == "EU"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("وبوتين يرفض", "person:putin"),
        ("قال فبوتين لم يرد", "person:putin"),
        ("رسالة لبوتين", "person:putin"),
        ("سافر لموسكو", "loc:city:moscow"),
        ("المحادثات بإسطنبول", "loc:city:istanbul"),
        ("والكرملين ينفي", "org:kremlin"),
        ("وللكرملين موقف", "org:kremlin"),
        ("بالكرملين اليوم", "org:kremlin"),
        ("وفي البيت الأبيض", "org:white-house"),
        ("ومع الولايات المتحدة", "loc:country:US"),
        ("وبالولايات المتحدة", "loc:country:US"),
    ],
)
def test_arabic_clitics(text: str, key: str) -> None:
    assert key in _keys(text)


def test_clitic_surface_keeps_article_drops_conjunction() -> None:
    mentions, _ = find_entities("وأكد والكرملين وبوتين ذلك")
    surfaces = {m.key: m.surface for m in mentions}
    assert surfaces["org:kremlin"] == "الكرملين"
    assert surfaces["person:putin"] == "بوتين"


@pytest.mark.parametrize(
    "text",
    [
        "البوتينية مصطلح",  # Putin inside a longer word
        "كرملين بلا أداة تعريف",  # article required for the ال-alias
        "Trumpism is a word",
        "the word moscowite",
    ],
)
def test_word_boundaries(text: str) -> None:
    assert _keys(text) == []


def test_english_case_and_possessive() -> None:
    assert _keys("Putin's envoy met Zelenskyy's team", "person") == ["person:putin", "person:zelensky"]
    assert _keys("we trump them", "person") == []
    assert _keys("the agency said it would not join us", "location") == []


def test_acronyms_need_capitals() -> None:
    assert "org:nato" in _keys("NATO allies met the UN envoy.")
    assert "org:un" in _keys("NATO allies met the UN envoy.")
    assert _keys("un peu de nato", "org") == []


@pytest.mark.parametrize(
    ("text", "key", "code"),
    [
        ("صندوق الاستثمار المباشر الروسي", "org:rdif", "RU"),
        ("حلف شمال الأطلسي", "org:nato", None),
        ("الناتو", "org:nato", None),
        ("الاتحاد الأوروبي", "org:eu", "EU"),
        ("the State Department said", "org:state-department", "US"),
        ("the Verkhovna Rada voted", "org:verkhovna-rada", "UA"),
        ("البنتاغون", "org:pentagon", "US"),
    ],
)
def test_organisations_map_to_countries(text: str, key: str, code: str | None) -> None:
    mentions, entities = find_entities(text)
    assert [m.key for m in mentions] == [key]
    assert entities[0].kind == "org" and entities[0].country_code == code


def test_longest_match_wins() -> None:
    # the org contains a nationality adjective; the venue contains a city
    assert _keys("بيان وزارة الخارجية الروسية") == ["org:russian-mfa"]
    assert _keys("على هامش منتدى دافوس") == ["loc:venue:davos-forum"]
    assert _keys("The Washington Post reported") == ["org:washington-post"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("الوفد الروسي", "RU"),
        ("المسؤولين الأوكرانيين", "UA"),
        ("الجانب الأميركي", "US"),
        ("المفاوضون الأمريكيون", "US"),
        ("الوساطة التركية", "TR"),
        ("القادة الأوروبيون", "EU"),
        ("A Saudi official", "SA"),
        ("European leaders", "EU"),
        ("the Emirati mediators", "AE"),
    ],
)
def test_nationality_cues(text: str, code: str) -> None:
    cues = analyze(text).cues
    assert [c.code for c in cues if c.source == "nat"] == [code]
    assert not find_entities(text)[0], "an adjective is not a mention"


def test_countries_from_pycountry_with_arabic_names() -> None:
    g = load_gazetteer()
    assert g.entity("loc:country:AR").name_ar == "الأرجنتين"  # from the iso-codes translations
    assert "loc:country:AR" in _keys("زار الأرجنتين")
    assert "loc:country:US" in _keys("أمريكا وأميركا")
    assert _keys("Türkiye and Turkey") == ["loc:country:TR", "loc:country:TR"]


def test_bare_strips_clitics() -> None:
    n = normalize
    assert bare(n("وللرئيس").text) == "رييس"
    assert bare(n("والمتحدث").text) == "متحدث"
    assert bare(n("بالوزير").text) == "وزير"
    assert bare(n("ومستشار").text) == "مستشار"


def test_scan_is_fast_enough() -> None:
    import time

    text = ("وقال المتحدث باسم الكرملين دميتري بيسكوف إن بوتين سيلتقي ويتكوف في موسكو. " * 200) + (
        "Kremlin spokesman Dmitry Peskov said Putin would meet Witkoff in Moscow. " * 200
    )
    analyze(text)  # warm up
    t0 = time.perf_counter()
    analyze(text)
    assert time.perf_counter() - t0 < 2.0
