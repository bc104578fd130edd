"""What the extraction step produces for one article: plain records, no I/O.

Every record carries character offsets into the article's original `text` (never the
normalised form), so evidence can always be cut verbatim from the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Entity keys are stable, human-readable strings; the warehouse hashes them into ids.
#   person:<slug>            a gazetteer person ("person:putin") or a discovered one
#                            ("person:ar:<normalised full name>" / "person:en:<casefolded full name>")
#   loc:<slug>               a place ("loc:city:miami", "loc:country:TR", "loc:venue:davos-forum")
#   org:<slug>               an organisation ("org:kremlin")

STATUSES = ("proposed", "planned", "ongoing", "held", "cancelled")
PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # offset into the original article text
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a named thing (person, location, org) or a date expression in the text."""

    kind: str  # "person" | "location" | "org" | "date"
    key: str  # entity key (see above); for dates the ISO date it resolves to, "" if unresolved
    surface: str  # the text as written, text[start:end]
    start: int
    end: int
    sentence_index: int


@dataclass(frozen=True, slots=True)
class Entity:
    """What is known about an entity seen in this article (its dimension attributes)."""

    key: str
    kind: str  # "person" | "location" | "org"
    name_en: str | None = None
    name_ar: str | None = None
    role: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2, "EU" for the European Union
    location_kind: str | None = None  # "city" | "country" | "venue" | "region" (locations only)
    latitude: float | None = None
    longitude: float | None = None
    parent_key: str | None = None  # a venue's city, a city's country ("loc:country:TR")
    source: str = "gazetteer"  # "gazetteer" | "discovered"


@dataclass(frozen=True, slots=True)
class Participant:
    person_key: str
    side: str | None  # country code of the delegation the person sits in, None if unknown


@dataclass(slots=True)
class Event:
    """One real meeting or set of talks as one article describes it (one per meeting per article)."""

    ordinal: int  # order of first appearance in the article (0, 1, ...): part of the stable event id
    status: str  # one of STATUSES, as this article claims it
    parties: list[str]  # ISO codes of the negotiating sides, sorted
    mediators: list[str] = field(default_factory=list)  # hosts/mediators that are not sides, sorted
    # the sides themselves: an ISO code for a state, "org:<slug>" for a non-state actor (Hamas, the
    # RSF); empty means "the same as parties" (every side a state)
    sides: list[str] = field(default_factory=list)
    location_key: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    date_precision: str | None = None  # one of PRECISIONS, None when undated
    round_number: int | None = None
    outcomes: list[str] = field(default_factory=list)  # e.g. "prisoner_exchange", "ceasefire"
    participants: list[Participant] = field(default_factory=list)
    trigger: str = ""  # the trigger word as written (محادثات، talks, ...)
    evidence: list[Span] = field(default_factory=list)  # the sentence(s) it was read from


@dataclass(slots=True)
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
