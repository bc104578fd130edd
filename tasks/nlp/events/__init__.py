"""Talk events: which meetings an article reports, between whom, where, when, with what status.

    find_events(doc, mentions, entities, dates, published, nationalities=None)
        -> list[Event]   (one per real meeting, in order of first appearance; offsets are original)
    read_document(doc, mentions, entities, dates, nationalities=None) -> Document
        adds the events layer to the article's Document (tasks/nlp/text/document.py): what the
        steps below read (for testing one step at a time)

How (every word list is data in tasks/nlp/resources/: triggers.yaml, status_markers.yaml,
outcomes.yaml, event_cues.yaml):

1. Triggers («محادثات», «جولة», «التقى», «استقبل», "talks", "met", "discussing" ...) are found in the
   normalised text; adjacent ones form one phrase («الجولة الثالثة من المفاوضات», "round of the
   trilateral talks"). Phone and video contacts ("a phone call between Trump and Putin", «محادثات
   هاتفية») are remote pseudo-triggers: they own the names and outcomes around them and found nothing.
2. Every argument of a sentence (people, places, orgs, nationality adjectives, dates, status
   markers) goes to its nearest trigger, distance counted in words that are not themselves
   arguments (Arabic arguments lean to the trigger before them, English subjects to the one
   after). Each trigger becomes an *event mention*:
   - sides: lists read as one («بين روسيا والولايات المتحدة», "U.S. and Russian officials"); a list
     after "between"/«بين» is all the sides; the subject of the talks ("talks on Ukraine", «حول
     أوكرانيا»), a "with" hanging from a ceasefire or a war, places and possessors are not sides;
   - hosts: «بوساطة», "hosted by", "welcomed the delegations", the venue's country;
   - place: a locative (far off too, for a city or venue), a construct «مفاوضات ميامي», a host or
     travel word, a roundup header "Riyadh, February 18:", "there"/«في المدينة نفسها» (the last
     meeting's place); "the Saudi capital" is already Riyadh (tasks/nlp/capitals.py);
   - date: not the date of saying, a dateline or a «منذ» reference; the one date of a one-meeting
     sentence; "after eight hours of talks" on the day something was said; "a day after" another
     meeting of the sentence; "three days of talks" start two days before their last;
   - status: the nearest marker (cancelled wins; "after ... talks" is held); round number or count;
     outcomes (only when produced, not hoped);
   - people: those near the trigger, those a participation cue seats with their whole list ("led by
     X, joined by Y and Z", «ويضم الوفد الأمريكي X وY»), and the speaker whose own meeting it is
     ("his planned summit", «المحادثات التي أجراها»).
3. Mentions become meetings. A mention with an anchor (place, date, round number, people) or,
   when indefinite, two sides and an explicit status founds a meeting or merges into a
   compatible one (sides, place — country ⊃ region ⊃ city ⊃ venue —, date, round number, status,
   not two different pairs of people at the table, not history with news). Definite and
   demonstrative mentions («هذه المحادثات», "the talks") and delegation sentences («الوفد الروسي»,
   «بحضور», "joined by") refer back to the most recent compatible meeting. History, hypotheses
   ("too early to talk about a summit"), habitual talk and bare proposals found nothing.
4. Each meeting gets its status, its sides (a host seen only as a place or through its people
   mediates; a sequel «الجولة المقبلة» or "the two sides" takes the sides of the meeting it follows;
   a trilateral format fills up with the article's main sides; old talks take the article's main
   two), its participants (no commentators, announcers, callers or hypothetical names unless seated,
   no possessors such as Trump in «مبعوث ترامب», no mediators' people) and every evidence sentence.
   A venue is reported by its city. Every meeting between two or more sides is kept: which
   negotiations to follow is the user's scope, applied in the warehouse.

Modules (each step is unit-testable on its own):
    lexicon       the word lists of resources/*.yaml, compiled once
    words         Arabic/English word helpers (clitics, articles, membership)
    document      the events layer: arguments (people, places, nationalities) and dates
    roles         what a named person is doing in a sentence (possessor, reporter, commentator, host, owner)
    delegations   who a participation cue seats, and the delegation sides that give them a country
    triggers      trigger words and phrases, and which trigger an argument belongs to
    place         where a meeting is (locatives, venues, "the Saudi capital")
    sides         who the sides are (lists, hosts, topics)
    status        status markers, dates that can date a meeting
    rounds        round numbers and counts
    outcomes      what the talks produced
    mentions      one trigger (or delegation sentence) read as an event mention
    merge         mentions grouped into meetings
    participants  the people at the table
    finish        final sides, status, date and the Event records
"""

from __future__ import annotations

from datetime import date

from tasks.nlp.dates import DateMention
from tasks.nlp.events.document import DateArg, build_args
from tasks.nlp.events.finish import finish
from tasks.nlp.events.lexicon import Lexicon, lexicon
from tasks.nlp.events.mentions import EventMention, guests_by_pronoun, read_sentence, weak_mention, weak_sentences
from tasks.nlp.events.merge import group_meetings
from tasks.nlp.events.roles import classify_people, sentences_asked
from tasks.nlp.events.triggers import find_triggers
from tasks.nlp.events.words import CONNECTORS
from tasks.nlp.settings import NLP
from tasks.nlp.text.document import Document, sentences_holding
from tasks.nlp.types import Entity, Event, Mention


def read_document(
    doc: Document,
    mentions: list[Mention],
    entities: list[Entity],
    dates: list[DateMention],
    nationalities: list[tuple[int, int, str]] | None = None,
) -> Document:
    """Add the events layer to the article's document: its arguments and dates, people classified."""
    add_arguments(doc, mentions, entities, dates, nationalities)
    classify_people(doc, lexicon())
    return doc


def add_arguments(
    doc: Document,
    mentions: list[Mention],
    entities: list[Entity],
    dates: list[DateMention],
    nationalities: list[tuple[int, int, str]] | None = None,
) -> None:
    """The events layer's arguments and dates, set on the document (its people not classified yet)."""
    nt = doc.norm
    ds = [DateArg(nt.to_normalized(d.start), nt.to_normalized(d.end), d) for d in dates]
    args = build_args(doc, mentions, entities, lexicon(), nationalities, [(d.start, d.end) for d in ds])
    doc.set_arguments(args, ds, CONNECTORS)


def captions_of(doc: Document, lex: Lexicon) -> set[int]:
    """The lines that are photos' captions: short, closed by a credit («... - getty images», "| AFP"; not a
    report's last paragraph signed "— AFP")."""
    out: set[int] = set()
    for m in lex.caption_rx.finditer(doc.nt):
        line = doc.line_of(m.start())
        start = doc.line_starts[line] if line >= 0 else 0
        if len(doc.nt[start : m.start()].split()) <= NLP.caption_max_words:
            out.add(line)
    return out


def find_events(
    doc: Document,
    mentions: list[Mention],
    entities: list[Entity],
    dates: list[DateMention],
    published: date | None,
    nationalities: list[tuple[int, int, str]] | None = None,
) -> list[Event]:
    """The negotiation meetings the document reports, one Event per real meeting, in order of appearance.

    `nationalities`: (start, end, country code) of nationality adjectives in original offsets, as
    entities.analyze() finds them; when None they are read here with the same gazetteer."""
    lex = lexicon()
    if doc.search(lex.trigger_rx, 0, len(doc.nt)) is None:
        return []  # no trigger word anywhere: nothing can found a meeting (delegation sentences only refer back)
    add_arguments(doc, mentions, entities, dates, nationalities)
    # only the sentences that can say anything are read: a sentence where no trigger or contact word can
    # start is not searched for triggers, and one where no weak cue, travel or result word and no
    # nationality can stand is not read as a delegation, travel or outcome mention (it would find none)
    trigger_sents = sentences_holding(doc, (lex.trigger_rx, lex.remote_rx))
    found = {si: trigs for si in sorted(trigger_sents) if (trigs := find_triggers(doc, lex, *doc.sents[si]))}
    read = set(found) | weak_sentences(doc, lex)
    # and only the people those sentences can ask about are classified
    classify_people(doc, lex, sentences_asked(doc, read))
    ems: list[EventMention] = []
    for si in sorted(read):
        if si in found:
            ems.extend(read_sentence(doc, lex, si, found[si], published))
        elif (weak := weak_mention(doc, lex, si)) is not None:
            ems.append(weak)
    captions = captions_of(doc, lex)
    if captions:
        ems = [em for em in ems if doc.line_of(em.pos) not in captions]
    guests_by_pronoun(ems, lex)
    meetings = group_meetings(ems)
    return finish(meetings, ems, doc, published)
