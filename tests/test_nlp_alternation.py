"""grouped(): the same alternation as "|".join, with shared leading letters factored out."""

import random
import re

from tasks.nlp.text.alternation import grouped, matches_at, starts_rx


def _same(bodies: list[str], texts: list[str]) -> None:
    plain = re.compile(rf"(?<!\w)(?P<core>{'|'.join(bodies)})(?P<tail>\w*)")
    fast = re.compile(rf"(?<!\w)(?P<core>{grouped(bodies)})(?P<tail>\w*)")
    for t in texts:
        assert [m.span("core") + m.span("tail") for m in plain.finditer(t)] == [
            m.span("core") + m.span("tail") for m in fast.finditer(t)
        ]


def test_factors_leading_letters() -> None:
    assert grouped(["محادثات", "مباحثات", "talks"]) == "م(?:حادثات|باحثات)|talks"
    assert grouped(["january", "jan"]) == "j(?:a(?:n(?:uary|)))"


def test_order_of_preference_is_kept() -> None:
    # the first alternative that lets the rest match wins, as in the plain alternation
    bodies = ["ab", "abc", r"a\w*", "abd"]
    _same(bodies, ["abc abd ab abcd x"])
    assert re.fullmatch(rf"(?:{grouped(bodies)})d", "abcd")


def test_non_literal_starts_stay_in_place() -> None:
    assert grouped(["ab", r"\w+", "ac"]) == r"ab|\w+|ac"
    assert grouped([r"\-x", "-y", "s?z"]) == r"\-(?:x|y)|s?z"


def test_random_lists_match_the_same() -> None:
    rng = random.Random(7)
    letters = "abcوفال "
    for _ in range(200):
        bodies = [
            re.escape("".join(rng.choice(letters) for _ in range(rng.randint(1, 5)))).replace(r"\ ", r"\s+")
            + rng.choice(["", "", r"\w*"])
            for _ in range(rng.randint(1, 12))
        ]
        texts = ["".join(rng.choice(letters + ".") for _ in range(60)) for _ in range(5)]
        _same(bodies, texts)


def test_matches_at_the_starts_of_a_union() -> None:
    # one lookahead scan for the union finds every start; each list tried only there gives finditer's matches
    lists = [["ab", "abc d"], ["bcd", "c"], ["d\\w*"]]
    rxs = [re.compile(rf"(?<!\w)[وف]?(?P<core>{grouped(sorted(ws, key=len, reverse=True))})(?!\w)") for ws in lists]
    union = starts_rx(re.compile(rf"(?<!\w)[وف]?(?P<core>{'|'.join(w for ws in lists for w in ws)})(?!\w)"))
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice("abcdو .") for _ in range(40))
        s, e = sorted(rng.sample(range(41), 2))
        starts = [m.start() for m in union.finditer(text, s, e)]
        for rx in rxs:
            assert [m.span("core") for m in matches_at(rx, text, starts, e)] == [
                m.span("core") for m in rx.finditer(text, s, e)
            ]
