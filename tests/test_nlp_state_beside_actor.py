"""A state's body named bare («الجيش», «الحكومة», "the government") beside a known non-state side is
that side's state: the meeting has its two sides.

Every sentence here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.extract import extract

PUB = date(2024, 3, 12)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "language", "sides"),
    [
        ("انطلقت اليوم في مسقط جولة محادثات بين الحكومة والحوثيين برعاية أممية.", "ar", {"YE", "org:houthis"}),
        ("عقدت في نيروبي اليوم جولة مفاوضات بين حركة الشباب والحكومة.", "ar", {"SO", "org:al-shabaab"}),
        ("بدأت في جيبوتي اليوم محادثات بين القوات المسلحة وقوات الدعم السريع.", "ar", {"SD", "org:rsf"}),
        ("Talks between the government and the Taliban opened in Doha on Tuesday.", "en", {"AF", "org:taliban"}),
    ],
)
def test_a_bare_state_body_beside_a_movement_is_that_movements_state(text, language, sides) -> None:
    (ev,) = extract(text, language, PUB).events
    assert set(ev.sides) == sides


def test_a_state_body_with_its_own_country_keeps_it() -> None:
    # «الحكومة الإسرائيلية وحماس»: the government is named by its nationality, not Hamas's country
    # (guard: true before the rule too; it keeps the rule from overriding a named country)
    text = "بدأت في القاهرة اليوم جولة مفاوضات غير مباشرة بين الحكومة الإسرائيلية وحماس."
    (ev,) = extract(text, "ar", PUB).events
    assert "IL" in ev.parties and "org:hamas" in ev.sides


def test_a_state_body_not_coordinated_with_the_movement_gives_nothing() -> None:
    # the government speaks; it is not listed with the Houthis, so it is no side of its own
    # (guard, as above: it keeps the rule to nouns coordinated with the movement)
    text = "قالت الحكومة إن جولة المحادثات مع الحوثيين في مسقط تأجلت إلى الأسبوع المقبل."
    assert [ev.sides for ev in extract(text, "ar", PUB).events] == []


def test_a_round_that_began_weeks_ago_keeps_the_day_it_began() -> None:
    # "which began on 5 January", published seven weeks later: the round's first day, not a stale date
    text = (
        "The second round of the Kenya-Tanzania talks, which began on 5 January, abruptly ended as the "
        "negotiating team of Tanzania stopped participating in Arusha."
    )
    (ev,) = extract(text, "en", date(2021, 2, 23)).events
    assert ev.start_date == date(2021, 1, 5)


def test_talks_launched_years_ago_are_not_dated_by_their_launch() -> None:
    # «انطلقت هذه المحادثات في مارس عام 2002»: the process began then; no round of 2002 comes of it
    text = "وانطلقت المحادثات الاستكشافية بين كينيا وتنزانيا في مارس عام 2002 في أروشا، وشهدت انقطاعا طويلا."
    assert all(
        ev.start_date is None or ev.start_date.year != 2002 for ev in extract(text, "ar", date(2021, 2, 23)).events
    )
