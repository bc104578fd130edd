"""One person, one person id: spellings of a name across articles and scripts are linked in the
warehouse (int_person_identities), and the names the extraction reads as people are names.

The names here are made up for the tests."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from lakes import Ev, Lake, built, fetch, person_id_for

from tasks.nlp.entities import find_entities
from tasks.nlp.gazetteer import phonetic
from tasks.nlp.settings import NLP
from warehouse.build import build_warehouse
from warehouse.models import load_project

MIAMI = "loc:city:miami"


def discovered(lake: Lake, name: str, key: str, *, published: str = "2025-12-20", events: tuple[Ev, ...] = ()) -> str:
    """An article naming one person the gazetteer does not know, keyed as the extraction keys it."""
    arabic = key.startswith("person:ar:")
    over = {key: {"name_en": None if arabic else name, "name_ar": name if arabic else None}}
    text = f"Report {key}.\n{name} spoke to reporters.\n" + "\n".join(ev.sentence or "" for ev in events)
    return lake.add_article(
        key, *events, people=[key], text=text, published=published, entity_overrides=over
    ).article_id


def people(db: Path) -> dict[str, tuple[str | None, str | None]]:
    return {r[0]: (r[1], r[2]) for r in fetch(db, "SELECT person_id, name_en, name_ar FROM people")}


def ids_of(db: Path, *article_ids: str) -> set[str]:
    got = fetch(db, "SELECT article_id, person_id FROM article_people")
    return {p for a, p in got if a in article_ids}


# ---------------------------------------------------------------------- the warehouse links spellings


def test_a_name_in_two_scripts_is_one_person(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    sentence = "Delegations of RU and US held talks in Miami with Taras Bondarenko [t]."
    a = discovered(
        lake,
        "Taras Bondarenko",
        "person:en:taras bondarenko",
        events=(
            Ev(
                ["RU", "US"],
                place=MIAMI,
                start="2025-12-20",
                participants=[("person:en:taras bondarenko", "UA")],
                sentence=sentence,
            ),
        ),
    )
    b = discovered(lake, "تاراس بوندارينكو", "person:ar:تاراس بوندارينكو", published="2025-12-21")
    # consonants alike, but two names in one script: two people
    c = discovered(lake, "محمد سليمان", "person:ar:محمد سليمان")
    d = discovered(lake, "محمود سليمان", "person:ar:محمود سليمان")
    db = built(lake, tmp_path)
    one = person_id_for("person:en:taras bondarenko")
    assert ids_of(db, a, b) == {one}
    assert people(db)[one] == ("Taras Bondarenko", "تاراس بوندارينكو")
    assert person_id_for("person:ar:تاراس بوندارينكو") not in people(db)
    assert fetch(db, "SELECT DISTINCT person_id FROM round_participants") == [(one,)]
    assert len(ids_of(db, c, d)) == 2


def test_spellings_link_through_each_other(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    arts = [
        discovered(lake, "كاميلو بيريرا", "person:ar:كاميلو بيريرا"),
        discovered(lake, "Camilo Pereira", "person:en:camilo pereira"),
        discovered(lake, "كاميلو بيرييرا", "person:ar:كاميلو بيرييرا"),
        # accents and the dotless ı are one spelling in Latin letters
        discovered(lake, "Yıldız Okan", "person:en:yıldız okan"),
        discovered(lake, "Yildiz Okan", "person:en:yildiz okan"),
        # a compound given name written apart, and a final h
        discovered(lake, "عبد الله ناصيف", "person:ar:عبد الله ناصيف"),
        discovered(lake, "Abdullah Nasif", "person:en:abdullah nasif"),
    ]
    db = built(lake, tmp_path)
    assert ids_of(db, *arts[:3]) == {person_id_for("person:en:camilo pereira")}
    assert len(ids_of(db, *arts[3:5])) == 1
    assert ids_of(db, *arts[5:]) == {person_id_for("person:en:abdullah nasif")}
    assert len(people(db)) == 3


def test_one_consonant_apart_across_scripts_and_typos(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    a = discovered(lake, "Bogdan Vlasic", "person:en:bogdan vlasic")
    b = discovered(lake, "بوغدان فلاسيتش", "person:ar:بوغدان فلاسيتش")
    # a gazetteer person's name with a typo, and with its Arabic letters otherwise
    c = discovered(lake, "Vladimir Medinksy", "person:en:vladimir medinksy")
    d = discovered(lake, "فلاديمير مدينسكي", "person:ar:فلاديمير مدينسكي")
    e = lake.add_article("known", people=["person:medinsky"])
    # one letter apart in one script, but short: two names (Hamid / Hamad, Sami / Rami)
    f = discovered(lake, "Rami Toma", "person:en:rami toma")
    g = discovered(lake, "Sami Toma", "person:en:sami toma")
    db = built(lake, tmp_path)
    assert len(ids_of(db, a, b)) == 1
    assert ids_of(db, c, d, e.article_id) == {person_id_for("person:medinsky")}
    assert len(ids_of(db, f, g)) == 2


def test_one_arabic_letter_apart_is_one_edit(tmp_path: Path) -> None:
    """A surname one Arabic letter apart in one script is one person (DuckDB counts bytes, and an
    Arabic letter is two: the distance must count letters); two letters apart stay two."""
    lake = Lake(tmp_path / "lake")
    a = discovered(lake, "ستيفن مالوشين", "person:ar:ستيفن مالوشين")
    b = discovered(lake, "ستيفن مالوتشين", "person:ar:ستيفن مالوتشين")
    c = discovered(lake, "روبرت كاتيزر", "person:ar:روبرت كاتيزر")
    d = discovered(lake, "روبرت كاتهايزر", "person:ar:روبرت كاتهايزر")
    db = built(lake, tmp_path)
    assert len(ids_of(db, a, b)) == 1
    assert len(ids_of(db, c, d)) == 2


def test_given_names_transliterated_with_other_letters_are_one(tmp_path: Path) -> None:
    """طوني ~ توني and أنغيلا ~ أنجيلا with the same surname are one person; محمد ~ محمود (a letter
    added) and قاسم ~ جاسم (two Arab names) stay two."""
    lake = Lake(tmp_path / "lake")
    a = discovered(lake, "طوني برادلي", "person:ar:طوني برادلي")
    b = discovered(lake, "توني برادلي", "person:ar:توني برادلي")
    c = discovered(lake, "انغيلا كوخر", "person:ar:انغيلا كوخر")
    d = discovered(lake, "انجيلا كوخر", "person:ar:انجيلا كوخر")
    e = discovered(lake, "محمد العطار", "person:ar:محمد العطار")
    f = discovered(lake, "محمود العطار", "person:ar:محمود العطار")
    g = discovered(lake, "قاسم الهيتي", "person:ar:قاسم الهيتي")
    h = discovered(lake, "جاسم الهيتي", "person:ar:جاسم الهيتي")
    db = built(lake, tmp_path)
    assert len(ids_of(db, a, b)) == 1
    assert len(ids_of(db, c, d)) == 1
    assert len(ids_of(db, e, f)) == 2
    assert len(ids_of(db, g, h)) == 2


def test_a_short_form_is_its_long_form_when_only_one_fits(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    a = discovered(lake, "حمدان يوسف الطاهر", "person:ar:حمدان يوسف الطاهر")
    b = discovered(lake, "حمدان يوسف", "person:ar:حمدان يوسف")
    c = discovered(lake, "Jonas Peter Aldermann", "person:en:jonas peter aldermann")
    d = discovered(lake, "Jonas Aldermann", "person:en:jonas aldermann")
    # «سامي خليل» fits two long forms of two people: it is neither
    e = discovered(lake, "سامي خليل عمران", "person:ar:سامي خليل عمران")
    f = discovered(lake, "سامي خليل بدوي", "person:ar:سامي خليل بدوي")
    g = discovered(lake, "سامي خليل", "person:ar:سامي خليل")
    db = built(lake, tmp_path)
    assert len(ids_of(db, a, b)) == 1
    assert len(ids_of(db, c, d)) == 1
    assert len(ids_of(db, e, f, g)) == 3


def test_a_short_form_across_scripts_needs_its_surname_letter_for_letter(tmp_path: Path) -> None:
    """A two-word name in one script is the short form of a long name in the other only when the
    surnames agree: one consonant apart is a transliteration's slip between two full names, but
    between a short and a long form it joins two men who share a common given name («يوسف بن سالم آل
    خليفة» is not "Yousef Khalil")."""
    lake = Lake(tmp_path / "lake")
    a = discovered(lake, "Yousef Khalil", "person:en:yousef khalil")
    b = discovered(lake, "يوسف بن سالم آل خليفة", "person:ar:يوسف بن سالم ال خليفه")
    d = discovered(lake, "يوسف خليل", "person:ar:يوسف خليل")
    e = discovered(lake, "راشد بن علي آل منصور", "person:ar:راشد بن علي ال منصور")
    f = discovered(lake, "Rashid Mansour", "person:en:rashid mansour")
    db = built(lake, tmp_path)
    assert ids_of(db, a) != ids_of(db, b)
    assert ids_of(db, a) == ids_of(db, d)  # two full names in two scripts
    assert ids_of(db, e) == ids_of(db, f)  # the same surname: the short form of the long name


def test_gazetteer_people_stay_apart_and_the_analyst_decides(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    # fits two known people: linked to neither
    over = {"person:putin": {"name_en": "Vladimir Medinska"}}
    lake.add_article("p", people=["person:putin"], entity_overrides=over)
    lake.add_article("m", people=["person:medinsky"])
    amb = discovered(lake, "Vladimir Medinski", "person:en:vladimir medinski")
    a = discovered(lake, "Lena Marsh", "person:en:lena marsh")
    b = discovered(lake, "لينا مارش", "person:ar:لينا مارش")
    lake.flush()
    db = tmp_path / "w.duckdb"
    build_warehouse(lake.root, db)
    assert ids_of(db, amb) == {person_id_for("person:en:vladimir medinski")}
    assert ids_of(db, a, b) == {person_id_for("person:en:lena marsh")}
    # an analyst's alias of a key is followed rather than the spelling's
    fixes = tmp_path / "corrections.yaml"
    fixes.write_text('same_entity:\n  - {alias: "person:ar:لينا مارش", canonical: person:witkoff}\n', encoding="utf-8")
    build_warehouse(lake.root, db, fixes)
    assert ids_of(db, b) == {person_id_for("person:witkoff")}
    assert ids_of(db, a) == {person_id_for("person:en:lena marsh")}


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for path in load_project().macros:
        con.execute(path.read_text(encoding="utf-8"))
    return con


@pytest.mark.parametrize(
    "word",
    [
        "أوهورو",
        "كينياتا",
        "uhuru",
        "kenyatta",
        "kılıç",
        "çavuşoğlu",
        "تشاويش",
        "المشاط",
        "michel",
        "zelenskyy",
        "غاتلوك",
    ],
)
def test_the_warehouse_reads_names_as_the_extraction_does(con: duckdb.DuckDBPyConnection, word: str) -> None:
    assert con.execute("SELECT phonetic_word(?)", [word]).fetchone()[0] == phonetic(word)
    assert con.execute("SELECT name_min_phonetic()").fetchone()[0] == NLP.name_min_phonetic


# ---------------------------------------------------------------------- the extraction reads names


def people_in(text: str) -> list[str]:
    mentions, _ = find_entities(text)
    return [m.surface for m in mentions if m.kind == "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word with a pronoun, a verb in the plural: no names
        ("وكان المبعوث الأممي يقرب بينهم في الجلسة الأخيرة.", []),
        ("وكتب أن ممثلي رجعوا سريعا إلى البلاد.", []),
        # a double surname joined by a hyphen is one name
        ("وحضرت الوزيرة السابقة تيرونا باكيلا- سيمبو الاجتماع.", ["تيرونا باكيلا- سيمبو"]),
        # a caption cut short by an ellipsis cuts the name too
        ("He met the bloc's foreign policy chief Henrik Valst... before the talks.", []),
    ],
)
def test_names_read_as_people_are_names(text: str, expected: list[str]) -> None:
    assert people_in(text) == expected


def test_the_holder_of_a_title_is_no_adviser_to_himself() -> None:
    # the person right after a title and a nationality holds the title: what follows the comma is no name
    text = "تلقى الوزير اتصالا من نظيره الروسي سيرغي لافروف، ناقشا خلاله الأوضاع في المنطقة."
    assert people_in(text) == ["سيرغي لافروف"]
    # an adviser to a named president is named after the comma
    text = "وقال مستشار الرئيس الأمريكي دونالد ترامب، جيرالد موسكوفيتش، إن المحادثات مستمرة."
    assert people_in(text) == ["دونالد ترامب", "جيرالد موسكوفيتش"]
