"""Trigger words and phrases («محادثات», «الجولة الثالثة من المفاوضات», "round of talks") and which
trigger a sentence's argument belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tasks.nlp.events.lexicon import Lexicon, lexicon
from tasks.nlp.events.words import EN_DETERMINERS, WORD_RX, member
from tasks.nlp.settings import NLP
from tasks.nlp.text.charsets import bare, strip_conj
from tasks.nlp.text.document import Document


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    core_end: int  # end of the first trigger word (ordinals and adjectives follow it)
    kind: str
    lemma: str
    surface: str
    definite: bool
    demonstrative: bool
    verb_status: str | None
    english: bool
    purpose: bool = False
    suffix: str = ""  # an Arabic pronoun suffix on the trigger («لقائه», «جولتها»)


_PASSIVE_AUX = frozenset(("was", "were", "been", "be", "is", "are"))


def _names_agreement(lex: Lexicon, words: list[str]) -> bool:
    """An agreement noun among the words: after a sign verb what was signed, before a passive one ("the
    agreement was signed", "a ceasefire deal had been reached") its subject."""
    return any(bare(w) in lex.agreement_nouns for w in words)


def find_triggers(doc: Document, lex: Lexicon, s: int, e: int) -> list[Trigger]:
    """The triggers of sentence [s, e), in order; phone and video contacts come as kind "remote" (they
    own the arguments around them, and found nothing)."""
    found: list[Trigger] = []
    for m in doc.finditer(lex.trigger_rx, s, e):
        group = "ar" if m.group("ar") else "art" if m.group("art") else "en"
        core = m.group(group)
        cs, ce = m.span(group)
        english = group == "en"
        lemma = core if group != "art" else core[:-1] + "ه"
        kind = lex.trigger_kind.get(lemma, "talks")
        before = doc.words_before(m.start(), 2, floor=s)
        after = doc.words_after(m.end(), 2, ceil=e)
        if english and kind == "round" and not any(w in lex.en_round_context for w in before[-2:] + after[:1]):
            continue
        prefix = doc.nt[m.start() : cs]
        suffix = doc.nt[ce : m.end()]
        demonstrative = bool(before and member(before[-1], lex.demonstratives))
        definite = (
            demonstrative
            or "ال" in prefix
            or prefix.endswith("لل")
            or bool(suffix)
            or (english and any(w in EN_DETERMINERS for w in doc.words_before(m.start(), 3, floor=s)))
        )
        if english and after[:1] and after[0] in lex.place_nouns_en:
            continue  # "the border meeting point", "the meeting room": a place, not a meeting
        if kind == "round" and not english and after[:1] and after[0] in lex.tour_words:
            continue  # «في جولة تشمل إسرائيل والبحرين», «جولة خليجية»: a tour of visits, not a round of talks
        if any(
            a.kind == "org" and a.start <= cs and ce <= a.end and a.key not in lex.group_members
            for a in doc.args_over(cs, ce)
        ):
            continue  # «الهيئة العليا للمفاوضات»: part of a body's name (a format, «المحادثات السداسية», is talks)
        if english and before and before[-1] in ("the", "their", "its") and kind == "verb":
            continue  # "the meet" is not a verb
        if english and core in lex.receive_verbs and not _person_received(doc, m.end(), e):
            continue  # "received a call", "received the proposal"
        if kind == "sign" and not (
            _names_agreement(lex, doc.words_after(m.end(), NLP.sign_reach, ceil=e))
            or (
                english
                and before[-1:]
                and before[-1] in _PASSIVE_AUX
                and _names_agreement(lex, doc.words_before(m.start(), 5, floor=s))
            )
        ):
            continue  # «وقعت اشتباكات», "reached Doha": nothing signed or agreed ("the deal was signed" is)
        if (
            kind == "sign"
            and core in ("التوصل", "توصل")
            and (prefix.lstrip("وف") in ("ل", "لل") or (before and before[-1] in lex.goal_words))
        ):
            continue  # «بهدف التوصل إلى اتفاق», «للتوصل إلى اتفاق»: an aim, not an agreement reached
        if kind in ("verb", "sign"):
            definite = demonstrative = False
        near_words = after + before[-1:]  # `after` is the same two words
        if any(w in lex.remote for w in near_words) or (english and after[:1] == ["call"]):
            kind = "remote"  # «محادثات هاتفية», "phone talks": not a meeting at a table
        surface = doc.text[slice(*doc.norm.orig_span(cs, ce))]
        found.append(
            Trigger(
                m.start(),
                m.end(),
                m.end(),
                kind,
                lemma_of(lemma),
                surface,
                definite,
                demonstrative,
                lex.verb_status.get(core),
                english,
                # «للقاء بوتين», "to meet Putin": a meeting intended, not yet reported as held
                purpose=(not english and prefix.lstrip("وف") == "ل") or (english and before[-1:] == ["to"]),
                suffix=suffix,
            )
        )
    if found:
        found += _referred_back(doc, lex, found, s, e)
    remote = [t for t in found if t.kind == "remote"]
    for m in doc.finditer(lex.remote_rx, s, e):
        cs, ce = m.span("core")
        if not any(t.start < ce and cs < t.end for t in found):
            surface = doc.text[slice(*doc.norm.orig_span(cs, ce))]
            remote.append(
                Trigger(cs, ce, ce, "remote", "", surface, False, False, None, cs < e and doc.nt[cs].isascii())
            )
    if not found and not remote:
        return []  # most sentences: no trigger and no contact
    meetings = compound(doc, lex, sorted((t for t in found if t.kind != "remote"), key=lambda t: t.start))
    # a session in no phrase of talks is none, unless it is a body's sitting
    meetings = [t for t in meetings if t.kind != "session" or _sitting_of_a_body(doc, lex, t)]
    return sorted(meetings + remote, key=lambda t: t.start)


def _referred_back(doc: Document, lex: Lexicon, found: list[Trigger], s: int, e: int) -> list[Trigger]:
    """«هذه ثاني جولة ... بعد تلك التي عقدت في هافانا», "the second round, after the one held in Havana":
    the pronoun is a meeting of the kind of the trigger before it, and owns what follows it."""
    out: list[Trigger] = []
    for m in doc.finditer(lex.anaphoric_rx, s, e):
        words = list(WORD_RX.finditer(doc.nt, *m.span("core")))
        # the pronoun is the trigger; "after" before it opens its phrase (it takes nothing from before)
        cs, ce = words[1].start(), m.end("core")
        before = [t for t in found if t.end <= cs and t.kind not in ("remote", "verb", "sign")]
        if not before or any(t.start < ce and cs < t.end for t in found):
            continue
        prev = before[-1]
        surface = doc.text[slice(*doc.norm.orig_span(cs, ce))]
        out.append(Trigger(cs, ce, ce, prev.kind, prev.lemma, surface, True, False, None, prev.english))
    out += _elided_ordinals(doc, lex, found, s, e)
    return out


def _elided_ordinals(doc: Document, lex: Lexicon, found: list[Trigger], s: int, e: int) -> list[Trigger]:
    """«احتضنت الرياض الاجتماع الأول للجنة في 31 مارس والثالث في 14 يونيو»: a definite ordinal standing
    alone after «و», a few words after a numbered meeting or round, is the next meeting of that kind (the
    noun elided); the trigger is the ordinal itself, and reads its own number."""
    numbered = [
        t
        for t in found
        if t.kind in ("round", "meeting")
        and (nxt := doc.words_after(t.core_end, 1, ceil=e))
        and nxt[0] in lex.ordinals_after
    ]
    out: list[Trigger] = []
    for t in numbered:
        k = doc.tok_index(t.core_end) + 1  # past the ordinal after the trigger
        for j in range(k + 2, min(k + 9, len(doc.tokens))):
            ts, te = doc.tokens[j]
            if ts >= e or any(x.start <= ts < x.end for x in found):
                break
            w = doc.nt[ts:te]
            if w.startswith("و") and w[1:].startswith("ال") and w[1:] in lex.ordinals_after:
                surface = doc.text[slice(*doc.norm.orig_span(ts + 1, te))]
                # core_end == start: the trigger has no noun of its own; its number is the word itself
                out.append(Trigger(ts, te, ts, t.kind, t.lemma, surface, True, False, None, t.english))
                break
    return out


def _person_received(doc: Document, pos: int, e: int) -> bool:
    """A person named within a few words after `pos`, with no punctuation between ("received US envoy
    Steve Witkoff")."""
    for a in doc.args_in(pos, e):
        if a.kind == "person":
            return len(WORD_RX.findall(doc.nt[pos : a.start])) <= 4 and not re.search(
                r"[.,،:;؛]", doc.nt[pos : a.start]
            )
    return False


@lru_cache(maxsize=4096)  # a page repeats its few trigger words
def _plural(w: str) -> bool:
    """«جلسات», «جلستين», "sessions": more than one (a plural or dual ending)."""
    return w.endswith(("ات", "تين", "تان", "تي", "s"))


def lemma_of(w: str) -> str:
    """Crude lemma so that «لقاء»/«اللقاءات»/«لقائه» and "meeting"/"meetings" compare equal."""
    w = re.sub(r"(ات|تين|تان|ين|ان|s)$", "", w)
    return w[:4]


# a round's number in apposition, between commas: «الجولة السابقة، الـ62، من ...», "the last round, the 62nd, of ..."
APPOSED_NUMBER = re.compile(r"\s*[،,]\s*(?:ال|the\s+)?(?P<n>\d{1,3})(?:st|nd|rd|th)?\s*[،,]\s*")


_PUNCT = re.compile(r"[.،,:؛;!?؟]")  # punctuation: a phrase does not run over it


def compound(doc: Document, lex: Lexicon, trigs: list[Trigger]) -> list[Trigger]:
    """«جولة مباحثات», «الجولة الثالثة من المفاوضات», "round of talks": one phrase."""
    out: list[Trigger] = []
    for t in trigs:
        if out:
            prev = out[-1]
            # «الجولة السابقة، الـ62، من المحادثات»: a round number in apposition does not split the phrase
            between = APPOSED_NUMBER.sub(" ", doc.nt[prev.end : t.start])
            gap = WORD_RX.findall(between)
            if not _PUNCT.search(between) and (
                (len(gap) <= lex.compound_gap and all(bare(w) in lex.joiners or w in lex.joiners for w in gap))
                or (t.english and _named_format(doc, lex, prev.end, t.start, gap, prev.kind == "round"))
            ):
                kinds = {prev.kind, t.kind}
                if t.kind in ("round", "session") and prev.kind not in ("round", "session"):
                    prev.core_end = t.core_end  # «اجتماعات الجولة الثانية»: the number follows the round noun
                elif prev.kind == "session" and not gap:
                    prev.core_end = t.core_end  # «جلسات الحوار الوطني الفلسطيني»: what follows qualifies the talks
                    # «جلسة الحوار التي كان مقررا عقدها»: in construct with a definite noun, the session is definite
                    prev.definite = prev.definite or (t.definite and not t.english)
                session = "session" in kinds and kinds != {"session"}
                if "round" in kinds or (session and _numbered(doc, lex, prev, gap, t)):
                    # "the third dialogue session", «الجلسة الأولى للحوار»: a numbered session of talks is a round
                    prev.kind = "round"
                elif prev.kind == "session":
                    # «جلسات الحوار»: the talks' sessions, no round of their own; «عقدت جلسة لهيئة الحوار
                    # الوطني», "a session of the dialogue": one new sitting of the talks, a meeting («جلسة الحوار
                    # التي كان مقررا عقدها»: a sitting already told of, a reference)
                    single = not prev.definite and not _plural(bare(doc.nt[prev.start : prev.core_end]))
                    prev.kind = "meeting" if single else t.kind
                elif prev.kind == "track":
                    prev.kind = t.kind
                prev.end = t.end
                continue
        out.append(t)
    return out


def _sitting_of_a_body(doc: Document, lex: Lexicon, t: Trigger) -> bool:
    """«الدورة الثالثة رفيعة المستوى للجنة المتابعة», "a session of the joint committee": a session with a
    standing body of the talks after it (joiners between) is one sitting of the body: a round when
    numbered, else a meeting (the trigger is changed in place); so is a session told by its possessive
    pronoun with the body before it (_own_session)."""
    i = doc.tok_index(t.core_end)
    after = doc.words[i : i + lex.compound_gap + 1]
    # the first word that is a body or no joiner (body words are joiners of talks too: «جلسة لهيئة الحوار»)
    k = next(
        (n for n, w in enumerate(after) if w in lex.bodies or not (bare(w) in lex.joiners or w in lex.joiners)), None
    )
    body_after = (
        k is not None and after[k] in lex.bodies and not any(_PUNCT.search(doc.gap(i + n)) for n in range(k + 1))
    )
    if not body_after and not _own_session(doc, lex, t):
        return False
    t.kind = "round" if _numbered(doc, lex, t, after[:k] if body_after else [], t) else "meeting"
    return True


def _own_session(doc: Document, lex: Lexicon, t: Trigger) -> bool:
    """«تعقد لجنة المتابعة ... أعمال دورتها العادية», "the joint committee opened its fifth session": a
    session told by its possessive pronoun, with a standing body of the talks before it in its sentence
    (within twice an argument's reach, max_arg_dist), is that body's sitting."""
    if t.english:
        before = doc.words_before(t.start, 3)
        own = "its" in before and all(
            w == "its" or w in lex.joiners or w in lex.ordinals_before for w in before[before.index("its") :]
        )
    else:
        own = t.suffix == "ها"
    if not own:
        return False
    s, _ = doc.sents[doc.sentence_of(t.start)]
    return any(w in lex.bodies for w in doc.words_before(t.start, NLP.max_arg_dist * 2, floor=s))


def _numbered(doc: Document, lex: Lexicon, prev: Trigger, gap: list[str], t: Trigger) -> bool:
    """A session phrase carries its number: an ordinal inside it («الجلسة الأولى للحوار»), right before it
    («أولى جلسات الحوار», "their third dialogue session") or right after it («جلسة الحوار الثالثة»)."""
    before = doc.words_before(prev.start, 1)
    after = doc.words_after(t.end, 1)
    return any(w in lex.ordinals_after for w in gap + after) or any(
        strip_conj(w) in lex.ordinals_before or w in lex.compound_ordinals["en_units"] for w in before
    )


def _named_format(doc: Document, lex: Lexicon, s: int, e: int, gap: list[str], round_of: bool) -> bool:
    """ "round of Corps Commander level talks", "round of border talks", "the Strategic Dialogue talks":
    between two English triggers, "round of" and what kind of talks, or a format's name (capitalised
    words, "-level") besides the joiners, is one phrase."""
    if not gap or len(gap) > lex.compound_gap + 3:
        return False
    if round_of and gap[0] == "of":
        return True
    if len(gap) > lex.compound_gap + 2:
        return False
    spans = [m.span() for m in WORD_RX.finditer(doc.nt, s, e)]
    named = 0
    for (a, b), w in zip(spans, gap, strict=True):
        original = doc.text[slice(*doc.norm.orig_span(a, b))]
        if original[:1].isupper() or w.endswith("level"):
            named += 1
        elif w not in lex.joiners:
            return False
    return named > 0


def opens_phrase(doc: Document, t: Trigger) -> bool:
    before = doc.words_before(t.start, 1)
    return bool(before) and (
        before[-1] in lexicon().phrase_openers or strip_conj(before[-1]) in lexicon().phrase_openers
    )


def nearest(doc: Document, trigs: list[Trigger], s: int, e: int) -> tuple[int, float]:
    """The trigger an item [s, e) belongs to, and its distance.

    Arabic arguments mostly follow their head, so an item between two triggers leans to the
    one before it; a trigger opened by «قبل»/"before" takes nothing from before the opener."""
    if len(trigs) == 1:
        return 0, distance_from(doc, trigs[0], s, e, 0)  # most sentences: nothing to compare
    best, dist = 0, float("inf")
    for i, t in enumerate(trigs):
        d = distance_from(doc, t, s, e, i)
        if d < dist:
            best, dist = i, d
    return best, dist


def _clause_joined(doc: Document, e: int, start: int) -> bool:
    """The words between an item and a later trigger open with a clause's «و» + verb or "and"."""
    m = WORD_RX.search(doc.nt, e, start)
    if m is None:
        return False
    w = m.group()
    return w == "and" or (w.startswith("و") and len(w) > 3 and doc.nt[e : m.start()].strip() in ("", "،", ","))


def distance_from(doc: Document, t: Trigger, s: int, e: int, i: int) -> float:
    """How far the item [s, e) stands from trigger `i` of its sentence, as `nearest` weighs it."""
    if s >= t.end:
        return float(doc.free(t.end, s))
    if e <= t.start:
        # Arabic arguments follow their head (VSO); English subjects precede it (SVO)
        d = doc.free(e, t.start) * (1.0 if t.english else 1.5) + 1
        if i > 0 and (opens_phrase(doc, t) or t.core_end == t.start):
            d += 100  # (an elided ordinal, «والثالث في 14 يونيو», also opens its own phrase)
        elif i > 0 and _clause_joined(doc, e, t.start):
            d += 2  # «... في إسطنبول وعقد مفاوضات ...»: the item closes the clause before «و»
        return d
    return 0.0


def distance(doc: Document, t: Trigger, s: int, e: int) -> int:
    if s >= t.end:
        return doc.free(t.end, s)
    if e <= t.start:
        return doc.free(e, t.start)
    return 0
