"""Capitals named by their country: "the Saudi capital", «العاصمة السعودية», «عاصمة روسيا», "the
capital of Hungary" are places, the capital city of that country (Gazetteer.capitals).

API (used by entities.analyze):
    with_capitals(doc, g, matches) -> list[Match]
        the matches with every capital phrase read as one location match of the capital city, in
        place of the nationality or country match inside it. A phrase followed by the city's own
        name («العاصمة الروسية موسكو», "the Russian capital, Moscow") is left alone: the name is there.
"""

from __future__ import annotations

from tasks.nlp.gazetteer import Gazetteer
from tasks.nlp.text.charsets import clitic_bases
from tasks.nlp.text.document import Document, Match

# "the Saudi capital markets": capital in the money sense
_MONEY_SENSE = frozenset(
    {"market", "markets", "flows", "flow", "investment", "investments", "gains", "controls", "spending", "punishment"}
)


def with_capitals(doc: Document, g: Gazetteer, matches: list[Match]) -> list[Match]:
    by_token = {doc.token_at(m.word_start): m for m in matches}
    replaced: dict[int, Match] = {}  # id of the nationality/country match -> the capital match
    for m in matches:
        if m.kind not in ("nat", "location") or (m.kind == "location" and not m.key.startswith("loc:country:")):
            continue
        cc = m.key if m.kind == "nat" else m.key.rsplit(":", 1)[1]
        capital = g.capitals.get(cc)
        if capital is None:
            continue
        first, last = doc.token_at(m.word_start), doc.token_at(max(m.end - 1, m.start))
        span = _arabic_phrase(doc, g, first, last) or _english_phrase(doc, g, first, last, m)
        if span is None or _city_named_after(doc, by_token, span[2], cc):
            continue
        start, word_start, end_tok = span
        end = max(m.end, doc.tokens[end_tok][1])
        replaced[id(m)] = Match(start, end, word_start, "location", capital, "capital")
    return [replaced.get(id(m), m) for m in matches]


def _arabic_phrase(doc: Document, g: Gazetteer, first: int, last: int) -> tuple[int, int, int] | None:
    """«العاصمة السعودية», «بالعاصمة الروسية», «عاصمة روسيا»: (start after clitics, word start, last token)."""
    i = first - 1
    if i < 0 or doc.gap(first).strip():
        return None
    word = doc.tok(i)
    if clitic_bases(word).isdisjoint(g.capital_words):
        return None  # most words before a nationality: no capital word, nothing to sort
    for base in sorted(clitic_bases(word), key=len, reverse=True):
        if base in g.capital_words and not base.isascii():
            ts, te = doc.tokens[i]
            start = te - len(base)
            if doc.nt[ts:start].endswith("ال"):
                start -= 2  # the article stays in the name («العاصمة»)
            return start, ts, last
    return None


def _english_phrase(doc: Document, g: Gazetteer, first: int, last: int, m: Match) -> tuple[int, int, int] | None:
    """ "the Saudi capital", "Russia's capital", "the capital of Hungary"."""
    if not doc.nt[m.start : m.start + 1].isascii():
        return None
    nxt = last + 1
    if nxt < len(doc.tokens) and doc.tok(nxt) == "s" and doc.gap(nxt).strip() in ("'", "’"):
        nxt += 1  # Russia's capital
    before = doc.tok(first - 1) if first > 0 else ""
    if nxt < len(doc.tokens) and doc.tok(nxt) in g.capital_words and not doc.gap(nxt).strip():
        after = doc.tok(nxt + 1) if nxt + 1 < len(doc.tokens) else ""
        if after in _MONEY_SENSE or (before != "the" and doc.tok(nxt - 1) != "s"):
            return None  # "Saudi capital flowed in" without "the": money, not a city
        return m.start, m.word_start, nxt
    if first >= 2 and before == "of" and doc.tok(first - 2) in g.capital_words:
        s, _ = doc.tokens[first - 2]
        return s, s, last
    return None


def _city_named_after(doc: Document, by_token: dict[int, Match], last: int, cc: str) -> bool:
    """The phrase is followed by the name of a city («العاصمة الروسية موسكو», "the capital, Kyiv", "the
    Tanzanian capital of Dar es Salaam")."""
    k = last + 1
    if k < len(doc.tokens) and doc.tok(k) == "of" and not doc.gap(k).strip():
        k += 1
    nxt = by_token.get(k)
    return (
        nxt is not None
        and nxt.kind == "location"
        and nxt.key.startswith("loc:city:")
        and doc.gap(k).strip() in ("", ",", "،")
    )
