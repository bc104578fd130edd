"""Extract stage: an article row becomes lake rows of mentions, entities and events.

The NLP itself lives in `tasks.nlp` and knows nothing of Parquet; this module only shapes
its records into the lake's schemas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lake.ids import event_id
from lake.store import now_utc
from tasks.nlp.extract import EXTRACTOR_VERSION, extract
from tasks.nlp.types import Event, Span


@dataclass(slots=True)
class ExtractedRows:
    extractions: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (article_id, reason)

    def extend(self, other: ExtractedRows) -> None:
        self.extractions += other.extractions
        self.mentions += other.mentions
        self.entities += other.entities
        self.events += other.events
        self.failures += other.failures


def evidence_of(text: str, spans: list[Span]) -> tuple[str, int, int]:
    """The first run of adjacent evidence sentences, verbatim (whitespace between them is kept)."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    if not ordered:
        return "", 0, 0
    start, end = ordered[0].start, ordered[0].end
    for span in ordered[1:]:
        if span.start >= end and not text[end : span.start].strip():
            end = max(end, span.end)
        else:
            break
    return text[start:end], start, end


def _event_row(article_id: str, text: str, ev: Event, version: str, ts: Any) -> dict[str, Any]:
    evidence, start, end = evidence_of(text, ev.evidence)
    return {
        "event_id": event_id(article_id, ev.ordinal),
        "article_id": article_id,
        "ordinal": ev.ordinal,
        "status": ev.status,
        "parties": sorted(ev.parties),
        "sides": sorted(ev.sides or ev.parties),
        "mediators": sorted(ev.mediators),
        "location_key": ev.location_key,
        "start_date": ev.start_date,
        "end_date": ev.end_date,
        "date_precision": ev.date_precision,
        "round_number": ev.round_number,
        "outcomes": sorted(ev.outcomes),
        "participants": [{"person_key": p.person_key, "side": p.side} for p in ev.participants],
        "trigger": ev.trigger,
        "evidence": evidence,
        "evidence_start": start,
        "evidence_end": end,
        "extractor_version": version,
        "written_at": ts,
    }


def extract_article(article_id: str, text: str, language: str | None, published: date | None) -> ExtractedRows:
    """Run the extractor on one article; a crash in it is recorded, not raised."""
    out = ExtractedRows()
    ts = now_utc()
    try:
        result = extract(text, language, published)
    except Exception as exc:  # one odd article must not stop a batch of thousands
        out.failures.append((article_id, f"extraction failed: {type(exc).__name__}: {exc}"))
        return out
    version = EXTRACTOR_VERSION
    out.extractions.append({"article_id": article_id, "extractor_version": version, "written_at": ts})
    for m in result.mentions:
        out.mentions.append(
            {
                "article_id": article_id,
                "kind": m.kind,
                "entity_key": m.key,
                "surface": m.surface,
                "start": m.start,
                "end": m.end,
                "sentence_index": m.sentence_index,
                "extractor_version": version,
                "written_at": ts,
            }
        )
    for e in result.entities:
        out.entities.append(
            {
                "article_id": article_id,
                "entity_key": e.key,
                "kind": e.kind,
                "name_en": e.name_en,
                "name_ar": e.name_ar,
                "role": e.role,
                "country_code": e.country_code,
                "location_kind": e.location_kind,
                "latitude": e.latitude,
                "longitude": e.longitude,
                "parent_key": e.parent_key,
                "entity_source": e.source,
                "extractor_version": version,
                "written_at": ts,
            }
        )
    out.events.extend(_event_row(article_id, text, ev, version, ts) for ev in result.events)
    return out


def extract_batch(articles: list[dict[str, Any]]) -> ExtractedRows:
    """Extract a batch of article dicts (article_id, text, language, published_date)."""
    out = ExtractedRows()
    for a in articles:
        out.extend(extract_article(a["article_id"], a["text"], a.get("language"), a.get("published_date")))
    return out
