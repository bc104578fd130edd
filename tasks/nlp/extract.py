"""One article in, its facts out: named mentions, dates, entities and talk events.

    extract(text, language, published) -> Extraction
    EXTRACTOR_VERSION                   # bump whenever the output for the same input changes

Pure and fast: no I/O beyond the resource files the modules load (and cache) once per process.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from operator import attrgetter

from tasks.nlp.dates import find_dates
from tasks.nlp.entities import analyze
from tasks.nlp.events import find_events
from tasks.nlp.gazetteer import Gazetteer, load_gazetteer
from tasks.nlp.text.document import Document
from tasks.nlp.types import Entity, Event, Extraction, Mention

EXTRACTOR_VERSION = "events-2026.12.sittings.119"


def _with_event_places(entities: list[Entity], events: list[Event], g: Gazetteer) -> list[Entity]:
    """Every event place has its Entity (a venue's city is used even when the text names only the venue)."""
    known = {e.key for e in entities}
    missing = [ev.location_key for ev in events if ev.location_key and ev.location_key not in known]
    if missing:
        for key in dict.fromkeys(missing):
            try:
                entities.append(g.entity(key))
            except KeyError:
                continue
    return entities


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping `spans`."""
    i = bisect_right(spans, (start, float("inf"))) - 1
    return any(s < end and start < e for s, e in spans[max(0, i) : i + 2])


def extract(text: str, language: str | None, published: date | None) -> Extraction:
    """Mentions (people, places, orgs, dates), the entities seen and the meetings reported in `text`."""
    if not text or not text.strip():
        return Extraction()
    doc = Document(text, language)  # normalised, split and tokenised once; every layer reads it
    found = analyze(doc)
    mentions, entities = found.mentions, found.entities
    nationalities = [(c.start, c.end, c.code) for c in found.cues if c.source == "nat"]
    # a date inside a name is part of the name: «حركة 23 مارس» (the M23 movement) is no date
    named = sorted((m.start, m.end) for m in mentions)
    dates = [d for d in find_dates(doc, published) if not _inside(named, d.start, d.end)]
    date_mentions = [
        Mention("date", d.start_date.isoformat(), d.surface, d.start, d.end, doc.orig_sentence_of(d.start))
        for d in dates
    ]
    events = find_events(doc, mentions, entities, dates, published, nationalities)
    entities = _with_event_places(list(entities), events, doc.gazetteer or load_gazetteer())
    all_mentions = sorted([*mentions, *date_mentions], key=attrgetter("start", "end", "kind"))
    return Extraction(mentions=all_mentions, entities=list(entities), events=events)
