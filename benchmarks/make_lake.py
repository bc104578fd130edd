"""Write a synthetic lake of a given size straight into the lake's tables, for the warehouse benchmark.

    python benchmarks/make_lake.py OUT_LAKE_DIR --mentions 1000000 [--seed 7] [--noise 0.05]

The lake has the layout and schemas of docs/lake.md (written with lake/store.py) and the
proportions of the real pipeline's output: about 80 mentions and 3 events per article, about one
entity row per four mentions. Its events are reports of a schedule of real-looking rounds of talks:

* sides drawn from a skewed distribution (Russia–Ukraine–US talks most, EU talks least);
* places skewed too (Istanbul, Riyadh, Geneva ... down to St Petersburg), named as the city, a
  venue in it, its country or not at all; a neutral host is reported as mediator, left out, or
  counted among the sides;
* dates spread over two years; reports dated to the day or the week, or undated and then
  published just before (planned), on (ongoing) or just after (held) the talks;
* Russia–Ukraine and Russia–Ukraine–US rounds numbered ("the third round"), in time order;
* background mentions of other rounds, bare reports with nothing to match on (allusions: "talks
  between Russia and the US"), 5% syndicated copies.

The number of rounds grows with the lake until each pair of sides meets every two weeks, so a
bigger lake has more reports per round: the dense case for consolidation.

Ground truth: rounds of the same sides are at least 13 days apart, rounds whose sides are a subset
of one another's never meet in the same city on the same slot (the warehouse would rightly read
them as one meeting reported with some of its sides), and every report agrees with the round's
first (full) report, so the warehouse's rules group each round's reports into one round. A bare
report (no date, place, people or number) is an allusion: it joins the one round it fits as
evidence or adds nothing, never a round of its own. `Truth.rounds` is the number of scheduled
rounds, the rows the warehouse must find. `noise` adds that fraction of events with random sides, places, dates,
precisions and statuses (a real extractor's mistakes); then the truth is only approximate
(`Truth.exact` is false).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lake import store
from lake.ids import article_id as make_article_id
from lake.ids import event_id as make_event_id

VERSION = "synthetic-1"
GENERATOR = 2  # bumped when the same spec writes another lake or another truth (benchmark caches key on it)
SPACING_DAYS = 14  # rounds of the same sides are scheduled on a 14-day grid (plus 0-1 day of jitter)

# side -> people who speak for it: (key, Arabic name, English name, role)
DELEGATIONS: dict[str, list[tuple[str, str, str, str]]] = {
    "RU": [
        ("person:putin", "فلاديمير بوتين", "Vladimir Putin", "President of Russia"),
        ("person:lavrov", "سيرغي لافروف", "Sergei Lavrov", "Foreign minister of Russia"),
        ("person:ushakov", "يوري أوشاكوف", "Yuri Ushakov", "Kremlin aide"),
        ("person:dmitriev", "كيريل دميترييف", "Kirill Dmitriev", "Russian envoy"),
        ("person:medinsky", "فلاديمير ميدينسكي", "Vladimir Medinsky", "Russian negotiator"),
    ],
    "US": [
        ("person:trump", "دونالد ترامب", "Donald Trump", "President of the United States"),
        ("person:rubio", "ماركو روبيو", "Marco Rubio", "Secretary of State"),
        ("person:witkoff", "ستيف ويتكوف", "Steve Witkoff", "US special envoy"),
        ("person:kushner", "جاريد كوشنر", "Jared Kushner", "adviser"),
    ],
    "UA": [
        ("person:zelensky", "فولوديمير زيلينسكي", "Volodymyr Zelensky", "President of Ukraine"),
        ("person:umerov", "رستم عمروف", "Rustem Umerov", "Ukrainian negotiator"),
        ("person:yermak", "أندريه يرماك", "Andriy Yermak", "Head of the Presidential Office"),
        ("person:sybiha", "أندريه سيبيها", "Andrii Sybiha", "Foreign minister of Ukraine"),
    ],
    "EU": [
        ("person:kallas", "كايا كالاس", "Kaja Kallas", "EU foreign policy chief"),
        ("person:costa", "أنطونيو كوستا", "Antonio Costa", "President of the European Council"),
    ],
}
HOST_PEOPLE: dict[str, tuple[str, str, str, str]] = {
    "TR": ("person:fidan", "هاكان فيدان", "Hakan Fidan", "Foreign minister of Turkey"),
    "SA": ("person:faisal", "فيصل بن فرحان", "Faisal bin Farhan", "Foreign minister of Saudi Arabia"),
    "CH": ("person:cassis", "إينياتسيو كاسيس", "Ignazio Cassis", "Foreign minister of Switzerland"),
    "AE": ("person:abdullah", "عبدالله بن زايد", "Abdullah bin Zayed", "Foreign minister of the UAE"),
    "QA": ("person:khulaifi", "محمد الخليفي", "Mohammed Al-Khulaifi", "Qatari mediator"),
    "DE": ("person:merz", "فريدريش ميرتس", "Friedrich Merz", "Chancellor of Germany"),
}
COUNTRIES: dict[str, tuple[str, str, float, float]] = {
    "RU": ("روسيا", "Russia", 61.5, 105.3),
    "US": ("الولايات المتحدة", "United States", 39.8, -98.6),
    "UA": ("أوكرانيا", "Ukraine", 49.0, 31.4),
    "TR": ("تركيا", "Turkey", 39.0, 35.0),
    "SA": ("السعودية", "Saudi Arabia", 24.0, 45.0),
    "CH": ("سويسرا", "Switzerland", 46.8, 8.2),
    "AE": ("الإمارات", "United Arab Emirates", 24.0, 54.0),
    "QA": ("قطر", "Qatar", 25.3, 51.2),
    "DE": ("ألمانيا", "Germany", 51.2, 10.4),
    "BE": ("بلجيكا", "Belgium", 50.8, 4.5),
}
# city key -> (Arabic, English, country, weight, venue or None)
CITIES: dict[str, tuple[str, str, str, float, tuple[str, str, str] | None]] = {
    "istanbul": ("إسطنبول", "Istanbul", "TR", 3.0, ("dolmabahce", "قصر دولمة بهجة", "Dolmabahce Palace")),
    "riyadh": ("الرياض", "Riyadh", "SA", 3.0, ("diriyah-palace", "قصر الدرعية", "Diriyah Palace")),
    "geneva": ("جنيف", "Geneva", "CH", 2.5, ("intercontinental", "فندق إنتركونتيننتال", "InterContinental")),
    "abu-dhabi": ("أبوظبي", "Abu Dhabi", "AE", 2.0, None),
    "miami": ("ميامي", "Miami", "US", 2.0, ("shell-bay", "نادي شل باي", "Shell Bay Club")),
    "jeddah": ("جدة", "Jeddah", "SA", 1.5, None),
    "moscow": ("موسكو", "Moscow", "RU", 1.5, ("kremlin", "الكرملين", "the Kremlin")),
    "doha": ("الدوحة", "Doha", "QA", 1.0, None),
    "berlin": ("برلين", "Berlin", "DE", 1.0, ("chancellery", "المستشارية", "the Chancellery")),
    "washington": ("واشنطن", "Washington", "US", 1.0, ("white-house", "البيت الأبيض", "the White House")),
    "davos": ("دافوس", "Davos", "CH", 0.8, None),
    "brussels": ("بروكسل", "Brussels", "BE", 0.8, None),
    "kyiv": ("كييف", "Kyiv", "UA", 0.7, None),
    "anchorage": ("أنكوريج", "Anchorage", "US", 0.6, None),
    "ankara": ("أنقرة", "Ankara", "TR", 0.5, None),
    "antalya": ("أنطاليا", "Antalya", "TR", 0.4, None),
    "st-petersburg": ("سانت بطرسبورغ", "St Petersburg", "RU", 0.3, None),
}
NEUTRAL_HOSTS = frozenset(HOST_PEOPLE)  # never a side: a host counted among the sides stays recognisable
HOME_CITIES: dict[str, tuple[str, ...]] = {
    "RU": ("moscow", "st-petersburg"),
    "US": ("miami", "washington", "anchorage"),
    "UA": ("kyiv",),
    "EU": ("brussels",),
}
# (sides, share of the events, numbered rounds)
FAMILIES: tuple[tuple[tuple[str, ...], float, bool], ...] = (
    (("RU", "UA", "US"), 0.34, True),
    (("RU", "US"), 0.24, False),
    (("RU", "UA"), 0.18, True),
    (("UA", "US"), 0.12, False),
    (("EU", "UA", "US"), 0.05, False),
    (("EU", "UA"), 0.03, False),
    (("EU", "RU"), 0.02, False),
    (("EU", "US"), 0.02, False),
)
ORGS = [
    ("org:un", "الأمم المتحدة", "United Nations"),
    ("org:nato", "حلف شمال الأطلسي", "NATO"),
    ("org:iaea", "الوكالة الدولية للطاقة الذرية", "IAEA"),
    ("org:red-cross", "الصليب الأحمر", "Red Cross"),
    ("org:opec", "أوبك", "OPEC"),
    ("org:eu-commission", "المفوضية الأوروبية", "European Commission"),
]
OUTCOMES = ["prisoner_exchange", "ceasefire", "energy_truce", "humanitarian_corridor", "joint_statement"]
TRIGGERS = ["محادثات", "مفاوضات", "اجتماع", "جولة محادثات", "لقاء"]
FILLER = [
    "وتأتي هذه التطورات وسط استمرار الأزمة وتداعياتها على أمن الطاقة في أوروبا.",
    "وقال مراقبون إن فرص التوصل إلى اتفاق شامل ما زالت محدودة في ظل الخلافات العميقة.",
    "وتشمل الملفات المطروحة تبادل الأسرى والضمانات الأمنية ووقف الهجمات على البنية التحتية.",
    "وأكدت مصادر دبلوماسية أن الوفود ستواصل العمل على المسودة خلال الأيام المقبلة.",
]
SYLLABLES = ["عبد", "الله", "محمد", "سامي", "نور", "كريم", "هاني", "رامي", "فادي", "خالد", "يوسف", "ماجد", "علي"]
STATUS_WORDS = {"planned": "ستعقد", "ongoing": "تتواصل", "held": "عقدت", "cancelled": "ألغيت", "proposed": "اقترحت"}


@dataclass(frozen=True, slots=True)
class LakeSpec:
    """What to generate. `mentions` is the target number of mention rows."""

    mentions: int = 100_000
    seed: int = 7
    mentions_per_article: int = 80
    events_per_article: float = 3.0
    noise: float = 0.05  # share of events with random fields (the truth is then approximate)
    copies: float = 0.05  # share of articles that are syndicated copies of an earlier one
    bare: float = 0.03  # share of events that are undated, unplaced, without people: allusions, no round
    families: tuple[tuple[tuple[str, ...], float, bool], ...] = FAMILIES
    articles_per_round: int = 12  # more articles than this per round: reports pile up on the same rounds
    start: date = date(2024, 3, 4)
    days: int = 728


@dataclass(slots=True)
class Truth:
    """What was written, and the rounds the warehouse must find."""

    articles: int = 0
    events: int = 0
    mentions: int = 0
    entities: int = 0
    rounds: int = 0
    exact: bool = True
    rounds_by_family: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Round:
    sides: tuple[str, ...]
    day: date
    length: int
    city: str
    number: int | None
    delegation: list[tuple[str, str]]  # (person key, side)

    @property
    def host(self) -> str | None:
        country = CITIES[self.city][2]
        return country if country in NEUTRAL_HOSTS else None


@dataclass(slots=True)
class Report:
    """One event as an article reports it (the fields of the lake's `events` row)."""

    parties: list[str]
    mediators: list[str]
    status: str
    place: str | None
    start: date | None
    end: date | None = None
    precision: str | None = None
    number: int | None = None
    participants: list[tuple[str, str]] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)


def schedule(spec: LakeSpec, rng: random.Random, articles: int) -> list[Round]:
    """The real rounds: per pair of sides, on distinct slots of a 14-day grid over the period.

    Two rounds of one slot whose sides are a subset of one another's are never in the same city:
    there they would be one meeting reported with some of its sides."""
    slots = spec.days // SPACING_DAYS
    rounds: list[Round] = []
    taken: dict[tuple[int, str], list[tuple[str, ...]]] = {}  # (slot, city) -> sides meeting there
    for sides, share, numbered in spec.families:
        count = max(1, min(slots, round(share * articles / spec.articles_per_round)))
        cities = [
            c for c, v in CITIES.items() if v[2] in NEUTRAL_HOSTS or any(c in HOME_CITIES.get(s, ()) for s in sides)
        ]
        for n, slot in enumerate(sorted(rng.sample(range(slots), count)), start=1):
            day = spec.start + timedelta(days=slot * SPACING_DAYS + rng.randrange(2))
            # a family's cities include every neutral host's, more than the other families of a slot
            free = [c for c in cities if not any(_nested(sides, o) for o in taken.get((slot, c), ()))]
            city = rng.choices(free, [CITIES[c][3] for c in free])[0]
            taken.setdefault((slot, city), []).append(sides)
            delegation = [(p[0], side) for side in sides for p in rng.sample(DELEGATIONS[side], rng.randint(1, 2))]
            host = CITIES[city][2]
            if host in HOST_PEOPLE and rng.random() < 0.5:
                delegation.append((HOST_PEOPLE[host][0], host))
            rounds.append(Round(sides, day, rng.choice((1, 1, 2)), city, n if numbered else None, delegation))
    return rounds


def place_key(city: str, level: str) -> str | None:
    venue = CITIES[city][4]
    if level == "venue" and venue:
        return f"loc:venue:{venue[0]}"
    if level == "country":
        return f"loc:country:{CITIES[city][2]}"
    if level == "none":
        return None
    return f"loc:city:{city}"


def canonical_report(r: Round) -> Report:
    host = r.host
    return Report(
        parties=list(r.sides),
        mediators=[host] if host else [],
        status="held",
        place=place_key(r.city, "city"),
        start=r.day,
        end=r.day + timedelta(days=r.length - 1) if r.length > 1 else None,
        precision="day",
        number=r.number,
        participants=list(r.delegation),
    )


def report_of(r: Round, published: date, rng: random.Random) -> Report:
    """A report of round r in an article published on `published` (set around the round's dates)."""
    host = r.host
    parties, mediators = list(r.sides), []
    if host:
        form = rng.random()
        if form < 0.55:
            mediators = [host]
        elif form > 0.85:
            parties = sorted([*r.sides, host])
    status = "planned" if published < r.day else "ongoing" if published == r.day else "held"
    people = rng.sample(r.delegation, rng.randint(0, min(3, len(r.delegation))))
    if rng.random() < 0.7:  # dated
        level = rng.choices(["city", "venue", "country", "none"], [45, 15, 15, 25])[0]
        precision = "week" if rng.random() < 0.2 else "day"
        end = r.day + timedelta(days=r.length - 1) if precision == "day" and r.length > 1 else None
        number = r.number if r.number and rng.random() < 0.6 else None
        return Report(parties, mediators, status, place_key(r.city, level), r.day, end, precision, number, people)
    level = rng.choices(["city", "venue", "country", "none"], [50, 10, 15, 25])[0]
    if level == "none" and not people:
        level = "city"  # an undated report must agree with its round on something
    number = r.number if r.number and rng.random() < 0.5 else None
    outcomes = rng.sample(OUTCOMES, rng.randint(1, 2)) if status == "held" and rng.random() < 0.3 else []
    return Report(parties, mediators, status, place_key(r.city, level), None, None, None, number, people, outcomes)


def noise_report(spec: LakeSpec, rng: random.Random) -> Report:
    sides = list(rng.choices([f[0] for f in spec.families], [f[1] for f in spec.families])[0])
    city = rng.choice(list(CITIES))
    precision = rng.choice([None, "day", "week", "month", "year"])
    start = spec.start + timedelta(days=rng.randrange(spec.days)) if precision else None
    people = [(p[0], side) for side in sides for p in rng.sample(DELEGATIONS[side], 1) if rng.random() < 0.5]
    return Report(
        parties=sides,
        mediators=[],
        status=rng.choice(["planned", "ongoing", "held", "cancelled", "proposed"]),
        place=place_key(city, rng.choice(["city", "venue", "country", "none"])),
        start=start,
        precision=precision,
        number=rng.randint(1, 9) if rng.random() < 0.1 else None,
        participants=people,
    )


class Writer:
    """Builds the rows of each table and writes them in chunks through lake/store.py."""

    def __init__(self, lake_dir: Path, rng: random.Random, chunk: int = 400) -> None:
        self.lake_dir, self.rng, self.chunk = lake_dir, rng, chunk
        self.rows: dict[str, list[dict[str, Any]]] = {
            t: [] for t in ("articles", "extractions", "mentions", "entities", "events")
        }
        self.pending_articles = 0
        self.truth = Truth()
        self.written_at = datetime(2026, 2, 1, tzinfo=UTC)
        self.discovered = [f"person:ar:{' '.join(rng.sample(SYLLABLES, 2))}" for _ in range(300)]

    def article(
        self,
        n: int,
        published: date | None,
        reports: Sequence[Report],
        mentions: int,
        copy_of: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """One article with its events and about `mentions` mention rows; returns the article row."""
        rng = self.rng
        url = f"https://news{n % 7}.example/{n}"
        article_id = make_article_id(url)
        parts: list[str] = [f"تقرير رقم {n}."]
        found: list[tuple[str, str, int]] = []  # (kind, key, offset) of each mention
        entities: dict[str, dict[str, Any]] = {}
        events: list[dict[str, Any]] = []

        def say(text: str, mentioned: Sequence[tuple[str, str, str]]) -> tuple[int, int]:
            at = sum(len(p) + 1 for p in parts)
            for kind, key, surface in mentioned:
                found.append((kind, key, at + text.index(surface)))
            parts.append(text)
            return at, at + len(text)

        for ordinal, rep in enumerate(reports):
            names: list[tuple[str, str, str]] = []
            sides = " و".join(COUNTRIES.get(c, (c,))[0] for c in rep.parties)
            place = ""
            if rep.place:
                surface = self.entity(entities, rep.place)
                place = f" في {surface}"
                names.append(("location", rep.place, surface))
            when = f" يوم {rep.start.isoformat()}" if rep.start else ""
            if rep.start:
                names.append(("date", rep.start.isoformat(), rep.start.isoformat()))
            who = ""
            if rep.participants:
                surfaces = [self.entity(entities, k) for k, _ in rep.participants]
                who = " بمشاركة " + " و".join(surfaces)
                names += [("person", k, s) for (k, _), s in zip(rep.participants, surfaces, strict=True)]
            number = f" (الجولة {rep.number})" if rep.number else ""
            verb = f"{STATUS_WORDS[rep.status]} {rng.choice(TRIGGERS)}"
            sentence = f"{verb} بين {sides}{place}{when}{who}{number} [{n}/{ordinal}]."
            start, end = say(sentence, [(k, key, s) for k, key, s in names if s in sentence])
            events.append(
                {
                    "event_id": make_event_id(article_id, ordinal),
                    "article_id": article_id,
                    "ordinal": ordinal,
                    "status": rep.status,
                    "parties": rep.parties,
                    "sides": rep.parties,
                    "mediators": rep.mediators,
                    "location_key": rep.place,
                    "start_date": rep.start,
                    "end_date": rep.end,
                    "date_precision": rep.precision,
                    "round_number": rep.number,
                    "outcomes": rep.outcomes,
                    "participants": [{"person_key": k, "side": s} for k, s in rep.participants],
                    "trigger": "محادثات",
                    "evidence": sentence,
                    "evidence_start": start,
                    "evidence_end": end,
                    "extractor_version": VERSION,
                    "written_at": self.written_at,
                }
            )
        while len(found) < mentions:  # background: people, places, organisations and dates in passing
            kind = rng.choices(["person", "location", "org", "date", "none"], [40, 30, 8, 12, 10])[0]
            if kind == "none":
                parts.append(rng.choice(FILLER))
                continue
            if kind == "date":
                day = (published or date(2025, 1, 1)) - timedelta(days=rng.randrange(30))
                say(f"وفي {day.isoformat()} صدر بيان.", [("date", day.isoformat(), day.isoformat())])
                continue
            again = [k for k, e in entities.items() if e["kind"] == kind]
            key = rng.choice(again) if again and rng.random() < 0.75 else self.background_key(kind)
            surface = self.entity(entities, key)
            say(f"وأشار التقرير إلى {surface} مجددا.", [(kind, key, surface)])
        if copy_of is not None:
            parts.append(f"نقلا عن وكالة {copy_of['source']}.")
        text = "\n".join(parts)
        written = self.written_at
        row = {
            "article_id": article_id,
            "page_id": "pg_" + hashlib.sha256(url.encode()).hexdigest()[:16],
            "source_uri": url,
            "canonical_url": url,
            "title": f"تطورات المحادثات {n}",
            "published_at": datetime(published.year, published.month, published.day, 9, tzinfo=UTC)
            if published
            else None,
            "published_date": published,
            "language": "ar",
            "source": f"news{n % 7}.example",
            "author": None,
            "text": text,
            "word_count": len(text.split()),
            "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "simhash": _near(copy_of["simhash"], rng) if copy_of else rng.getrandbits(64) - 2**63,
            "written_at": written,
        }
        self.rows["articles"].append(row)
        self.rows["extractions"].append({"article_id": article_id, "extractor_version": VERSION, "written_at": written})
        self.rows["events"] += events
        for kind, key, at in found:
            surface = entities[key]["surface"] if kind != "date" else key
            self.rows["mentions"].append(
                {
                    "article_id": article_id,
                    "kind": kind,
                    "entity_key": key,
                    "surface": surface,
                    "start": at,
                    "end": at + len(surface),
                    "sentence_index": 0,
                    "extractor_version": VERSION,
                    "written_at": written,
                }
            )
        for key, ent in entities.items():
            self.rows["entities"].append(
                {k: v for k, v in ent.items() if k != "surface"}
                | {"article_id": article_id, "entity_key": key, "extractor_version": VERSION, "written_at": written}
            )
        self.truth.articles += 1
        self.truth.events += len(events)
        self.truth.mentions += len(found)
        self.truth.entities += len(entities)
        self.pending_articles += 1
        if self.pending_articles >= self.chunk:
            self.flush()
        return row

    def background_key(self, kind: str) -> str:
        rng = self.rng
        if kind == "person":
            if rng.random() < 0.6:
                side = rng.choice(list(DELEGATIONS))
                return rng.choice(DELEGATIONS[side])[0]
            return rng.choice(self.discovered)
        if kind == "location":
            city = rng.choices(list(CITIES), [v[3] for v in CITIES.values()])[0]
            return place_key(city, rng.choice(["city", "country"])) or f"loc:city:{city}"
        return rng.choice(ORGS)[0]

    def entity(self, seen: dict[str, dict[str, Any]], key: str) -> str:
        """The entity row of `key` in this article (added on first use); returns its surface."""
        if key not in seen:
            seen[key] = describe(key)
        return str(seen[key]["surface"])

    def flush(self) -> None:
        day = date(2026, 2, 1)
        for table, rows in self.rows.items():
            if rows:
                store.write_table(self.lake_dir, table, rows, ingest_date=day)
                rows.clear()
        self.pending_articles = 0


def describe(key: str) -> dict[str, Any]:
    """The attributes an extractor gives an entity key (gazetteer people and places, discovered names)."""
    kind, _, rest = key.partition(":")
    if kind == "person":
        for person in [*(p for ps in DELEGATIONS.values() for p in ps), *HOST_PEOPLE.values()]:
            if person[0] == key:
                country = next((s for s, ps in DELEGATIONS.items() if person in ps), None) or next(
                    c for c, p in HOST_PEOPLE.items() if p == person
                )
                return {
                    "kind": "person",
                    "name_ar": person[1],
                    "name_en": person[2],
                    "role": person[3],
                    "country_code": None if country == "EU" else country,
                    "entity_source": "gazetteer",
                    "surface": person[1],
                }
        name = rest.split(":", 1)[1]
        return {"kind": "person", "name_ar": name, "entity_source": "discovered", "surface": name}
    if kind == "org":
        org = next(o for o in ORGS if o[0] == key)
        return {"kind": "org", "name_ar": org[1], "name_en": org[2], "entity_source": "gazetteer", "surface": org[1]}
    level, _, name = rest.partition(":")
    if level == "country":
        ar, en, lat, lon = COUNTRIES[name]
        return {
            "kind": "location",
            "name_ar": ar,
            "name_en": en,
            "country_code": name,
            "location_kind": "country",
            "latitude": lat,
            "longitude": lon,
            "entity_source": "gazetteer",
            "surface": ar,
        }
    if level == "city":
        ar, en, country, _, _ = CITIES[name]
        lat, lon = COUNTRIES[country][2] + 0.5, COUNTRIES[country][3] + 0.5
        return {
            "kind": "location",
            "name_ar": ar,
            "name_en": en,
            "country_code": country,
            "location_kind": "city",
            "latitude": lat,
            "longitude": lon,
            "parent_key": f"loc:country:{country}",
            "entity_source": "gazetteer",
            "surface": ar,
        }
    city, (_, ar, en) = next((c, v[4]) for c, v in CITIES.items() if v[4] and v[4][0] == name)
    country = CITIES[city][2]
    return {
        "kind": "location",
        "name_ar": ar,
        "name_en": en,
        "country_code": country,
        "location_kind": "venue",
        "parent_key": f"loc:city:{city}",
        "entity_source": "gazetteer",
        "surface": ar,
    }


def _near(simhash: int, rng: random.Random) -> int:
    """A simhash 1-3 bits away: a syndicated copy."""
    value = simhash & (2**64 - 1)
    for bit in rng.sample(range(64), rng.randint(1, 3)):
        value ^= 1 << bit
    return value - 2**64 if value >= 2**63 else value


def write_lake(lake_dir: Path, spec: LakeSpec) -> Truth:
    """Write the lake described by `spec` under `lake_dir` (which should be empty); the same spec
    always writes the same rows."""
    rng = random.Random(spec.seed)
    articles = max(1, round(spec.mentions / spec.mentions_per_article))
    rounds = schedule(spec, rng, articles)
    articles = max(articles, len(rounds))
    writer = Writer(Path(lake_dir), rng)
    truth = writer.truth
    truth.exact = spec.noise == 0
    truth.rounds = len(rounds)
    share = {f[0]: f[1] for f in spec.families}
    in_family: dict[tuple[str, ...], int] = {}
    for r in rounds:
        in_family[r.sides] = in_family.get(r.sides, 0) + 1
        name = "-".join(r.sides)
        truth.rounds_by_family[name] = truth.rounds_by_family.get(name, 0) + 1
    weights = [share[r.sides] / in_family[r.sides] for r in rounds]
    originals: list[tuple[dict[str, Any], list[Report], date | None]] = []
    mentions_left = spec.mentions
    for n in range(articles):
        budget = max(4, round(mentions_left / (articles - n)))
        mentions_left -= budget
        if originals and rng.random() < spec.copies:  # a syndicated copy: same events, published a day later
            source, reports, published = rng.choice(originals[-200:])
            published = published + timedelta(days=1) if published else None
            writer.article(n, published, reports, budget, copy_of=source)
            continue
        first = n < len(rounds)  # every round gets one full report first
        lead = rounds[n] if first else rng.choices(rounds, weights)[0]
        published = lead.day + timedelta(days=rng.choice([-3, -2, -1, 0, 0, 1, 1, 2, 3]))
        reports = [canonical_report(lead)] if first else [report_of(lead, published, rng)]
        for _ in range(_event_count(rng, spec.events_per_article) - 1):
            pick = rng.random()
            if pick < spec.noise:
                reports.append(noise_report(spec, rng))
            elif pick < spec.noise + spec.bare:  # an allusion: joins the one round it fits, or nothing
                sides = rng.choices([f[0] for f in spec.families], [f[1] for f in spec.families])[0]
                reports.append(Report(list(sides), [], rng.choice(["planned", "held"]), None, None))
            elif pick < 0.75:
                reports.append(report_of(lead, published, rng))
            else:  # a dated aside about another round
                other = rng.choice(rounds)
                aside = canonical_report(other)
                aside.status = "planned" if other.day > published else "held"
                aside.participants = aside.participants[:1]
                reports.append(aside)
        if spec.noise and rng.random() < spec.noise / 4:
            published = None  # an article whose publication day is unknown
        row = writer.article(n, published, reports, budget)
        originals.append((row, reports, published))
        if len(originals) > 400:
            del originals[:200]
    writer.flush()
    return truth


def _nested(sides: Sequence[str], other: Sequence[str]) -> bool:
    """One set of sides holds the other: reports of them in one city and slot are one meeting."""
    return set(sides) <= set(other) or set(other) <= set(sides)


def _event_count(rng: random.Random, mean: float) -> int:
    """Events in one article: at least one, about `mean` on average."""
    return max(1, min(8, round(rng.gauss(mean, 1.0))))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lake", type=Path)
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--noise", type=float, default=0.05)
    args = ap.parse_args()
    truth = write_lake(args.lake, LakeSpec(mentions=args.mentions, seed=args.seed, noise=args.noise))
    print(truth)


if __name__ == "__main__":
    main()
