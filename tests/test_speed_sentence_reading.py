"""The shortcuts of the events layer give what the plain reading gives: the sentences find_events skips
can hold no trigger and no weak mention, the people it leaves unclassified are never asked about, and
the document's argument look-ups (`args_over`, `free`) count what a walk over every argument and word
counts."""

from pathlib import Path

import pytest

from tasks.nlp.dates import find_dates
from tasks.nlp.entities import analyze
from tasks.nlp.events import read_document
from tasks.nlp.events.lexicon import lexicon
from tasks.nlp.events.mentions import weak_mention, weak_sentences
from tasks.nlp.events.roles import classify_people, sentences_asked
from tasks.nlp.events.triggers import find_triggers
from tasks.nlp.events.words import CONNECTORS
from tasks.nlp.text.document import Document, sentences_holding

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted(ROOT.glob("quality/*/articles/*.txt"))


def _read(path: Path) -> Document:
    text = path.read_text()
    doc = Document(text, "en" if path.stem.endswith("_en") else "ar")
    a = analyze(doc)
    read_document(doc, a.mentions, a.entities, find_dates(doc, None))
    return doc


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    assert ARTICLES, "the quality articles are the test texts"
    return [_read(p) for p in ARTICLES]


def test_sentences_skipped_hold_no_trigger_and_no_weak_mention(docs: list[Document]) -> None:
    lex = lexicon()
    for doc in docs:
        trigger_sents = sentences_holding(doc, (lex.trigger_rx, lex.remote_rx))
        weak = weak_sentences(doc, lex)
        for si, (s, e) in enumerate(doc.sents):
            if si not in trigger_sents:
                assert find_triggers(doc, lex, s, e) == []
            if si not in weak:
                assert weak_mention(doc, lex, si) is None


def test_a_sentence_is_held_where_a_pattern_matches() -> None:
    lex = lexicon()
    doc = Document("Nothing here.\nThe talks in Geneva ended.\nStill nothing.", "en")
    assert 1 in sentences_holding(doc, (lex.trigger_rx,))
    assert 0 not in sentences_holding(doc, (lex.trigger_rx,))


def test_args_over_and_free_count_as_a_walk(docs: list[Document]) -> None:
    for doc in docs:
        n = len(doc.nt)
        for s in range(0, n, 37):
            e = min(n, s + 90)
            walk = [a for a in doc.args if a.start < e and a.end > s]
            assert doc.args_over(s, e) == walk
            starts = [k for k, ts in enumerate(doc.tok_starts) if s <= ts < e]
            covered = {
                k
                for k, (ts, te) in enumerate(doc.tokens)
                for x in [*doc.args, *doc.dates]
                if ts < x.end and te > x.start
            }
            free = sum(1 for k in starts if k not in covered and doc.words[k] not in CONNECTORS)
            assert doc.free(s, e) == free


FLAGS = ("modifier", "announcer", "commentator", "negotiator", "host", "names_group")


def test_people_classified_by_sentence_read_as_when_all_are(docs: list[Document]) -> None:
    lex = lexicon()
    for doc in docs:
        people = [a for a in doc.args if a.kind == "person"]
        full = [tuple(getattr(p, f) for f in FLAGS) for p in people]
        read = {si for si, (s, e) in enumerate(doc.sents) if find_triggers(doc, lex, s, e)} | weak_sentences(doc, lex)
        asked = sentences_asked(doc, read)
        for p in people:
            for f in FLAGS:
                setattr(p, f, False)
        classify_people(doc, lex, asked)
        for p, flags in zip(people, full, strict=True):
            if doc.sentence_of(p.start) in asked:
                assert tuple(getattr(p, f) for f in FLAGS) == flags
        # a person within two free words after an argument of a read sentence is asked about
        for si in read:
            s, e = doc.sents[si]
            for a in doc.args_in(s, e):
                for p in people:
                    if p.start >= a.end and doc.free(a.end, p.start) <= 2:
                        assert doc.sentence_of(p.start) in asked
