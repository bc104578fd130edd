"""People nobody listed, by kind of error: titles, honorifics, name particles, title words inside names,
the boundaries of a name after or before its title, and words that are no name (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from tasks.nlp.entities import find_entities
from tasks.nlp.types import Entity, Mention


def _people(text: str) -> tuple[list[Mention], dict[str, Entity]]:
    mentions, entities = find_entities(text)
    return [m for m in mentions if m.kind == "person"], {e.key: e for e in entities if e.kind == "person"}


def _surfaces(text: str) -> list[str]:
    return [m.surface for m in _people(text)[0]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a known given name read as a clitic and a particle: فيصل is no ف + يصل
        ("قال وزير الخارجية فيصل حداد إن المفاوضات ستستمر.", "فيصل حداد"),
        # a name particle takes the next word whatever it is (ولد الشيخ), and «ولد» is no «و» + «لد»
        ("وصل المبعوث الخاص محمد ولد الشيخ سالم إلى العاصمة.", "محمد ولد الشيخ سالم"),
        ("بحضور كل من محمدن ولد الرشيد رئيس المجلس الجهوي.", "محمدن ولد الرشيد"),
        # a title word that is also a name word, between a given name and a name word
        ("قال وزير الخارجية الإيراني حسين أمير رضائي إن الجولة كانت مفيدة.", "حسين أمير رضائي"),
        ("وأكد الرئيس الصومالي حسن شيخ عمر أن بلاده مستعدة.", "حسن شيخ عمر"),
        # an honorific opens the name, even with a common word (صباح), and a dynasty name runs on
        ("استقبل وزير الخارجية الكويتي الشيخ صباح سالم الصباح الوفد.", "صباح سالم الصباح"),
        ("استقبل أمير البلاد الشيخ صباح السالم الصباح المفاوضين.", "صباح السالم الصباح"),
        # a compound given name right after the title; a verb after the longest name is no name
        ("وأفاد مصدر بأن الرئيس عبد ربه محمد سعيد بعث برسالة إلى المبعوث.", "عبد ربه محمد سعيد"),
        ("وقال القائد المتمرد عبد العزيز الخطيب إن قواته ملتزمة.", "عبد العزيز الخطيب"),
        # a nationality after the title's comma belongs to the title
        ("وكان المبعوث الأممي للمنطقة، النرويجي توربيورن هالفورسن قد التقى الوفدين.", "توربيورن هالفورسن"),
        # a colon between the title and its holder
        ("وتحدث وزير الخارجية الهولندي: ديرك فانبرغ ، إلى الصحفيين.", "ديرك فانبرغ"),
        # a name right before its title, opening the clause, with no comma and no known given name
        ("وقال جوزيان مخلوف المتحدثة باسم البعثة إن الاجتماع سيعقد غدا.", "جوزيان مخلوف"),
        # titles that were not read: قيادي، معاون، مفوض
        ("وقال القيادي في الجبهة سامر خليل إن الحوار متواصل.", "سامر خليل"),
        ("وترأس الوفد الدكتور نبيل سمعان معاون وزير الخارجية.", "نبيل سمعان"),
        ("وحضر المفوض السامي في الإقليم ريتشارد مور أمس.", "ريتشارد مور"),
        # a nationality after a comma opens the next item of a list, even after a known person
        ("حضر الاجتماع وزير الخارجية الروسي سيرغي لافروف، والإيراني حسين رضائي، والتركي كمال أوزتورك.", "حسين رضائي"),
        # an English dash with spaces opens an aside; it joins no name
        ("The talks were opened by President Carlos Mendez – the first leader to visit – on Monday.", "Carlos Mendez"),
    ],
)
def test_person_found_whole(text: str, name: str) -> None:
    assert name in _surfaces(text)


@pytest.mark.parametrize(
    "text",
    [
        # a preposition closing the title wants its object: no name right after it
        "وأعرب الرئيس البرازيلي في مؤتمر صحفي عن دعمه للحوار.",
        # a particle with a clitic (لكل = ل + كل) is no name word
        "وتم الاتفاق بالشراكة مع ممثل مشترك لكل من الاتحاد والهيئة.",
        # «آخر» and «عقب» are no name words
        "وسيصدر مكتب المبعوث الخاص بيانا آخر في الوقت المناسب.",
        # «و» before a plural after a title is «and»
        "بحضور الأمين العام للحلف ورؤساء حكومات أوروبية.",
        # an honorific before a preposition or a verb opens no name
        "وجاء تصريح أمير البلاد خلال استقباله الوفد.",
    ],
)
def test_no_person(text: str) -> None:
    assert _surfaces(text) == []


def test_name_stops_before_preposition() -> None:
    names = _surfaces("أكد وزير الخارجية التركي مراد أوزغول أوغلو عقب مباحثات مع نظيره.")
    assert "مراد أوزغول أوغلو" in names
    assert not any("عقب" in n for n in names)


def test_title_holder_before_comma_wins() -> None:
    """«<Name> <title>، <words>»: the name before the title holds it, not the words after its comma."""
    text = "وأكد ستيفانو مورتي المتحدث باسم الأمانة العامة، ترحيبه بقرار الطرفين."
    assert _surfaces(text) == ["ستيفانو مورتي"]


def test_role_and_country_come_with_the_name() -> None:
    _, people = _people("وكان المبعوث الأممي للمنطقة، النرويجي توربيورن هالفورسن قد التقى الوفدين.")
    (p,) = people.values()
    assert p.country_code == "NO"
    assert p.role and p.role.startswith("المبعوث الأممي")


def test_wuld_family_name_links_later_mentions() -> None:
    """«ولد الشيخ» alone later in the article is the person named in full before."""
    mentions, people = _people(
        "وصل المبعوث الخاص محمد ولد الشيخ سالم إلى العاصمة. وقال ولد الشيخ إن المشاورات ستستأنف."
    )
    assert len(people) == 1
    assert [m.surface for m in mentions] == ["محمد ولد الشيخ سالم", "ولد الشيخ"]
