"""The event lexicon: every word list in resources/*.yaml compiled once into regexes and sets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tasks.nlp.text.alternation import grouped
from tasks.nlp.text.charsets import bare
from tasks.nlp.text.normalize import norm_token
from tasks.nlp.yaml_resources import words

AR_PRE = r"(?:[وف]?(?:[بلك]|ال|بال|كال|لل)?)"


AR_SUF = r"(?:هما|ها|هم|هن|ه|نا|كم)?"


def load_yaml(name: str) -> Any:
    return words(name)


def entry(e: str) -> str:
    """Regex body of one lexicon entry (normalised; spaces flexible; trailing * = any ending)."""
    star = str(e).endswith("*")
    words = norm_token(str(e).rstrip("*")).split()
    body = r"\s+".join(re.escape(w) for w in words)
    return body + (r"\w*" if star else "")


def alternation(entries: list[str]) -> str:
    bodies = sorted({entry(e) for e in entries if str(e).strip()}, key=len, reverse=True)
    return grouped(bodies) or r"(?!x)x"  # the same as "|".join(bodies), leading letters shared


def word_rx(entries: list[str], prefix: str = r"[وف]?") -> re.Pattern[str]:
    """Whole-word matcher; Arabic may carry the given clitic prefix."""
    return re.compile(rf"(?<!\w){prefix}(?P<core>{alternation(entries)})(?!\w)")


def both(d: dict[str, list[str]] | None) -> list[str]:
    d = d or {}
    return [*(d.get("ar") or []), *(d.get("en") or [])]


def bare_set(words: frozenset[str]) -> frozenset[str]:
    """Words and their bare forms, for looking up `bare(word)` of text: bare() of a listed word may
    drop a letter of its stem («وثيقة» -> ثيقه, «فريق» -> ريق) while the same word in text keeps
    it after its article («الوثيقة» -> وثيقه), so both are kept."""
    return words | frozenset(bare(w) for w in words)


def nset(words: list[str] | None) -> frozenset[str]:
    return frozenset(norm_token(str(w)) for w in words or [])


def internal_before(d: dict) -> re.Pattern[str]:
    """A collective noun ending right before a country: «الفصائل», «الحركات المسلحة في شمال», "armed
    groups from northern" (internal_sides in event_cues.yaml)."""
    ar_join, en_join = alternation(d["joiners"]["ar"]), alternation(d["joiners"]["en"])
    ar_dir, en_dir = alternation(d["compass"]["ar"]), alternation(d["compass"]["en"])
    # (?<!\w) leads the whole pattern, not each branch: the same matches, and Document.search can try it
    # only at the words that begin one (text/wordindex.py)
    return re.compile(
        rf"(?<!\w)(?:{AR_PRE}(?:{alternation(d['ar'])})\s+(?:(?:{ar_join})\s+(?:(?:{ar_dir})\s+)?)?"
        rf"|(?:{alternation(d['en'])})\s+(?:{en_join})\s+(?:the\s+)?(?:(?:{en_dir})\s+)?)$"
    )


def compound_ordinal_words(co: dict[str, Any]) -> frozenset[str]:
    """Every word of a compound ordinal, bare and with the article («الحاديه», «عشره», "twenty")."""
    words = [str(w) for part in co.values() for w in part]
    return nset(words) | nset([f"ال{w}" for w in words if not str(w).isascii()])


FACTIONS = "-factions"  # "org:<cc>-factions": the rival sides of one country as one collective side


def factions_of(cc: str) -> str:
    """The collective side of a country's rival sides named together: PS -> org:ps-factions."""
    return f"org:{cc.lower()}{FACTIONS}"


def is_factions(side: str) -> bool:
    return side.startswith("org:") and side.endswith(FACTIONS)


def enough_sides(sides: set[str]) -> bool:
    """Two sides make a meeting; so does one country's rival sides named together (talks among Libyans)."""
    return len(sides) >= 2 or any(is_factions(s) for s in sides)


def side_country(actors: dict[str, str], side: str) -> str:
    """The country a side counts as: itself for a state, the actor's country for org:<key>."""
    if is_factions(side):
        return side[4 : -len(FACTIONS)].upper()
    return actors.get(side, side)


@dataclass(frozen=True)
class Lexicon:
    trigger_rx: re.Pattern[str]
    trigger_kind: dict[str, str]
    verb_status: dict[str, str]
    remote: frozenset[str]
    receive_verbs: frozenset[str]
    receive_verbs_ar: frozenset[str]  # «استقبل»: with a pronoun for object, the guest named the sentence before
    observer_words: frozenset[str]  # «الدول المراقبة», "observers": who takes part without being a side
    joint_words: frozenset[str]  # «المشتركة», "joint": a joint body's host is one of its members
    absence_rx: re.Pattern[str]  # «تغيب», "boycotted": who is named after it stayed away
    caption_rx: re.Pattern[str]  # "... - getty images" closing a line: a photo's caption
    other_acts: frozenset[str]  # «الموقعة في مدريد», "signed in Madrid": a place of another act
    agree_verbs: frozenset[str]  # «اتفق لبنان وسوريا ... خلال اجتماع»: its subjects are the meeting's sides
    agree_during: frozenset[str]
    goal_words: frozenset[str]  # before «التوصل»: an aim, not an agreement reached
    ministers: frozenset[str]  # «وزراء» before a portfolio («خارجية») and the countries that follow
    portfolios: frozenset[str]
    remote_rx: re.Pattern[str]
    anaphoric_rx: re.Pattern[str]  # «بعد تلك التي», "after the one": a meeting referred back to
    phrase_openers: frozenset[str]
    en_round_context: frozenset[str]
    compound_gap: int
    joiners: frozenset[str]
    place_nouns_en: frozenset[str]  # "meeting point", "meeting room": a trigger word naming a place
    tour_words: frozenset[str]  # «جولة تشمل ...», «جولة خليجية»: a tour, not a round
    weak_rx: re.Pattern[str]
    participation_rx: re.Pattern[str]
    side_nouns: frozenset[str]
    side_nouns_bare: frozenset[str]
    side_noun_sizes: frozenset[str]  # "a 20-member delegation", "a high-level team"
    demonstratives: frozenset[str]
    trilateral: frozenset[str]
    sequel: frozenset[str]
    owner_possessives: frozenset[str]
    owner_after: frozenset[str]
    owner_subject: frozenset[str]
    owner_aux: frozenset[str]
    both_sides_rx: re.Pattern[str]
    generic: frozenset[str]
    generic_phrases: re.Pattern[str]  # the several-word ones ("too early")
    ordinals_after: dict[str, int]
    ordinals_before: dict[str, int]
    compound_ordinals: dict[str, Any]
    counts: dict[str, int]
    count_words: dict[str, int]
    status_rx: dict[str, re.Pattern[str]]
    adjacent_held: frozenset[str]
    adjacent_earlier: frozenset[str]  # "the previous meeting", «الاجتماع السابق»: one before this one
    group_nouns: frozenset[str]
    group_led_by: frozenset[str]
    ongoing_now: frozenset[str]
    before_held: frozenset[str]
    duration: frozenset[str]
    masdar_words: frozenset[str]
    masdar_governors: frozenset[str]
    background_openers: frozenset[str]
    elapsed: frozenset[str]  # «سنة», "years": «بعد 18 سنة من اندلاع الحرب» dates against history
    last_time: frozenset[str]  # "last time on", «في المرة السابقة في»: a date of the meeting before
    continuation: frozenset[str]
    progressive_rx: re.Pattern[str]
    outcome_past_rx: re.Pattern[str]
    background_rx: re.Pattern[str]
    topic_before: frozenset[str]
    posted_bodies: frozenset[str]  # «السفارة الأمريكية في ليبيا»: the place is the embassy's, not a meeting's
    speaking_bodies: frozenset[str]  # «وقالت الخارجية المغربية»: a country's body commenting, no side
    with_topics: frozenset[str]
    possessive_nouns: frozenset[str]
    possessor_titles: dict[str, str]
    speech: frozenset[str]
    clause_breaks: frozenset[str]
    speech_rx: re.Pattern[str]
    commentator: frozenset[str]
    commentator_bare: frozenset[str]
    former_titles: frozenset[str]
    negotiator: frozenset[str]
    negotiator_bare: frozenset[str]
    host: frozenset[str]
    venue_verbs: frozenset[str]  # «شهدت الرياض ... التوقيع»: a place as their subject is the venue
    host_before_only: frozenset[str]
    host_compound: frozenset[str]  # "Malaysia-brokered": after a hyphen, the country hosts or mediates
    mediation: frozenset[str]
    reason_words: frozenset[str]
    travel: frozenset[str]
    travel_rx: re.Pattern[str]
    locative: frozenset[str]
    near: frozenset[str]
    same_place_rx: re.Pattern[str]
    own_country_rx: re.Pattern[str]  # «في بلاده», "in his country": the speaker's country
    day_offsets: list[tuple[re.Pattern[str], int]]
    regions: list[tuple[re.Pattern[str], str]]
    metonymic: dict[str, str]
    # non-state sides (organisations.yaml `side: true`): "org:<key>" -> the country it counts as
    actor_sides: dict[str, str]
    # groupings of states that negotiate as one (organisations.yaml `members`): "org:<key>" -> states
    group_members: dict[str, frozenset[str]]
    # the rival sides of one country named together (internal_sides): Arabic before a nationality or
    # «في <country>», English after one ("Palestinian factions", "Sudan's warring parties"), or
    # counted before it ("the two Libyan delegations")
    internal_before_rx: re.Pattern[str]
    internal_after_rx: re.Pattern[str]
    internal_counted_rx: tuple[re.Pattern[str], re.Pattern[str]]
    internal_bodies_rx: re.Pattern[str]  # a joint body named without its country
    # bodies and movements nobody listed, read by their shape (event_cues.yaml rival_bodies)
    rival_heads: frozenset[str]
    rival_state_heads: frozenset[str]
    members_of: frozenset[str]  # «قيادات ب...»: people of a movement
    domestic_rx: re.Pattern[str]  # a government's own sitting («مجلس الوزراء», "cabinet")
    state_nouns_rx: re.Pattern[str]  # a state's bodies named bare («الجيش», "the government")
    rebel_rx: re.Pattern[str]  # «المتمردين», "insurgents": rebels named by what they do
    government_words: frozenset[str]
    rival_bare_heads: frozenset[str]
    rival_stop: frozenset[str]
    rival_max_words: int
    rival_en_rx: re.Pattern[str]  # a capitalised English body's name, its head last ("Future Movement")
    sides_cue_rx: re.Pattern[str]  # «بمشاركة», "with the participation of": the states listed after sit at the table
    agreement_nouns: frozenset[str]  # what a `sign` trigger must sign or reach
    org_places: dict[str, str]
    outcome_rx: list[tuple[re.Pattern[str], str]]
    bodies: frozenset[str]  # «لجنة», "committee": a session of one is a sitting of the talks' body
    result_rx: re.Pattern[str]
    hedges: frozenset[str]
    outcome_gap: int
    document_rx: list[tuple[re.Pattern[str], str]]  # outcomes that count without a result verb once issued
    declaration_rx: re.Pattern[str]  # «إعلان» + a place, a place + "declaration": a named declaration
    not_yet: frozenset[str]  # a document hedged, drafted or still to come («سيصدر», "draft")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    trig, status, outc, cues = (
        load_yaml(n) for n in ("triggers.yaml", "status_markers.yaml", "outcomes.yaml", "event_cues.yaml")
    )
    kind_of: dict[str, str] = {}
    for kind, d in trig["kinds"].items():
        for e in both(d):
            kind_of[norm_token(e)] = kind
    ar = [e for e in kind_of if not e.isascii()]
    en = [e for e in kind_of if e.isascii()]
    # Arabic nouns ending in ة (ه) take pronoun suffixes on ت: جولتها, قمتهما
    t_forms = [e[:-1] + "ت" for e in ar if e.endswith("ه")]
    trigger_rx = re.compile(
        rf"(?<!\w)(?:{AR_PRE}(?P<ar>{alternation(ar)}){AR_SUF}|{AR_PRE}(?P<art>{alternation(t_forms)})"
        rf"(?:هما|ها|هم|ه)|(?P<en>{alternation(en)}))(?!\w)"
    )
    verb_status = {norm_token(v): st for st, vs in trig["verb_status"].items() for v in vs}
    ords = trig["ordinals"]
    status_words = {
        st: [e for k, v in status[st].items() if k in ("ar", "en") for e in v]
        for st in ("cancelled", "held", "ongoing", "started", "planned", "proposed")
    }
    status_rx = {st: word_rx(ws) for st, ws in status_words.items()}
    regions = [(word_rx(both(d), prefix=r"[وفبل]?"), cc) for cc, d in cues["actor_regions"].items()]
    outcome_rx = []
    for code, d in outc["outcomes"].items():
        bodies = []
        for e in both(d):
            parts = [entry(p) if p != "~" else r"\w[\w,.]*(?:\s+\w[\w,.]*){0,2}" for p in str(e).split()]
            plural = r"(?:e?s)?" if str(e).isascii() else ""  # "prisoner swaps", "agreements"
            bodies.append(r"\s+".join(parts) + plural)
        outcome_rx.append((re.compile(rf"(?<!\w){AR_PRE}(?:{'|'.join(bodies)})(?!\w)"), code))
    document_rx = [(rx, code) for rx, code in outcome_rx if code in set(outc["documents"])]
    speech = both(cues["speech"])
    orgs = load_yaml("organisations.yaml")
    actor_sides = {f"org:{o['key']}": o["country"] for o in orgs if o.get("side")}
    group_members = {f"org:{o['key']}": frozenset(o["members"]) for o in orgs if o.get("members")}
    return Lexicon(
        trigger_rx=trigger_rx,
        trigger_kind=kind_of,
        verb_status=verb_status,
        remote=nset(both(trig["remote"])),
        receive_verbs=nset(trig["receive_verbs"]),
        receive_verbs_ar=nset(trig["receive_verbs_ar"]),
        observer_words=nset(both(cues["observer_words"])),
        joint_words=nset(both(cues["joint_words"])),
        absence_rx=word_rx(sorted(nset(both(cues["absence_verbs"])))),
        other_acts=nset(both(cues["other_acts"])),
        caption_rx=re.compile(
            rf"\s[-–|]\s*\(?(?:{alternation(sorted(nset(cues['caption_credits'])))})\)?\s*$", re.MULTILINE
        ),
        agree_verbs=nset(cues["agreeing"]["verbs"]),
        agree_during=nset(cues["agreeing"]["during"]),
        goal_words=nset(trig["goal_words"]),
        ministers=nset(trig["ministers_of"]["ministers"]),
        portfolios=nset(trig["ministers_of"]["portfolios"]),
        remote_rx=word_rx(both(trig["remote_contacts"])),
        anaphoric_rx=word_rx(both(trig["anaphoric_meetings"])),
        phrase_openers=nset(both(trig["phrase_openers"])),
        en_round_context=nset(trig["en_round_context"]),
        compound_gap=int(trig["compound"]["max_gap"]),
        joiners=nset(trig["compound"]["joiners"])
        | nset(list(ords["ar"]))
        | nset(list(ords["en"]))
        | compound_ordinal_words(trig["compound_ordinals"]),
        place_nouns_en=nset(trig["place_nouns_en"]),
        tour_words=nset(trig["tour_words"]),
        weak_rx=word_rx(both(trig["weak_anaphora"])),
        participation_rx=word_rx(both(trig["participation"])),
        side_nouns=nset(both(trig["side_nouns"])),
        side_nouns_bare=bare_set(nset(both(trig["side_nouns"]))),
        side_noun_sizes=nset(trig["side_noun_sizes"]),
        demonstratives=nset(both(trig["demonstratives"])),
        trilateral=nset(both(trig["trilateral"])),
        sequel=nset(both(trig["sequel"])),
        owner_possessives=nset(trig["owner"]["possessives"]),
        owner_after=nset(trig["owner"]["own_after"]),
        owner_subject=nset(trig["owner"]["subject"]),
        owner_aux=nset(trig["owner"]["auxiliaries"]),
        both_sides_rx=word_rx(both(trig["both_sides"])),
        generic=nset(both(cues["generic"])),
        generic_phrases=word_rx([w for w in both(cues["generic"]) if " " in norm_token(w)]),
        ordinals_after={norm_token(k): v for k, v in {**ords["ar"], **ords["en_after"]}.items()},
        ordinals_before={norm_token(k): v for k, v in {**ords["ar_before"], **ords["en"]}.items()},
        compound_ordinals={
            k: ({norm_token(w): n for w, n in v.items()} if isinstance(v, dict) else nset(v))
            for k, v in trig["compound_ordinals"].items()
        },
        counts={norm_token(k): v for k, v in trig["counts"]["ar"].items()},
        count_words={
            norm_token(k): v
            for k, v in {**trig["counts"]["ar_number_words"], **trig["counts"]["en_number_words"]}.items()
        },
        status_rx=status_rx,
        adjacent_held=nset(both(status["held"]["adjacent"])),
        adjacent_earlier=nset(both(status["held"]["earlier"])),
        group_nouns=nset(both(cues["group_nouns"])),
        group_led_by=nset(both(cues["group_led_by"])),
        ongoing_now=nset(both(status["ongoing_now"])),
        before_held=nset(both(status["held"]["before"])),
        duration=nset(both(status["held"]["duration"])),
        masdar_words=nset(status["masdar_words"]),
        masdar_governors=nset(status["masdar_governors"]),
        background_openers=nset(both(status["background_openers"])),
        elapsed=nset(both(status["elapsed"])),
        last_time=nset(both(status["last_time"])),
        continuation=nset(both(status["continuation"])),
        progressive_rx=word_rx(both(status["progressive"])),
        outcome_past_rx=word_rx(both(status["outcome_past"])),
        background_rx=word_rx(both(cues["background"])),
        topic_before=nset(both(cues["topic_before"])),
        posted_bodies=nset(both(cues["posted_bodies"])),
        speaking_bodies=nset(both(cues["speaking_bodies"])),
        with_topics=bare_set(nset(both(cues["with_topics"]))),
        possessive_nouns=nset(both(cues["possessive_nouns"])),
        possessor_titles={norm_token(k): v for k, v in cues["possessor_titles"].items()},
        speech=nset(speech),
        clause_breaks=nset(both(cues["clause_breaks"])),
        speech_rx=word_rx(speech),
        commentator=nset(both(cues["commentator_roles"])),
        commentator_bare=bare_set(nset(both(cues["commentator_roles"]))),
        former_titles=nset(both(cues["former_titles"])),
        negotiator=nset(both(cues["negotiator_roles"])),
        negotiator_bare=bare_set(nset(both(cues["negotiator_roles"]))),
        host=nset(both(cues["host"])),
        venue_verbs=nset(cues["venue_verbs"]),
        host_before_only=nset(both(cues["host_before_only"])),
        host_compound=nset(cues["host_compound"]),
        mediation=nset(both(cues["mediation"])),
        reason_words=nset(both(cues["reason_words"])),
        travel=nset(both(cues["travel"])),
        travel_rx=word_rx(both(cues["travel"])),
        locative=nset(both(cues["locative"])),
        near=nset(both(cues["near"])),
        same_place_rx=word_rx(both(cues["same_place"])),
        own_country_rx=word_rx(both(cues["own_country"])),
        day_offsets=[(word_rx([k]), int(v)) for d in cues["day_offsets"].values() for k, v in d.items()],
        regions=regions,
        metonymic={f"loc:city:{k}": v for k, v in cues["metonymic_cities"].items()},
        actor_sides=actor_sides,
        group_members=group_members,
        sides_cue_rx=word_rx(both(cues["sides_cues"])),
        internal_counted_rx=(
            re.compile(rf"(?<!\w)(?:{alternation(cues['internal_counted']['before'])})\s+$"),
            re.compile(rf"^\s+(?:{alternation(cues['internal_counted']['after'])})(?!\w)"),
        ),
        agreement_nouns=bare_set(nset(both(trig["agreement_nouns"]))),
        internal_bodies_rx=re.compile(rf"(?<!\w){AR_PRE}(?:{alternation(both(cues['internal_bodies']))})(?!\w)"),
        rival_heads=nset(cues["rival_bodies"]["heads"]),
        rival_state_heads=nset(cues["rival_bodies"]["state_heads"]),
        members_of=nset(cues["members_of"]),
        domestic_rx=word_rx(both(cues["domestic_bodies"])),
        state_nouns_rx=re.compile(
            rf"(?<!\w)(?:{AR_PRE}(?:{alternation(nset(cues['state_nouns']['ar']))})|(?:{alternation(nset(cues['state_nouns']['en']))}))(?!\w)"
        ),
        rival_bare_heads=nset(cues["rival_bodies"]["bare_heads"]),
        rival_stop=nset(cues["rival_bodies"]["stop"]),
        rival_max_words=int(cues["rival_bodies"]["max_words"]),
        rival_en_rx=re.compile(
            rf"(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{'|'.join(map(re.escape, cues['rival_bodies']['en_heads']))})(?!\w)"
        ),
        internal_before_rx=internal_before(cues["internal_sides"]),
        rebel_rx=word_rx(both(cues["rebel_nouns"])),
        government_words=nset(both(cues["government_words"])),
        internal_after_rx=re.compile(rf"^(?:['’]s)?\s+(?:{alternation(cues['internal_sides']['en'])})(?!\w)"),
        org_places=dict(cues["org_places"]),
        outcome_rx=outcome_rx,
        bodies=nset(both(trig["bodies"])),
        result_rx=word_rx(both(outc["results"])),
        hedges=nset(both(outc["hedges"])),
        outcome_gap=int(outc["max_gap"]),
        document_rx=document_rx,
        declaration_rx=word_rx(both(outc["declaration"]), prefix=AR_PRE),
        not_yet=nset(both(outc["not_yet"])),
    )
