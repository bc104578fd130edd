"""Capitals named by their country (tasks/nlp/capitals.py), the gazetteer's capitals and regions, and
the word-list loader that keeps "on"/"no" words (tasks/nlp/yaml_resources.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.nlp.entities import analyze
from tasks.nlp.gazetteer import RESOURCES, load_gazetteer
from tasks.nlp.yaml_resources import load_resource


def places(text: str) -> list[tuple[str, str]]:
    return [(m.key, m.surface) for m in analyze(text).mentions if m.kind == "location"]


@pytest.mark.parametrize(
    ("text", "key", "surface"),
    [
        ("Officials met in the Saudi capital on Tuesday.", "loc:city:riyadh", "Saudi capital"),
        ("They flew to Russia's capital.", "loc:city:moscow", "Russia's capital"),
        ("The talks moved to the capital of Hungary.", "loc:city:budapest", "capital of Hungary"),
        ("التقى الوفدان في العاصمة السعودية أمس.", "loc:city:riyadh", "العاصمة السعودية"),
        ("وصل الوفد بالعاصمة الإماراتية مساء الخميس.", "loc:city:abu-dhabi", "العاصمة الإماراتية"),
        ("عقدت المحادثات في عاصمة المجر.", "loc:city:budapest", "عاصمة المجر"),
    ],
)
def test_a_capital_named_by_its_country_is_the_city(text: str, key: str, surface: str) -> None:
    assert places(text) == [(key, surface)]


def test_a_named_city_stays_and_money_is_no_city() -> None:
    assert places("The talks in the Hungarian capital, Budapest, were called off.") == [
        ("loc:city:budapest", "Budapest")
    ]
    assert places("وصل ويتكوف إلى العاصمة الروسية موسكو.") == [("loc:city:moscow", "موسكو")]
    assert places("Saudi capital markets rose.") == []


def test_gazetteer_capitals_and_regions() -> None:
    g = load_gazetteer()
    assert g.capitals["SA"] == "loc:city:riyadh" and g.capitals["CH"] == "loc:city:bern"
    assert g.region_of("loc:city:anchorage") == "loc:region:alaska"
    assert g.region_of("loc:venue:elmendorf-richardson") == "loc:region:alaska"
    assert g.region_of("loc:city:geneva") is None


def test_word_lists_keep_yaml_1_1_booleans_as_words(tmp_path: Path) -> None:
    f = tmp_path / "w.yaml"
    f.write_text("en: [on, off, yes, no, true]\nNO: Norway\nflag: false\n", encoding="utf-8")
    assert load_resource(f) == {"en": ["on", "off", "yes", "no", True], "NO": "Norway", "flag": False}


def test_no_resource_word_list_holds_a_boolean() -> None:
    def walk(x: object, where: str) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                assert not isinstance(k, bool), f"{where}: key {k}"
                walk(v, f"{where}/{k}")
        elif isinstance(x, list):
            for v in x:
                assert not isinstance(v, bool), f"{where}: {v}"
                walk(v, where)

    for path in sorted(RESOURCES.glob("*.yaml")):
        walk(load_resource(path), path.name)
