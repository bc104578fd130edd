"""Small lakes for the warehouse tests, written with pyarrow in the layout of docs/lake.md.

    lake = Lake(tmp_path / "lake")
    a = lake.add_article("miami-1", Ev(["RU", "US"], place="loc:city:miami", start="2025-12-20"),
                         published="2025-12-20")
    lake.flush()

Each article gets consistent rows in every table the warehouse reads: `articles`,
`extractions`, `mentions`, `entities` and `events`, with evidence sentences that stand in its
text and ids made the way the pipeline makes them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from lake.schemas import LAKE_TABLES

# a tiny gazetteer: (name_en, name_ar, role, country)
PEOPLE: dict[str, tuple[str, str, str, str]] = {
    "person:putin": ("Vladimir Putin", "فلاديمير بوتين", "President of Russia", "RU"),
    "person:witkoff": ("Steve Witkoff", "ستيف ويتكوف", "US special envoy", "US"),
    "person:kushner": ("Jared Kushner", "جاريد كوشنر", "adviser", "US"),
    "person:dmitriev": ("Kirill Dmitriev", "كيريل دميترييف", "Russian envoy", "RU"),
    "person:umerov": ("Rustem Umerov", "رستم عمروف", "Ukrainian negotiator", "UA"),
    "person:zelensky": ("Volodymyr Zelensky", "فولوديمير زيلينسكي", "President of Ukraine", "UA"),
    "person:medinsky": ("Vladimir Medinsky", "فلاديمير ميدينسكي", "Russian negotiator", "RU"),
}

# (name_en, name_ar, kind, country, parent_key, lat, lon)
PLACES: dict[str, tuple[str, str, str, str, str | None, float, float]] = {
    "loc:country:US": ("United States", "الولايات المتحدة", "country", "US", None, 39.8, -98.6),
    "loc:city:miami": ("Miami", "ميامي", "city", "US", "loc:country:US", 25.76, -80.19),
    "loc:country:TR": ("Turkey", "تركيا", "country", "TR", None, 39.0, 35.0),
    "loc:city:istanbul": ("Istanbul", "إسطنبول", "city", "TR", "loc:country:TR", 41.01, 28.98),
    "loc:venue:dolmabahce": ("Dolmabahce Palace", "قصر دولمة بهجة", "venue", "TR", "loc:city:istanbul", 41.04, 29.0),
    "loc:city:ankara": ("Ankara", "أنقرة", "city", "TR", "loc:country:TR", 39.93, 32.86),
    "loc:country:RU": ("Russia", "روسيا", "country", "RU", None, 61.5, 105.3),
    "loc:city:moscow": ("Moscow", "موسكو", "city", "RU", "loc:country:RU", 55.76, 37.62),
    "loc:city:berlin": ("Berlin", "برلين", "city", "DE", "loc:country:DE", 52.52, 13.4),
    "loc:city:geneva": ("Geneva", "جنيف", "city", "CH", "loc:country:CH", 46.2, 6.14),
    "loc:city:astana": ("Astana", "أستانا", "city", "KZ", "loc:country:KZ", 51.17, 71.45),
    "loc:city:cairo": ("Cairo", "القاهرة", "city", "EG", "loc:country:EG", 30.04, 31.24),
    "loc:city:jeddah": ("Jeddah", "جدة", "city", "SA", "loc:country:SA", 21.49, 39.19),
    "loc:city:muscat": ("Muscat", "مسقط", "city", "OM", "loc:country:OM", 23.59, 58.41),
    "loc:country:AE": ("United Arab Emirates", "الإمارات", "country", "AE", None, 24.0, 54.0),
    "loc:city:abu-dhabi": ("Abu Dhabi", "أبوظبي", "city", "AE", "loc:country:AE", 24.45, 54.38),
    "loc:city:riyadh": ("Riyadh", "الرياض", "city", "SA", "loc:country:SA", 24.71, 46.68),
    "loc:city:brussels": ("Brussels", "بروكسل", "city", "BE", "loc:country:BE", 50.85, 4.35),
}


def sha16(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


def article_id_for(url: str) -> str:
    return "a_" + sha16(url)


def event_id_for(article_id: str, ordinal: int) -> str:
    return "e_" + sha16(f"{article_id}|{ordinal}")


def round_id_for(event_id: str) -> str:
    return "r_" + sha16(event_id)


def person_id_for(key: str) -> str:
    return "p_" + sha16(key)


def location_id_for(key: str) -> str:
    return "l_" + sha16(key)


@dataclass
class Ev:
    """One event as an article describes it."""

    parties: Sequence[str]  # country codes (a non-state side counts as its country)
    status: str = "held"
    place: str | None = None  # location key
    start: str | None = None  # ISO date
    end: str | None = None
    precision: str | None = None  # defaults to "day" when dated
    round_number: int | None = None
    mediators: Sequence[str] = ()
    outcomes: Sequence[str] = ()
    participants: Sequence[tuple[str, str | None]] = ()  # (person key, side)
    sentence: str | None = None  # the evidence sentence; made up from the fields when None
    sides: Sequence[str] | None = None  # ISO codes or org:<slug>; None writes the parties there


@dataclass
class Article:
    name: str
    article_id: str
    event_ids: list[str]
    text: str
    url: str


@dataclass
class Lake:
    root: Path
    pending: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    clock: datetime = field(default_factory=lambda: datetime(2026, 1, 1, tzinfo=UTC))

    def tick(self) -> datetime:
        """Write times move forward: a later call is a later write."""
        self.clock += timedelta(minutes=1)
        return self.clock

    def rows(self, table: str, *rows: dict[str, Any]) -> None:
        self.pending.setdefault(table, []).extend(rows)

    def add_article(
        self,
        name: str,
        *events: Ev,
        published: str | None = "2025-12-20",
        text: str | None = None,
        people: Sequence[str] = (),
        simhash: int | None = None,
        text_sha256: str | None = None,
        url: str | None = None,
        version: str = "v1",
        entity_overrides: dict[str, dict[str, Any]] | None = None,
    ) -> Article:
        url = url or f"https://news.example/{name}"
        article_id = article_id_for(url)
        sentences = [ev.sentence or _sentence(name, i, ev) for i, ev in enumerate(events)]
        everyone = list(dict.fromkeys([*people, *(k for ev in events for k, _ in ev.participants)]))
        if text is None:
            lines = [f"Report {name}.", *sentences, *(f"{_person_name(k)} spoke to reporters." for k in people)]
            text = "\n".join(lines)
        written = self.tick()
        published_at = _timestamp(published)
        self.rows(
            "articles",
            {
                "article_id": article_id,
                "page_id": "pg_" + sha16(url),
                "source_uri": url,
                "canonical_url": url,
                "title": f"Title {name}",
                "published_at": published_at,
                "published_date": published_at.date() if published_at else None,
                "language": "en",
                "source": "news.example",
                "text": text,
                "word_count": len(text.split()),
                "text_sha256": text_sha256 or hashlib.sha256(text.encode()).hexdigest(),
                "simhash": simhash if simhash is not None else _random_simhash(text),
                "written_at": written,
            },
        )
        event_ids = self.extract(
            article_id, text, events, sentences, everyone, version=version, overrides=entity_overrides
        )
        return Article(name, article_id, event_ids, text, url)

    def extract(
        self,
        article_id: str,
        text: str,
        events: Sequence[Ev],
        sentences: Sequence[str] | None = None,
        people: Sequence[str] = (),
        *,
        version: str = "v1",
        overrides: dict[str, dict[str, Any]] | None = None,
        record: bool = True,
    ) -> list[str]:
        """One extraction of an article: extractions, mentions, entities and events rows.

        record=False leaves out the `extractions` row, as an extraction interrupted before its end does.
        """
        written = self.tick()
        sentences = sentences or [ev.sentence or _sentence(article_id, i, ev) for i, ev in enumerate(events)]
        if record:
            self.rows("extractions", {"article_id": article_id, "extractor_version": version, "written_at": written})
        keys: list[str] = list(people)
        event_ids = []
        for i, (ev, sentence) in enumerate(zip(events, sentences, strict=True)):
            start = text.find(sentence)
            assert start >= 0, f"evidence not in text: {sentence!r}"
            event_id = event_id_for(article_id, i)
            event_ids.append(event_id)
            self.rows(
                "events",
                {
                    "event_id": event_id,
                    "article_id": article_id,
                    "ordinal": i,
                    "status": ev.status,
                    "parties": list(ev.parties),
                    "sides": list(ev.parties if ev.sides is None else ev.sides),
                    "mediators": list(ev.mediators),
                    "location_key": ev.place,
                    "start_date": _date(ev.start),
                    "end_date": _date(ev.end),
                    "date_precision": ev.precision or ("day" if ev.start else None),
                    "round_number": ev.round_number,
                    "outcomes": list(ev.outcomes),
                    "participants": [{"person_key": k, "side": s} for k, s in ev.participants],
                    "trigger": "talks",
                    "evidence": sentence,
                    "evidence_start": start,
                    "evidence_end": start + len(sentence),
                    "extractor_version": version,
                    "written_at": written,
                },
            )
            keys += [k for k, _ in ev.participants]
            if ev.place:
                keys.append(ev.place)
        for key in dict.fromkeys(keys):
            entity = _entity(key) | (overrides or {}).get(key, {})
            self.rows(
                "entities",
                {"article_id": article_id, "entity_key": key, "extractor_version": version, "written_at": written}
                | entity,
            )
            surface = entity.get("name_en") or key
            at = text.find(surface)
            if at >= 0:
                self.rows(
                    "mentions",
                    {
                        "article_id": article_id,
                        "kind": entity["kind"],
                        "entity_key": key,
                        "surface": surface,
                        "start": at,
                        "end": at + len(surface),
                        "sentence_index": 0,
                        "extractor_version": version,
                        "written_at": written,
                    },
                )
        return event_ids

    def flush(self, ingest_date: str = "2026-01-01") -> None:
        """Write what was added since the last flush, one Parquet file per table."""
        for table, rows in self.pending.items():
            schema: pa.Schema = LAKE_TABLES[table]
            full = [{f.name: row.get(f.name) for f in schema} for row in rows]
            data = pa.Table.from_pylist(full, schema=schema)
            folder = self.root / table / f"ingest_date={ingest_date}"
            folder.mkdir(parents=True, exist_ok=True)
            digest = sha16(repr(sorted(map(repr, full))))
            pq.write_table(data, folder / f"part-{digest}.parquet")
        self.pending = {}


def _sentence(name: str, ordinal: int, ev: Ev) -> str:
    sides = " and ".join(ev.parties)
    where = f" in {PLACES[ev.place][0] if ev.place in PLACES else ev.place}" if ev.place else ""
    when = f" on {ev.start}" if ev.start else ""
    who = f" with {', '.join(_person_name(k) for k, _ in ev.participants)}" if ev.participants else ""
    return f"Delegations of {sides} held talks{where}{when}{who} [{name}/{ordinal}]."


def _person_name(key: str) -> str:
    return PEOPLE[key][0] if key in PEOPLE else key.rsplit(":", 1)[-1].title()


def _entity(key: str) -> dict[str, Any]:
    if key in PEOPLE:
        en, ar, role, country = PEOPLE[key]
        return {
            "kind": "person",
            "name_en": en,
            "name_ar": ar,
            "role": role,
            "country_code": country,
            "entity_source": "gazetteer",
        }
    if key in PLACES:
        en, ar, kind, country, parent, lat, lon = PLACES[key]
        return {
            "kind": "location",
            "name_en": en,
            "name_ar": ar,
            "country_code": country,
            "location_kind": kind,
            "parent_key": parent,
            "latitude": lat,
            "longitude": lon,
            "entity_source": "gazetteer",
        }
    kind = "person" if key.startswith("person:") else "location" if key.startswith("loc:") else "org"
    return {"kind": kind, "name_en": key.rsplit(":", 1)[-1].title(), "entity_source": "discovered"}


def _timestamp(value: str | None) -> datetime | None:
    if value is None:
        return None
    if "T" in value:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return datetime.fromisoformat(value + "T12:00:00").replace(tzinfo=UTC)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _random_simhash(text: str) -> int:
    """A stand-in simhash: unrelated texts get unrelated 64-bit values."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big", signed=True)


def near_copy(simhash: int, bits: int) -> int:
    """A simhash `bits` bits away from `simhash` (a syndicated copy when bits <= 3)."""
    value = simhash & (2**64 - 1)
    for bit in range(bits):
        value ^= 1 << (bit * 7 + 3)
    return value - 2**64 if value >= 2**63 else value


def fetch(db_path: Path, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Rows of a query against a built warehouse (opened read-only, closed again)."""
    import duckdb

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def built(lake: Lake, root: Path) -> Path:
    """The lake flushed and built into root/warehouse.duckdb (returned)."""
    from warehouse.build import build_warehouse

    lake.flush()
    db = root / "warehouse.duckdb"
    build_warehouse(lake.root, db)
    return db


def sample_warehouse(root: Path) -> Path:
    """The sample lake under root/lake, built into root/warehouse.duckdb (returned)."""
    from warehouse.build import build_warehouse

    sample_lake(root / "lake")
    build_warehouse(root / "lake", root / "warehouse.duckdb")
    return root / "warehouse.duckdb"


def sample_lake(root: Path) -> dict[str, Article]:
    """A lake with a bit of everything: the two Miami rounds of December 2025, Istanbul rounds
    told apart by number, a syndicated copy, an undated mention, an article without a date."""
    lake = Lake(root)
    miami = "loc:city:miami"
    out = {
        "us_ua": lake.add_article(
            "us-ua-miami",
            Ev(
                ["UA", "US"],
                status="ongoing",
                place=miami,
                start="2025-12-04",
                end="2025-12-06",
                participants=[("person:witkoff", "US"), ("person:umerov", "UA")],
            ),
            Ev(["RU", "US"], status="held", participants=[("person:putin", "RU"), ("person:witkoff", "US")]),
            published="2025-12-06",
        ),
        "us_ru_planned": lake.add_article(
            "us-ru-planned",
            Ev(
                ["RU", "US"],
                status="planned",
                place=miami,
                start="2025-12-20",
                participants=[("person:dmitriev", "RU"), ("person:witkoff", "US")],
            ),
            published="2025-12-18",
            people=["person:kushner"],
        ),
        "us_ru_held": lake.add_article(
            "us-ru-held",
            Ev(
                ["RU", "US"],
                status="held",
                place=miami,
                start="2025-12-20",
                participants=[("person:dmitriev", "RU")],
                outcomes=["ceasefire"],
            ),
            published="2025-12-21",
            simhash=0x0F0F_0F0F_0F0F_0F0F,
        ),
        "us_ru_copy": lake.add_article(
            "us-ru-held-copy",
            Ev(["RU", "US"], status="held", place=miami, start="2025-12-20", participants=[("person:dmitriev", "RU")]),
            published="2025-12-22",
            simhash=near_copy(0x0F0F_0F0F_0F0F_0F0F, 2),
        ),
        "istanbul": lake.add_article(
            "istanbul-rounds",
            Ev(
                ["RU", "UA"],
                place="loc:city:istanbul",
                round_number=1,
                mediators=["TR"],
                outcomes=["prisoner_exchange"],
            ),
            Ev(["RU", "UA"], place="loc:venue:dolmabahce", round_number=2, outcomes=["prisoner_exchange"]),
            Ev(["RU", "UA"], status="planned", place="loc:country:TR", round_number=3),
            published="2025-07-01",
            people=["person:medinsky"],
        ),
        "undated": lake.add_article(
            "no-date",
            Ev(["UA", "US"], status="proposed", place="loc:city:geneva"),
            published=None,
        ),
    }
    lake.flush()
    return out
