"""Status from completed durations, outcomes and modals; place precision within one meeting.
Sentences written for these tests (not from any check set), read by the real extract()."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.extract import extract
from tasks.nlp.types import Event

MON = date(2025, 6, 16)  # a Monday


def one(text: str, language: str = "en", published: date = MON) -> Event:
    evs = extract(text, language, published).events
    assert len(evs) == 1, [(e.parties, e.location_key, e.status) for e in evs]
    return evs[0]


# ------------------------------------------------------------------ completed duration and outcome verbs


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Talks between Russia and Ukraine in Istanbul lasted a little over an hour.", "en"),
        ("The talks between Russia and Ukraine in Istanbul on Monday lasted a little over an hour.", "en"),
        ("Russia and Ukraine agreed on Monday to exchange prisoners at a second round of talks in Istanbul.", "en"),
        ("استمرت المحادثات بين روسيا وأوكرانيا في إسطنبول اليوم ساعتين.", "ar"),
        ("اتفقت روسيا وأوكرانيا اليوم الاثنين على تبادل الأسرى خلال جولة ثانية من المحادثات في إسطنبول.", "ar"),
        ("اتفق الوفدان الروسي والأوكراني اليوم في ختام الجولة الثانية من المحادثات في إسطنبول على تبادل الأسرى.", "ar"),
    ],
)
def test_completed_duration_or_reported_outcome_is_held(text, lang):
    assert one(text, lang).status == "held"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Talks between Russia and Ukraine are under way in Istanbul.", "en"),
        ("Talks between Russia and Ukraine continue in Istanbul for a third day.", "en"),
        ("تتواصل المحادثات بين روسيا وأوكرانيا في إسطنبول لليوم الثالث.", "ar"),
        ("استمرت المحادثات بين روسيا وأوكرانيا في إسطنبول لليوم الثالث.", "ar"),
    ],
)
def test_progressive_cues_keep_talks_ongoing(text, lang):
    assert one(text, lang).status == "ongoing"


# ------------------------------------------------------------------ verbs of starting


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Talks between Russia and Ukraine opened in Geneva on Monday.", "en"),
        ("Talks between Russia and Ukraine began in Geneva on Monday.", "en"),
        ("انطلقت اليوم في جنيف المحادثات بين روسيا وأوكرانيا.", "ar"),
    ],
)
def test_talks_that_started_today_are_ongoing(text, lang):
    assert one(text, lang).status == "ongoing"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Russian and Ukrainian negotiators agreed on Monday to extend the grain corridor, in a third round of "
            "talks at a hotel in Geneva that lasted two hours.\n\nSwiss Foreign Minister Ignazio Cassis opened the "
            "meeting and urged both sides to keep talking.",
            "en",
        ),
        (
            "اتفق المفاوضون الروس والأوكرانيون اليوم الاثنين على تمديد ممر الحبوب، في جولة ثالثة من المحادثات "
            "في فندق بجنيف استمرت ساعتين.\n\nوبدأ الاجتماع بكلمة لوزير الخارجية السويسري.",
            "ar",
        ),
    ],
)
def test_a_meeting_that_started_and_ended_is_held(text, lang):
    assert one(text, lang).status == "held"


def test_an_agreement_to_meet_later_stays_planned():
    ev = one("Russia and Ukraine agreed on Monday to hold a new round of talks in Istanbul next week.")
    assert ev.status == "planned"


# ------------------------------------------------------------------ modal proposals


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("قد يلتقي بوتين وترامب في بودابست.", "ar"),
        ("ربما يجتمع الوفدان الروسي والأوكراني في إسطنبول الأسبوع المقبل.", "ar"),
        ("Putin and Trump could meet in Budapest.", "en"),
        ("Russia and Ukraine may hold talks in Istanbul next week.", "en"),
        ("Erdogan floated the idea of a meeting between Putin and Zelensky in Istanbul.", "en"),
    ],
)
def test_modal_meetings_are_proposed(text, lang):
    assert one(text, lang).status == "proposed"


def test_may_the_month_is_no_modal():
    ev = one("Russian and Ukrainian delegations met in Istanbul in May.")
    assert ev.status == "held"


# ------------------------------------------------------------------ the most specific place of one meeting


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The talks between the US and Ukraine were held at a golf club in Hallandale Beach near Miami on Sunday.",
            "en",
        ),
        (
            "US and Ukrainian officials meet in Florida. The talks between the US and Ukraine were held at a golf "
            "club in Hallandale Beach near Miami on Sunday.",
            "en",
        ),
        (
            "American and Ukrainian negotiators held talks in Florida on Sunday. The meeting took place at a "
            "resort near Miami.",
            "en",
        ),
        (
            "مسؤولون أمريكيون وأوكرانيون يجتمعون في فلوريدا. وعقدت المحادثات بين الجانبين الأمريكي والأوكراني "
            "في نادٍ للغولف قرب ميامي يوم الأحد.",
            "ar",
        ),
        ("عقد الوفدان الأمريكي والأوكراني محادثات في ولاية فلوريدا الأحد. وجرت المحادثات في مدينة ميامي.", "ar"),
    ],
)
def test_a_city_in_the_meetings_own_sentences_beats_its_region(text, lang):
    assert one(text, lang).location_key == "loc:city:miami"


def test_fighting_near_a_city_is_not_the_meeting_place():
    ev = one("Russian and Ukrainian officials held talks in Geneva while shelling continued near Kyiv.")
    assert ev.location_key == "loc:city:geneva"
    ev = one("Russian and Ukrainian delegations met in Istanbul on Monday as fighting raged near Kharkiv.")
    assert ev.location_key == "loc:city:istanbul"


def test_near_without_a_locative_before_it_names_no_place():
    ev = one("Russian and Ukrainian delegations met on Monday, days after strikes near Odesa.")
    assert ev.location_key != "loc:city:odesa"
