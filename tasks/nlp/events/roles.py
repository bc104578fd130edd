"""What a named person does in a sentence: possessor («مبعوث ترامب»), reporter, commentator, negotiator, host."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tasks.nlp.events.document import Arg
from tasks.nlp.events.lexicon import Lexicon, lexicon
from tasks.nlp.events.sides import side_noun
from tasks.nlp.events.triggers import Trigger
from tasks.nlp.events.words import COMPLEMENTIZERS, WORD_RX, member
from tasks.nlp.settings import NLP
from tasks.nlp.text.charsets import bare, has_article, strip_conj
from tasks.nlp.text.document import Document
from tasks.nlp.yaml_resources import words


def classify_people(doc: Document, lex: Lexicon, sentences: set[int] | None = None) -> None:
    """Mark possessors, reporters, commentators and negotiators among the people (those of `sentences`
    only, when given: a person's reading looks at their own sentence alone)."""
    people = [a for a in doc.args if a.kind == "person"]
    # the characters some person's name covers (title_chain stops at another person's name)
    named = bytearray(len(doc.nt) + 1)
    for a in people:
        named[a.start : a.end] = b"\x01" * (a.end - a.start)
    # looked up once, not per person
    sent_starts, sents = doc.sent_starts, doc.sents
    commentator_bare, negotiator_bare, host = lex.commentator_bare, lex.negotiator_bare, lex.host
    for p in people:
        si = max(0, bisect_right(sent_starts, p.start) - 1)  # doc.sentence_of inlined
        if sentences is not None and si not in sentences:
            continue
        sent = sents[si]
        before = doc.words_before(p.start, 8, floor=sent[0])
        after = doc.words_after(p.end, 4, ceil=sent[1])
        role = (p.entity.role or "").casefold() if p.entity else ""
        title = [bare(w) for w in title_chain(doc, p, lex, sent[0], named)]
        p.modifier = is_possessor(doc, p, lex, before, after, role)
        commentator, negotiator = _role_words(lex, role)
        p.commentator = commentator or not commentator_bare.isdisjoint(title)
        p.negotiator = negotiator or not negotiator_bare.isdisjoint(title) or _negotiator_apposed(doc, lex, p, sent[1])
        p.announcer = is_reporter(doc, p, lex, sent)
        if p.announcer and speaks_at_talks(doc, lex, after, p.end, sent[1]):
            p.seated = True  # «وقال لافروف في بداية المفاوضات مع نظيره», "said at the opening of the talks"
        p.host = (bool(after) and (member(after[0], host) or (len(after) > 1 and member(after[1], host)))) or (
            bool(before) and member(before[-1], host)
        )
        p.names_group = names_group(doc, p, lex, before)


_APPOSITION = re.compile(r"\s*[,،]")


def _negotiator_apposed(doc: Document, lex: Lexicon, p: Arg, e: int) -> bool:
    """A delegation's head named in apposition right after the name ("Ahmed X, head of the government
    delegation, said", «X، رئيس الوفد الحكومي، إن»): a negotiator."""
    if not _APPOSITION.match(doc.nt, p.end, e):
        return False
    return not lex.negotiator_bare.isdisjoint(bare(w) for w in doc.words_after(p.end, 5, ceil=e))


def sentences_asked(doc: Document, read: set[int]) -> set[int]:
    """The sentences whose people's roles reading the sentences `read` can ask about: those sentences, and
    the sentences of the people named within two free words after one of them (an organisation's
    spokesman right after it, sides.affiliation, may stand past the sentence's end)."""
    out = set(read)
    starts = [a.start for a in doc.args if a.kind == "person"]  # args are in text order
    for si in read:
        s, e = doc.sents[si]
        reach = max([e, *(a.end for a in doc.args_in(s, e))])
        last = doc.nth_free_start(reach, 3)  # a person starting after it is three free words away
        hi = len(starts) if last is None else bisect_right(starts, last)
        out.update(doc.sentence_of(p) for p in starts[bisect_left(starts, s) : hi])
    return out


def names_group(doc: Document, p: Arg, lex: Lexicon, before: list[str]) -> bool:
    """«جناح عبدالعزيز الحلو», «قوات حفتر», "the Haftar faction", «الحركة الشعبية بقيادة عبدالعزيز الحلو»:
    the person names a group by its leader."""
    if not before:
        return False
    if member(strip_conj(before[-1]), lex.group_nouns) and not doc.gap(doc.tok_index(p.start)).strip(" "):
        return True  # but "... the Armed Forces; Yelena ...": punctuation ends the group's name
    ahead = doc.words_after(p.end, 1)
    if ahead and ahead[0].isascii() and ahead[0] in lex.group_nouns:
        return True  # "the Haftar faction"
    n = 2 if before[-2:] == ["led", "by"] else 1
    if " ".join(before[-n:]) not in lex.group_led_by:
        return False
    # led by an organisation named right before, not a delegation («وفد بقيادة ...»)
    cue = doc.tok_index(p.start) - n
    lead_in = before[-n - 3 : -n]
    org_before = any(
        a.kind == "org" and doc.free(a.end, doc.tok_starts[cue]) <= 1
        for a in doc.args_in(doc.tok_starts[max(0, cue - 8)], doc.tok_starts[cue])
    )
    return org_before and not any(side_noun(lex, w) for w in lead_in)


# (the lexicon's commentator and negotiator words, role) -> _role_words; a frozenset keeps its hash
_ROLES: dict[tuple[frozenset[str], frozenset[str], str], tuple[bool, bool]] = {}


def _role_words(lex: Lexicon, role: str) -> tuple[bool, bool]:
    """Whether a gazetteer role ("Kremlin spokesman") holds an English commentator word, and a negotiator
    word (a person's role is asked for at every mention: cached per role)."""
    key = (lex.commentator, lex.negotiator, role)
    found = _ROLES.get(key)
    if found is None:
        commentator_en = [w for w in lex.commentator if w.isascii()]
        negotiator_en = [w for w in lex.negotiator if w.isascii()]
        found = _ROLES[key] = (_in_role(role, commentator_en), _in_role(role, negotiator_en))
        if len(_ROLES) > 100_000:
            _ROLES.clear()
    return found


def _in_role(role: str, words: list[str]) -> bool:
    """One of `words` inside the gazetteer role (most people have none: nothing to scan)."""
    return any(w in role for w in words) if role else "" in words


def title_chain(doc: Document, p: Arg, lex: Lexicon, floor: int, named: bytearray | None = None) -> list[str]:
    """Words of the title right before a name («المتحدث باسم الكرملين», "Kremlin spokesman"),
    stopping at a verb of saying, «أن»/"that", or another person's name.

    `named`: the characters of the text that people's names cover, when the caller has them (a name
    covering a word before `p` is another person's: `p` starts after it)."""
    chain: list[str] = []
    if named is None:
        named = bytearray(len(doc.nt) + 1)
        for a in doc.args_over(floor, p.start):
            if a.kind == "person" and a is not p:
                named[a.start : a.end] = b"\x01" * (a.end - a.start)
    starts, words_, speech = doc.tok_starts, doc.words, lex.speech  # asked for every person
    first = bisect_left(starts, p.start) - 1  # the word just before the name, then one word back each step
    for i in range(first, first - 6, -1):
        if i < 0:
            break
        ts = starts[i]
        if ts < floor or named[ts]:
            break
        w = words_[i]
        if w in speech or member(w, speech) or w in COMPLEMENTIZERS:
            break
        chain.append(w)
    return chain


def construct_noun(w: str, lex: Lexicon) -> bool:
    """A possessive noun in the construct state, singular or with the dual/plural construct ending
    («مبعوث ترامب», «مبعوثا ترامب», «مبعوثي الرئيس», «مستشارو بوتين»)."""
    if member(w, lex.possessive_nouns):
        return True
    return len(w) > 4 and w[-1] in "اوي" and member(w[:-1], lex.possessive_nouns)


def is_possessor(doc: Document, p: Arg, lex: Lexicon, before: list[str], after: list[str], role: str) -> bool:
    # English: "Trump's envoy", "the Trump administration"
    tail = doc.nt[p.end : p.end + 3]
    if tail.startswith("'s") and any(w in lex.possessive_nouns for w in after[1:4]):
        return True
    if after and after[0] in lex.possessive_nouns and after[0].isascii():
        return True
    if not before:
        return False
    # «المبعوث الخاص لترامب», «مستشار الأمن القومي لبوتين»: the name governed by ل after a possessive noun
    if doc.clitic(p.start) in ("ل", "ول") and any(construct_noun(bare(w), lex) for w in before[-4:]):
        return True
    # «صهر ترامب», «لإدارة ترامب»: a bare construct noun right before the name (not the last word of
    # another name: «عمر صديق وصلاح المبارك» lists two people)
    last = before[-1]
    if not last.isascii() and not has_article(last) and construct_noun(last, lex) and not _name_before(doc, p):
        return True  # Arabic construct state; English "envoy Steve Witkoff" is apposition
    # «مبعوث الرئيس الأمريكي السابق دونالد ترامب», «للرئيس الروسي فلاديمير بوتين», "envoy of President X"
    titles = lex.possessor_titles
    i = len(before) - 1
    steps = 0
    while i >= 0 and steps < 5:
        w = before[i] if before[i] in titles else strip_conj(before[i])
        own = titles.get(w)
        if own:
            title = own
        else:  # a two-word title ending here («وزير الخارجية»), built only when the word is none
            two = f"{before[i - 1]} {before[i]}" if i > 0 else ""
            title = titles.get(two) or titles.get(strip_conj(two))
        if title:
            start = i - (1 if not own else 0)
            prev = before[start - 1] if start > 0 else ""
            governed = (
                (w.startswith("ل") and not w.startswith("ال"))
                or (prev and not has_article(prev) and construct_noun(prev, lex))
                or prev == "of"
            )
            return bool(governed and (not role or any(title in h for h in role_heads(role))))
        # an ASCII word never carries the Arabic article: has_article is asked of Arabic words only
        if not ((w.istitle() or w in ("former", "us", "u", "s")) if w.isascii() else has_article(w)):
            return False
        i -= 1
        steps += 1
    return False


_ROLE_PARTS = re.compile(r",|;| and | \(")
_ROLE_TAIL = re.compile(r" (?:of|to|for|at|in|on) ")


def role_heads(role: str) -> list[str]:
    """What a gazetteer role says the person is, without what it is of: "Adviser to the Head of the Office
    of the President" is an adviser, not a president; "Crown Prince and Prime Minister of X" is both."""
    return [_ROLE_TAIL.split(part, 1)[0] for part in _ROLE_PARTS.split(role)]


def _name_before(doc: Document, p: Arg) -> bool:
    """Another person's name ends right before this one, with at most «و»/"and" between."""
    return any(
        a.kind == "person" and a is not p and WORD_RX.findall(doc.nt[a.end : p.start]) in ([], ["و"], ["and"])
        for a in doc.args_over(max(0, p.start - 60), p.start)
    )


_AT_OPENING = frozenset(words("function_words.yaml")["at_opening"])


def speaks_at_talks(doc: Document, lex: Lexicon, after: list[str], pos: int, end: int) -> bool:
    """A speaker followed by «في بداية/خلال/في ختام» or "at the start of", "during" and the talks
    themselves («وقال لافروف في بداية المفاوضات») speaks from the table."""
    if not any(w in _AT_OPENING for w in after):
        return False
    i = doc.tok_index(pos)
    return any(
        doc.tok_starts[k] < end and doc.match(lex.trigger_rx, doc.tok_starts[k])
        for k in range(i, min(i + 8, len(doc.tok_starts)))
    )


_COLON_NEXT = re.compile(r"\s*:")  # (\s is str.isspace): no copy of the rest of the sentence per person


def is_reporter(doc: Document, p: Arg, lex: Lexicon, sent: tuple[int, int]) -> bool:
    """The person is the subject of a speech verb: «أعلن المتحدث ... بيسكوف», "Peskov said", "said Peskov"."""
    english = doc.nt[p.start : p.start + 1].isascii()
    for m in doc.finditer(lex.speech_rx, sent[0], p.start):
        if doc.free(m.end(), p.start) > 8:
            continue  # too far to be its subject (checked first: cheaper than reading the words between)
        between = WORD_RX.findall(doc.nt[m.end() : p.start])
        if english and len(between) > 1:
            continue  # English reporters stand right after the verb only: "said Peskov"
        if any(w in COMPLEMENTIZERS for w in between):
            continue  # «أعلن البيت الأبيض أن ترامب ...»: Trump is what was said
        gap_people = [a for a in doc.args_in(m.end(), p.start) if a.kind == "person"]
        if all(a.modifier for a in gap_people) and not trigger_between(doc, m.end(), p.start):
            return True
    if _COLON_NEXT.match(doc.nt, p.end, sent[1]) and len(WORD_RX.findall(doc.nt[sent[0] : p.start])) <= 3:
        return True  # a headline quoting its speaker: «زيلينسكي: جولة جديدة ...», "Peskov: no summit yet"
    if english:
        # "Peskov said", "Zelensky thanked ...", "Erdogan called on both sides"
        m = doc.search(lex.speech_rx, p.end, sent[1])
        if m is None:
            return False
        if len(WORD_RX.findall(doc.nt[p.end : m.start()])) <= 1:
            return True
        # "Kim Myong-gil, the North's chief negotiator, told reporters": an apposition between commas
        gap = doc.nt[p.end : m.start()]
        inner, _, tail = gap.strip(" ").removeprefix(",").rpartition(",")
        return (
            gap.lstrip(" ").startswith(",")
            and bool(inner)
            and "," not in inner
            and len(WORD_RX.findall(inner)) <= 12
            and len(WORD_RX.findall(tail)) <= 1
            and not trigger_between(doc, p.end, m.start())
        )
    return False


def trigger_between(doc: Document, a: int, b: int) -> bool:
    return doc.search(lexicon().trigger_rx, a, b) is not None


def meeting_owner(doc: Document, lex: Lexicon, t: Trigger, s: int, e: int) -> Arg | None:
    """The person whose own meeting the trigger names: "Trump said he had called off his planned summit",
    "Trump has said he will meet Putin", «قال روبيو إن المحادثات التي أجراها ...», «لقائه مع».
    That person sits at the table though the sentence has them speak."""
    before = doc.words_before(t.start, 4, floor=s)
    after = doc.words_after(t.end, 2, ceil=e)
    owns = bool(before[-1:]) and before[-1] in lex.owner_possessives
    owns = owns or (len(before) > 1 and before[-2] in lex.owner_possessives and before[-1].isascii())
    owns = owns or t.suffix in ("ه", "ها")
    owns = owns or (len(after) == 2 and after[0] in ("التي", "الذي") and after[1] in lex.owner_after)
    owns = owns or " ".join(after) in lex.owner_after
    if not owns and t.kind == "verb":
        rest = [w for w in before if w not in lex.owner_aux]
        owns = bool(rest) and (rest[-1] in lex.owner_subject or strip_conj(rest[-1]) in lex.owner_subject)
    if not owns:
        return None
    people = [a for a in doc.args_in(s, t.start) if a.kind == "person" and a.end <= t.start and not a.modifier]
    return people[-1] if people else None


def title_actor(doc: Document, lex: Lexicon, p: Arg, floor: int) -> Arg | None:
    """The movement a seated person's title names as theirs («قائد قوات الدعم السريع الفريق أول ...», "the
    head of the Tigray People's Liberation Front, X"): a side the gazetteer knows, ending at most a few
    free words (ranks, a comma) before the name, with no other person between, and of the holder's own
    country when it is known. Its leader at the table puts it at the table."""
    before = [a for a in doc.args_in(floor, p.start) if a.end <= p.start]
    for a in reversed(before):
        if a.kind == "person":
            return None
        if a.kind == "org" and a.key in lex.actor_sides and doc.free(a.end, p.start) <= NLP.title_actor_gap:
            # a movement of another country than the holder's is a misreading («الجيش الوطني» of Syria
            # is not Libya's army)
            return a if p.cc is None or lex.actor_sides[a.key] == p.cc else None
    return None
