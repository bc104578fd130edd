"""Mediators read as mediators: a country the article calls a mediator is not a side while another side
remains; a country after «مع»/"with" is a side, never the venue; «بوساطة» after a side names the next
country. Sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.extract import extract

PUB = date(2025, 4, 12)


def read(text: str, language: str) -> list[tuple[str, list[str], list[str], str | None]]:
    return [(e.status, e.sides, e.mediators, e.location_key) for e in extract(text, language, PUB).events]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the mediator's own meeting with one side belongs to the mediated talks
        (
            "ar",
            "أكد عراقجي أن طهران وافقت على عقد الجولة المقبلة من المحادثات مع واشنطن الأحد في مسقط التي تقود "
            "منذ أسابيع جهود الوساطة.",
            [("planned", ["IR", "US"], ["OM"], "loc:city:muscat")],
        ),
        (
            "en",
            "Iran and the United States held a second round of talks in Rome on Saturday, mediated by Oman.\n"
            "Iranian Foreign Minister Abbas Araghchi met his Omani counterpart before the talks.",
            [("held", ["IR", "US"], ["IT", "OM"], "loc:city:rome")],
        ),
        # «مع الولايات المتحدة بوساطة عمانية»: the US is a side (not the place, not the mediator)
        (
            "ar",
            "وصل وزير الخارجية الإيراني عباس عراقجي إلى مسقط لبدء جولة جديدة من المفاوضات مع الولايات المتحدة "
            "بوساطة عمانية.",
            [("held", ["IR", "US"], ["OM"], "loc:city:muscat")],
        ),
    ],
)
def test_mediators_mediate(
    language: str, text: str, expected: list[tuple[str, list[str], list[str], str | None]]
) -> None:
    assert read(text, language) == expected


def test_without_a_mediation_word_a_meeting_with_oman_is_a_meeting_with_oman() -> None:
    text = "Iranian Foreign Minister Abbas Araghchi met Omani Foreign Minister Badr Albusaidi in Muscat on Sunday."
    assert read(text, "en") == [("held", ["IR", "OM"], [], "loc:city:muscat")]


def test_a_three_way_meeting_with_its_sides_unsaid_follows_the_earlier_three_way_one() -> None:
    # the article's last two-sided meeting (Iran–US) is not the sides of «مفاوضات ثلاثية»
    text = (
        "أعلن زيلينسكي أن المفاوضات الثلاثية بين روسيا والولايات المتحدة وأوكرانيا ستعقد يومي 4 و5 فبراير في أبوظبي.\n"
        "وتجري في مسقط مفاوضات بين إيران والولايات المتحدة منذ أسابيع.\n"
        "ويومي 23 و24 يناير الماضي، استضافت أبوظبي مفاوضات ثلاثية."
    )
    events = extract(text, "ar", date(2026, 2, 1)).events
    last = [e for e in events if e.start_date == date(2026, 1, 23)]
    assert [e.sides for e in last] == [["RU", "UA", "US"]]


def test_countries_in_a_clause_of_reason_are_not_sides() -> None:
    text = (
        "أعلن زيلينسكي أن المحادثات الثلاثية بين روسيا والولايات المتحدة وأوكرانيا ستعقد في أبوظبي يوم 4 فبراير.\n"
        "إلا أنه قال إن موعد أو مكان الاجتماعات قد يتغير لأننا نرى أن هناك أمورا تحدث بين أمريكا وإيران."
    )
    assert [e.sides for e in extract(text, "ar", date(2026, 2, 1)).events] == [["RU", "UA", "US"]]


def test_the_principal_of_envoys_in_the_dual_or_plural_construct_is_not_at_the_table() -> None:
    # «مبعوثا ترامب», «مبعوثا الرئيس الأمريكي دونالد ترامب»: Trump sends them, he does not sit there
    for text in (
        "وشارك مبعوثا ترامب، ويتكوف وكوشنر، في محادثات مع الوفد الأوكراني في فلوريدا يوم الأحد.",
        "والتقى مبعوثا الرئيس الأمريكي دونالد ترامب ستيف ويتكوف وجاريد كوشنر "
        "الرئيس الروسي فلاديمير بوتين في موسكو أمس.",
    ):
        (event,) = extract(text, "ar", date(2025, 12, 3)).events
        people = {p.person_key for p in event.participants}
        assert {"person:witkoff", "person:kushner"} <= people and "person:trump" not in people


def test_a_delegation_sentence_told_in_the_past_seats_its_people_at_the_talks_held() -> None:
    # the same sentence also proposes a summit; the next one tells who sat at the talks held today
    text = (
        "أجرى مسؤولون أميركيون وروس كبار مباحثات في جنيف اليوم.\n"
        "وتأتي المباحثات تمهيدا لقمة محتملة بين بوتين وترامب في السعودية.\n"
        "وأظهرت لقطات طاولة جلس حولها من الجانب الأميركي وزير الخارجية ماركو روبيو ومن الجانب الروسي "
        "وزير الخارجية سيرغي لافروف."
    )
    events = extract(text, "ar", date(2025, 2, 18)).events
    held = [e for e in events if e.status == "held"]
    assert len(held) == 1
    assert {"person:rubio", "person:lavrov"} <= {p.person_key for p in held[0].participants}


def test_the_principal_named_with_la_after_an_envoy_is_not_at_the_table() -> None:
    text = "والتقى المبعوث الخاص لترامب ستيف ويتكوف الرئيس الروسي فلاديمير بوتين في موسكو أمس."
    (event,) = extract(text, "ar", date(2025, 12, 3)).events
    assert "person:trump" not in {p.person_key for p in event.participants}


def test_an_english_possessor_of_envoys_or_a_son_in_law_is_not_at_the_table() -> None:
    for text, day in (
        (
            "Special envoy Steve Witkoff and Trump's son-in-law, Jared Kushner, held talks with Russian President "
            "Vladimir Putin in the Kremlin on Tuesday.",
            date(2025, 12, 3),
        ),
        (
            "Trump's envoys Steve Witkoff and Jared Kushner met Ukrainian officials in Miami on Saturday.",
            date(2025, 12, 20),
        ),
    ):
        (event,) = extract(text, "en", day).events
        people = {p.person_key for p in event.participants}
        assert {"person:witkoff", "person:kushner"} <= people and "person:trump" not in people
