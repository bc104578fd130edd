"""The event steps one by one (tasks/nlp/events/*): each function on a document read from a sentence
written for the test, with the real gazetteer, entities and dates.
"""

from __future__ import annotations

from datetime import date

from tasks.nlp.dates import find_dates
from tasks.nlp.entities import analyze
from tasks.nlp.events import read_document
from tasks.nlp.events.delegations import delegation_sides, negated, seat_people
from tasks.nlp.events.document import Arg
from tasks.nlp.events.lexicon import lexicon
from tasks.nlp.events.place import header, place_compatible, same_place_as
from tasks.nlp.events.roles import meeting_owner
from tasks.nlp.events.sides import between_trigger
from tasks.nlp.events.status import days_of_talks, held_before, is_speech_date
from tasks.nlp.events.triggers import Trigger, find_triggers
from tasks.nlp.text.document import Document

PUB = date(2025, 6, 13)


def doc_of(text: str, language: str = "en", published: date = PUB) -> Document:
    doc = Document(text, language)
    a = analyze(doc)
    nats = [(c.start, c.end, c.code) for c in a.cues if c.source == "nat"]
    return read_document(doc, a.mentions, a.entities, find_dates(doc, published), nats)


def triggers(doc: Document, si: int = 0) -> list[Trigger]:
    s, e = doc.sents[si]
    return find_triggers(doc, lexicon(), s, e)


def arg(doc: Document, key_end: str) -> Arg:
    return next(a for a in doc.args if a.key.endswith(key_end))


# ------------------------------------------------------------------ triggers


def test_phone_contacts_are_remote_triggers_and_phrases_are_one_trigger():
    doc = doc_of("Witkoff met Dmitriev days after a phone call between Trump and Putin.")
    assert [t.kind for t in triggers(doc)] == ["verb", "remote"]
    doc = doc_of("The first round of the trilateral talks was held in Abu Dhabi.")
    assert [(t.kind, doc.nt[t.start : t.end]) for t in triggers(doc)] == [("round", "round of the trilateral talks")]


# ------------------------------------------------------------------ people


def test_participation_cues_seat_whole_lists_but_not_negated_ones():
    lex = lexicon()
    doc = doc_of("Marco Rubio, Mike Waltz and Steve Witkoff sat across the table from Sergei Lavrov and Yuri Ushakov.")
    s, e = doc.sents[0]
    cues = [m.span("core") for m in lex.participation_rx.finditer(doc.nt, s, e)]
    assert {a.key for a in seat_people(doc, lex, s, e, cues)} == {
        "person:rubio",
        "person:waltz",
        "person:witkoff",
        "person:lavrov",
        "person:ushakov",
    }
    doc = doc_of("Dmitry Peskov, who does not take part in the talks, said Yuri Ushakov would lead the delegation.")
    s, e = doc.sents[0]
    cues = [m.span("core") for m in lex.participation_rx.finditer(doc.nt, s, e)]
    assert negated(doc, cues[0][0], s)
    assert "person:peskov" not in {a.key for a in seat_people(doc, lex, s, e, cues)}


def test_delegations_give_their_side():
    lex = lexicon()
    doc = doc_of("The Russian side was represented by Ivan Petrov, while Ukraine's delegation was led by Umerov.")
    s, e = doc.sents[0]
    assert [cc for _, cc in delegation_sides(doc, lex, s, e)] == ["RU", "UA"]


def test_the_owner_of_a_meeting():
    lex = lexicon()
    for text, owner in [
        ("Trump said he had called off his planned summit with Putin.", "person:trump"),
        ("Trump has said he will meet Putin soon.", "person:trump"),
        ("قال روبيو إن المحادثات التي أجراها مع الوفد الأوكراني كانت مثمرة.", "person:rubio"),
    ]:
        doc = doc_of(text, "ar" if not text.isascii() else "en")
        s, e = doc.sents[0]
        t = triggers(doc)[0]
        found = meeting_owner(doc, lex, t, s, e)
        assert found is not None and found.key == owner, text
    doc = doc_of("Peskov said the summit between Trump and Putin was off.")
    s, e = doc.sents[0]
    assert meeting_owner(doc, lex, triggers(doc)[0], s, e) is None


# ------------------------------------------------------------------ sides


def test_between_lists_belong_to_the_trigger_next_to_them():
    doc = doc_of("after eight hours of talks between American and Ukrainian delegations")
    (t,) = triggers(doc)
    assert between_trigger(doc, t, arg(doc, "US"))
    doc = doc_of("محادثات بين وفدين من الولايات المتحدة وأوكرانيا", "ar")
    (t,) = triggers(doc)
    assert between_trigger(doc, t, arg(doc, ":US"))


# ------------------------------------------------------------------ places


def test_a_roundup_header_but_not_a_dateline():
    doc = doc_of("Istanbul, February 27: diplomats met.", published=date(2025, 3, 1))
    place, when = header(doc, *doc.sents[0])
    assert place is not None and place.key == "loc:city:istanbul"
    assert when is not None and when.dm.start_date == date(2025, 2, 27)
    doc = doc_of("ISTANBUL, Feb 27 - diplomats met.", published=date(2025, 3, 1))
    assert header(doc, *doc.sents[0]) == (None, None)


def test_places_inside_places():
    doc = doc_of("Alaska, Anchorage, Miami, Florida, Istanbul, the Ciragan Palace, Turkey, Geneva")
    alaska, anchorage, miami, florida = (arg(doc, k) for k in ("alaska", "anchorage", "miami", "florida"))
    assert same_place_as(alaska, anchorage) and place_compatible(alaska, anchorage)
    assert not place_compatible(alaska, miami) and same_place_as(florida, miami)
    assert same_place_as(arg(doc, "ciragan-palace"), arg(doc, "istanbul"))
    assert place_compatible(arg(doc, "country:TR"), arg(doc, "istanbul"))
    assert not place_compatible(arg(doc, "geneva"), arg(doc, "istanbul"))


# ------------------------------------------------------------------ status and dates


def test_after_hours_of_talks_is_held():
    lex = lexicon()
    for text in ("after more than eight hours of talks", "after Jeddah talks", "بعد أكثر من ثماني ساعات من المحادثات"):
        doc = doc_of(text, "en" if text.isascii() else "ar")
        assert held_before(doc, lex, triggers(doc)[0], 0), text
    doc = doc_of("ready for talks")
    assert not held_before(doc, lex, triggers(doc)[0], 0)


def test_dates_of_saying():
    lex = lexicon()
    for text, said in [
        ("Peskov told reporters on Wednesday that talks would go on.", True),
        ("أعلن البيت الأبيض، الثلاثاء، تأجيل القمة.", True),
        ("Russian and Ukrainian delegations met on Wednesday.", False),
    ]:
        doc = doc_of(text, "en" if text.isascii() else "ar")
        assert is_speech_date(doc, lex, doc.dates[0], 0) is said, text


def test_days_of_talks():
    lex = lexicon()
    doc = doc_of("They wrapped up three days of talks.")
    assert days_of_talks(doc, lex, triggers(doc)[0], 0) == 3
    doc = doc_of("بعد يومين من المحادثات", "ar")
    assert days_of_talks(doc, lex, triggers(doc)[0], 0) == 2
