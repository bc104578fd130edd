"""The events layer of the article's Document: the arguments a trigger can take (people, places,
orgs, nationalities, acting regions) and its dates, in normalised offsets.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tasks.nlp.dates import DateMention
from tasks.nlp.events.lexicon import Lexicon, factions_of, is_factions
from tasks.nlp.gazetteer import Gazetteer, load_gazetteer
from tasks.nlp.text.document import Document
from tasks.nlp.text.normalize import Normalized
from tasks.nlp.types import Entity, Mention


@dataclass(slots=True)
class Arg:
    """A named thing in normalised offsets: person, location, org, nationality or acting region."""

    start: int
    end: int
    kind: str  # person | location | org | nat | region
    key: str
    cc: str | None  # the country it stands for
    entity: Entity | None = None
    loc_kind: str | None = None  # city | country | venue | region
    # person reading (filled by classify_people)
    modifier: bool = False  # possessor of another noun («مبعوث ترامب»): not at the table
    announcer: bool = False  # the one reporting («أعلن المتحدث ... بيسكوف»)
    commentator: bool = False
    negotiator: bool = False
    host: bool = False  # «استضاف ...», "X hosted the talks": the host, not a side
    names_group: bool = False  # names a group by its leader («جناح عبدالعزيز الحلو»): its side, not at the table
    seated: bool = False  # named at the table by a participation cue ("led by", «يضم الوفد»), whatever else
    region: str | None = None  # the region a place lies in, when the gazetteer knows it ("loc:region:alaska")


@dataclass(slots=True)
class DateArg:
    start: int
    end: int
    dm: DateMention


def nationality_args(nt: Normalized, taken: list[tuple[int, int]], g: Gazetteer) -> list[Arg]:
    """Nationality adjectives and demonyms, read with the gazetteer's own nationality table
    (used when the caller does not pass the ones entities.analyze() found)."""
    out: list[Arg] = []
    for hit in g.scan(nt.text):
        nats = [a for a in hit.aliases if a.kind == "nat"]
        if not nats or any(s < hit.end and hit.start < e for s, e in taken):
            continue
        a = nats[0]
        if nt.text[hit.start].isascii():  # Latin: "Russian" not "russian", "US" not "us"
            o0, o1 = nt.orig_span(hit.start, hit.end)
            surface = nt.original[o0:o1]
            if a.case == "title" and not surface[:1].isupper():
                continue
            if a.case == "upper" and surface.upper() != surface:
                continue
        out.append(Arg(hit.start, hit.end, "nat", a.key, a.key))
    # keep the longest of overlapping hits
    out.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Arg] = []
    for x in out:
        if not kept or x.start >= kept[-1].end:
            kept.append(x)
    return kept


def internal_sides(n: str, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """«الفصائل الفلسطينية», «طرفي الصراع في السودان», "Sudan's warring parties": the nationality or
    country, with the collective noun beside it, becomes one side org:<cc>-factions."""
    out: list[Arg] = []
    for a in args:
        state = a.kind == "nat" or (a.kind == "location" and a.loc_kind == "country")
        if not state or not a.cc or len(a.cc) != 2:
            out.append(a)
            continue
        before = lex.internal_before_rx.search(n, max(0, a.start - 40), a.start)
        after = lex.internal_after_rx.match(n[a.end : a.end + 40])
        counted_before, counted_after = lex.internal_counted_rx
        if after is None and counted_before.search(n, max(0, a.start - 12), a.start):
            after = counted_after.match(n[a.end : a.end + 40])  # "the two Libyan delegations"
        listed = re.match(r"\s*(?:و|and\s|,|،)", n[a.end : a.end + 6]) is not None
        if (before is None and after is None) or listed:
            out.append(a)  # «الطرفين الروسي والأوكراني»: two countries, not one country's factions
            continue
        key = factions_of(a.cc)
        s, e = (before.start(), a.end) if before else (a.start, a.end + after.end())  # type: ignore[union-attr]
        out.append(Arg(s, e, "org", key, key))
    return out


def country_counts(args: list[Arg], lex: Lexicon) -> Counter[str]:
    """How often the article names each country: as a country, a capital standing for it, a
    nationality, a person or a side that counts as it."""
    c: Counter[str] = Counter()
    for a in args:
        if a.kind == "location" and a.loc_kind == "country" and a.cc:
            c[a.cc] += 1
        elif a.kind == "location" and a.key in lex.metonymic:
            c[lex.metonymic[a.key]] += 1
        elif (a.kind in ("nat", "person") and a.cc) or (
            a.kind == "org" and a.cc and (a.cc in lex.actor_sides or is_factions(a.cc))
        ):
            c[a.cc] += 1
    return c


def unnamed_bodies(n: str, args: list[Arg], lex: Lexicon) -> list[Arg]:
    """«اجتماع اللجنة العسكرية المشتركة 5+5», "the constitutional committee": a joint body of one
    country's rival sides named without its country is the collective side of the country the
    article is about, when one country clearly leads its mentions."""
    ranked = [(cc, k) for cc, k in country_counts(args, lex).most_common(2) if len(cc) == 2]
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return []
    key = factions_of(ranked[0][0])
    taken = [(a.start, a.end) for a in args]
    return [
        Arg(m.start(), m.end(), "org", key, key)
        for m in lex.internal_bodies_rx.finditer(n)
        if not any(a < m.end() and m.start() < b for a, b in taken)
    ]


def build_args(
    doc: Document,
    mentions: list[Mention],
    entities: list[Entity],
    lex: Lexicon,
    nat_cues: list[tuple[int, int, str]] | None,
) -> list[Arg]:
    nt = doc.norm
    g = doc.gazetteer or load_gazetteer()
    ents = {e.key: e for e in entities}
    args: list[Arg] = []
    for m in mentions:
        if m.kind not in ("person", "location", "org"):
            continue
        e = ents.get(m.key)
        s, t = nt.to_normalized(m.start), nt.to_normalized(m.end)
        # a non-state side stands for itself («حماس» is org:hamas, not PS): finish() maps it to
        # its country for `parties`
        cc = m.key if m.key in lex.actor_sides else e.country_code if e else None
        loc_kind = e.location_kind if e else None
        if m.kind == "location" and loc_kind is None:
            loc_kind = m.key.split(":")[1] if m.key.count(":") >= 2 else None
        if m.kind == "location" and cc is None and m.key.startswith("loc:country:"):
            cc = m.key.rsplit(":", 1)[1]
        arg = Arg(s, t, m.kind, m.key, cc, e, loc_kind)
        if m.kind == "location":
            arg.region = g.region_of(m.key)
        args.append(arg)
    taken = [(a.start, a.end) for a in args]
    if nat_cues is None:
        args += nationality_args(nt, taken, g)
    else:
        args += [Arg(nt.to_normalized(s), nt.to_normalized(e), "nat", cc, cc) for s, e, cc in nat_cues]
    args = internal_sides(nt.text, args, lex)
    args += unnamed_bodies(nt.text, args, lex)
    taken = [(a.start, a.end) for a in args]
    for rx, cc in lex.regions:
        for m in rx.finditer(nt.text):
            s, t = m.span("core")
            if not any(a < t and s < b for a, b in taken):
                args.append(Arg(s, t, "region", f"region:{cc}", cc))
    return args
