"""Who sits at the table by a participation cue: "led by X, joined by Y and Z", «ويضم الوفد الأمريكي X وY»,
"X, Y and Z sat across the table from A and B".

    seat_people(doc, lex, s, e, cues) -> list[Arg]
        the people of sentence [s, e) seated by the cues (spans of participation words): those right
        around a cue, and every name listed with one of them. They are marked `seated`: a seated person
        is a participant even when the same sentence has them speak.
    delegation_sides(doc, lex, s, e) -> list[tuple[int, str]]
        (position, country) of the delegations a sentence names: «الوفد الروسي», "the Russian side",
        "Ukraine's delegation", «وفد أوكرانيا».
    listed_with(doc, lex, chosen, people, cues) -> list[Arg]
        the chosen people and everyone listed with one of them.
    give_sides(people, sides)
        a person of unknown country takes the side of the delegation named nearest before them (else after).
"""

from __future__ import annotations

from itertools import pairwise

from tasks.nlp.events.document import Arg
from tasks.nlp.events.lexicon import Lexicon
from tasks.nlp.events.sides import side_noun
from tasks.nlp.events.words import WORD_RX, member
from tasks.nlp.gazetteer import Gazetteer, load_gazetteer
from tasks.nlp.settings import NLP
from tasks.nlp.text.document import Document
from tasks.nlp.yaml_resources import words


def seat_people(doc: Document, lex: Lexicon, s: int, e: int, cues: list[tuple[int, int]]) -> list[Arg]:
    cues = [(cs, ce) for cs, ce in cues if not negated(doc, cs, s)]  # "who does not take part in the talks"
    if not cues:
        return []  # no cue seats anyone, and lists only grow from a seated name
    people = [a for a in doc.args_in(s, e) if a.kind == "person" and not a.modifier]
    # _near_cue inlined: every person of the sentence against every cue
    free, after, before = doc.free, NLP.cue_after, NLP.cue_before
    seated: list[Arg] = []
    for a in people:
        for cs, ce in cues:
            if free(ce, a.start) <= after if a.start >= ce else a.end <= cs and free(a.end, cs) <= before:
                seated.append(a)
                break
    if not seated:
        return []
    seated = listed_with(doc, lex, seated, people, cues)  # the rest of each list a seated name stands in
    for a in seated:
        a.seated = True
    return sorted(seated, key=lambda a: a.start)


def listed_with(
    doc: Document, lex: Lexicon, chosen: list[Arg], people: list[Arg], cues: list[tuple[int, int]]
) -> list[Arg]:
    """`chosen` and every person of `people` (in text order) that stands in one list with one of them:
    «ووقع ... البرهان القائد العام للقوات المسلحة وقائد قوات الدعم السريع ... دقلو»."""
    out = list(chosen)
    grown = True
    while grown:
        grown = False
        for a, b in pairwise(people):
            if (a in out) != (b in out) and _one_list(doc, lex, a, b, cues):
                out.append(b if a in out else a)
                grown = True
    return out


NEGATIONS = frozenset(words("function_words.yaml")["negations"])


def negated(doc: Document, pos: int, floor: int) -> bool:
    """A negation among the two words before `pos` ("does not take part", «لم يشارك»)."""
    return any(w in NEGATIONS or w.endswith("n't") for w in doc.words_before(pos, 2, floor=floor))


def _near_cue(doc: Document, a: Arg, cs: int, ce: int) -> bool:
    if a.start >= ce:
        return doc.free(ce, a.start) <= NLP.cue_after
    return a.end <= cs and doc.free(a.end, cs) <= NLP.cue_before


def _one_list(doc: Document, lex: Lexicon, a: Arg, b: Arg, cues: list[tuple[int, int]]) -> bool:
    """Two names of one list: only titles, commas and "and"/«و» between them (no verb, cue or clause break)."""
    if any(a.end <= cs < b.start for cs, _ in cues):
        return False
    gap = WORD_RX.findall(doc.nt[a.end : b.start])
    plain = " ".join(gap).replace("as well as", "and").split()  # "as well as" joins, it opens no clause
    if any(member(w, lex.clause_breaks) or w in lex.clause_breaks for w in plain):
        return False
    if any(member(w, lex.speech) or w in lex.speech for w in gap):
        return False
    if doc.search(lex.trigger_rx, a.end, b.start) is not None:
        return False
    free = doc.free(a.end, b.start)
    if free <= NLP.list_gap or (free <= NLP.list_title_gap and titled_item(doc, gap)):
        return True
    return free <= NLP.list_long_gap and title_words_item(doc, a, b, gap)


_ITEM_OPENERS = frozenset(words("function_words.yaml")["list_item_openers"])  # "and", "as well as", «و»


def title_words_item(doc: Document, a: Arg, b: Arg, gap: list[str]) -> bool:
    """The gap is the next name's long title after a comma or "and"/"as well as" ("..., special envoy of
    the Organization for Security and Cooperation in Europe (OSCE) Heidi Tagliavini as well as leaders of
    the self-proclaimed Donetsk People's Republic Alexander Zakharchenko"): title words, capitalised
    words, names, places and small words only, at most a few other words (clause breaks, speech and
    triggers are ruled out before)."""
    g = doc.gazetteer or load_gazetteer()
    opened = bool(gap) and (doc.nt[a.end : b.start].lstrip(" ").startswith((",", "،")) or gap[0] in _ITEM_OPENERS)
    # «البرهان القائد العام للقوات المسلحة وقائد قوات الدعم السريع الفريق أول دقلو»: the first name's
    # own title in apposition, then the next one's, joined by a conjoined title
    if not opened and not (gap and g.is_ar_head(gap[0]) and any(_conjoined_head(g, w) for w in gap)):
        return False
    if "by" in gap:
        return False  # "..., supported by former Kenyan President X": a passive verb opens another role
    others = 0
    for k in range(doc.token_at(a.end), doc.token_at(b.start)):
        ts, te = doc.tokens[k]
        if ts < a.end or te > b.start or doc.tok_match[k] is not None:
            continue
        w = doc.tok(k)
        if w == "s" and doc.gap(k) in ("'", "’"):
            continue  # "People's Republic"
        head = w in g.en_heads or (w.endswith("s") and w[:-1] in g.en_heads)  # "leaders of ..."
        if head or w in g.en_modifiers or w in g.stop_en or w in g.nat_forms or w in _ITEM_OPENERS:
            continue
        if g.is_ar_head(w) or (w[:1] == "و" and g.is_ar_head(w[1:])) or w.startswith(("ال", "وال")):
            continue
        if w in g.stop_ar or (w.isascii() and doc.is_cap(k)):
            continue
        others += 1
    return others <= NLP.list_long_gap_others


def titled_item(doc: Document, gap: list[str]) -> bool:
    """The gap opens with a conjoined title, so it is the next name's title however long
    («... ورئيس لجنة الشؤون الدولية في مجلس الدوما ليونيد سلوتسكي», "and Speaker of the House X")."""
    g = doc.gazetteer or load_gazetteer()
    if gap[:1] == ["and"]:
        return len(gap) > 1 and gap[1].casefold() in g.en_heads
    return bool(gap) and _conjoined_head(g, gap[0])


def _conjoined_head(g: Gazetteer, w: str) -> bool:
    """«ورئيس», «وقائد»: a title head with «و» glued to it."""
    return len(w) > 2 and w[0] == "و" and g.is_ar_head(w[1:])


def delegation_sides(doc: Document, lex: Lexicon, s: int, e: int) -> list[tuple[int, str]]:
    out = []
    for a in doc.args_in(s, e):
        if not a.cc or a.kind not in ("nat", "location"):
            continue
        if a.kind == "location" and a.loc_kind != "country":
            continue
        ahead = doc.words_after(a.end, 2, ceil=e)
        if ahead[:1] == ["s"] and doc.nt[a.end : a.end + 1] in "'’":
            ahead = ahead[1:]  # "Ukraine's delegation"
        if ahead and ahead[0] in lex.side_nouns and ahead[0].isascii():
            out.append((a.start, a.cc))  # an English side
            continue
        prev = doc.words_before(a.start, 1, floor=s)  # (read only when the English test fails)
        if prev and not prev[-1].isascii() and side_noun(lex, prev[-1]):
            out.append((a.start, a.cc))  # an Arabic side
    return out


def give_sides(people: list[Arg], sides: list[tuple[int, str]]) -> None:
    if not sides:
        return
    for p in people:
        if p.cc:
            continue
        before = [cc for pos, cc in sides if pos < p.start]
        p.cc = before[-1] if before else sides[0][1]
