"""Extract stage: an article row becomes lake rows of mentions, entities and events.

The NLP itself lives in `tasks.nlp` and knows nothing of Parquet; this module only shapes
its records into the lake's schemas.

What a pool worker runs: `clean_and_extract` (pages cleaned, and each article extracted in the same
pass, so a page crosses a process boundary once) and `extract_tables` (articles only). Both hand the
rows back as the lake's Arrow tables (`FactTables`): a few buffers to pickle instead of a hundred dicts
an article, and the flow's process only writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress, repeat
from typing import Any

import pyarrow as pa

from lake.ids import event_id
from lake.store import now_utc, to_table
from tasks.articles import Cleaned, clean_many
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


FACT_TABLES = ("extractions", "mentions", "entities", "events")


@dataclass(slots=True)
class FactTables:
    """The extraction rows of several articles as the lake's Arrow tables, with how many rows of each
    table each article has (in article order), so the rows of some articles can be dropped later."""

    tables: dict[str, pa.Table]
    counts: dict[str, list[int]]
    article_failures: list[list[tuple[str, str]]]  # per article

    @classmethod
    def of(cls, per_article: Sequence[ExtractedRows]) -> FactTables:
        tables, counts = {}, {}
        for name in FACT_TABLES:
            parts = [getattr(rows, name) for rows in per_article]
            tables[name] = to_table(name, [row for part in parts for row in part])
            counts[name] = [len(part) for part in parts]
        return cls(tables, counts, [rows.failures for rows in per_article])

    @classmethod
    def concat(cls, parts: Sequence[FactTables]) -> FactTables:
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return cls.of([])
        return cls(
            {name: pa.concat_tables([p.tables[name] for p in parts]) for name in FACT_TABLES},
            {name: [n for p in parts for n in p.counts[name]] for name in FACT_TABLES},
            [f for p in parts for f in p.article_failures],
        )

    def keep(self, flags: Sequence[bool]) -> FactTables:
        """Only the rows of the articles whose flag is true (flags in article order)."""
        if all(flags):
            return self
        tables = {}
        for name in FACT_TABLES:
            mask = [f for flag, n in zip(flags, self.counts[name], strict=True) for f in repeat(flag, n)]
            tables[name] = self.tables[name].filter(pa.array(mask, type=pa.bool_()))
        counts = {name: list(compress(self.counts[name], flags)) for name in FACT_TABLES}
        return FactTables(tables, counts, list(compress(self.article_failures, flags)))

    # what record_facts reads, as ExtractedRows has it
    @property
    def extractions(self) -> pa.Table:
        return self.tables["extractions"]

    @property
    def mentions(self) -> pa.Table:
        return self.tables["mentions"]

    @property
    def entities(self) -> pa.Table:
        return self.tables["entities"]

    @property
    def events(self) -> pa.Table:
        return self.tables["events"]

    @property
    def failures(self) -> list[tuple[str, str]]:
        return [f for per in self.article_failures for f in per]


def _extract_one(article: dict[str, Any]) -> ExtractedRows:
    return extract_article(
        article["article_id"], article["text"], article.get("language"), article.get("published_date")
    )


def extract_tables(articles: Sequence[dict[str, Any]]) -> FactTables:
    """extract_batch, as Arrow tables (what a pool worker runs for articles alone)."""
    return FactTables.of([_extract_one(a) for a in articles])


@dataclass(slots=True)
class Processed:
    """Pages cleaned and their articles extracted: the article rows, and the facts of every article
    cleaned (in order), duplicates included: the flow drops those of the articles it does not keep."""

    cleaned: list[Cleaned]
    facts: FactTables

    @classmethod
    def concat(cls, parts: Sequence[Processed]) -> Processed:
        return cls([c for p in parts for c in p.cleaned], FactTables.concat([p.facts for p in parts]))


def clean_and_extract(pages: Sequence[dict[str, Any]], max_html_chars: int, max_text_chars: int) -> Processed:
    """Clean a batch of raw pages and extract every article found, in one pass (what a pool worker runs)."""
    cleaned = clean_many(pages, max_html_chars, max_text_chars)
    return Processed(cleaned, extract_tables([c.article for c in cleaned if c.article is not None]))
