"""The cheaper people reading (roles.classify_people and its helpers, delegations.seat_people) reads as
before: possessors through titles, headline speakers before a colon, reporters, seated lists."""

from __future__ import annotations

from datetime import date

from tasks.nlp.dates import find_dates
from tasks.nlp.entities import analyze
from tasks.nlp.events import read_document
from tasks.nlp.events.delegations import seat_people
from tasks.nlp.events.lexicon import lexicon
from tasks.nlp.text.document import Document


def _people(text: str) -> dict[str, tuple[bool, bool]]:
    """(modifier, announcer) of each person, by the end of their key."""
    doc = Document(text, "en" if text.isascii() else "ar")
    a = analyze(doc)
    nats = [(c.start, c.end, c.code) for c in a.cues if c.source == "nat"]
    read_document(doc, a.mentions, a.entities, find_dates(doc, date(2025, 6, 13)), nats)
    return {p.key.rsplit(":", 1)[-1]: (p.modifier, p.announcer) for p in doc.args if p.kind == "person"}


def test_possessors_through_titles_in_both_scripts() -> None:
    assert _people("The envoy of President Donald Trump met officials in Moscow.")["trump"][0]
    assert _people("التقى مبعوث الرئيس الأمريكي دونالد ترامب مسؤولين في موسكو.")["trump"][0]
    assert not _people("Steve Witkoff met Vladimir Putin in Moscow.")["witkoff"][0]


def test_headline_speaker_before_a_colon() -> None:
    assert _people("Peskov: no summit yet")["peskov"][1]
    assert _people("Peskov :  no summit yet")["peskov"][1]
    assert not _people("Peskov met Witkoff; no summit yet")["peskov"][1]


def test_seated_lists_and_no_cue() -> None:
    lex = lexicon()
    text = "Marco Rubio, Mike Waltz and Steve Witkoff sat across the table from Sergei Lavrov and Yuri Ushakov."
    doc = Document(text, "en")
    a = analyze(doc)
    read_document(doc, a.mentions, a.entities, find_dates(doc, date(2025, 6, 13)), [])
    s, e = doc.sents[0]
    cues = [m.span("core") for m in lex.participation_rx.finditer(doc.nt, s, e)]
    assert len(seat_people(doc, lex, s, e, cues)) == 5
    assert seat_people(doc, lex, s, e, []) == []
