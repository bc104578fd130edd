"""Word-list alternations as Python's `re` runs them fast.

    grouped(bodies) -> str     # same language and same match as "|".join(bodies), leading letters shared
    starts_rx(rx) -> Pattern   # a zero-width pattern matching wherever `rx` can start a match
    matches_at(rx, text, starts, end) -> Iterator[Match]   # rx.finditer(text, pos, end), tried at `starts` only

`re` tries the branches of an alternation one by one at every position, so a list of a few hundred
words costs a few hundred checks per word of text. `grouped` factors the leading literal characters
out (a trie: «محادثات|مباحثات|مفاوضات» -> «م(?:حادثات|باحثات|فاوضات)»), so a position is given up
after a check or two. Which alternative wins where several match is unchanged: alternatives are
only grouped with others that start with the same character, keeping their order, and two
alternatives with different first characters cannot both match at one position. A body that does
not start with a plain literal (a class, a group, an empty body) stays where it is and nothing is
moved across it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_META = frozenset(".^$*+?{}[]|()")
_QUANT = frozenset("*+?{")


def _first_atom(body: str) -> tuple[str, str] | None:
    """The body's leading literal (a character or an escaped punctuation mark) and the rest, or None."""
    if not body:
        return None
    if body[0] == "\\":
        if len(body) < 2 or body[1].isalnum() or body[1] == "_":
            return None  # \s, \w, \d, \b, a back reference ...
        atom = body[:2]
    elif body[0] in _META:
        return None
    else:
        atom = body[0]
    rest = body[len(atom) :]
    if rest[:1] in _QUANT:
        return None  # "s?" is not the literal "s"
    return atom, rest


def grouped(bodies: list[str]) -> str:
    """An alternation equivalent to `"|".join(bodies)` (in the same order of preference), with the
    leading literal characters of neighbouring alternatives factored out."""
    out: list[str] = []
    # alternatives since the last barrier, by the character they start with («\-» and «-» are one)
    run: dict[str, tuple[str, list[str]]] = {}

    def flush() -> None:
        for atom, rests in run.values():
            out.append(atom + rests[0] if len(rests) == 1 else f"{atom}(?:{grouped(rests)})")
        run.clear()

    for body in bodies:
        first = _first_atom(body)
        if first is None:
            flush()
            out.append(body)
        else:
            atom, rest = first
            run.setdefault(atom[-1], (atom, []))[1].append(rest)
    flush()
    return "|".join(out)


def starts_rx(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A lookahead matching (empty) at every position where `rx` matches, overlapping matches included:
    one scan with the union of several word lists tells where any of them can start."""
    return re.compile("(?=" + re.sub(r"\(\?P<\w+>", "(?:", rx.pattern) + ")", rx.flags)


def matches_at(rx: re.Pattern[str], text: str, starts: list[int], end: int) -> Iterator[re.Match[str]]:
    """The matches of `rx.finditer(text, starts[0], end)`, trying `rx` only at `starts` (ascending), which
    must hold every position of [starts[0], end) where `rx` matches with that end (e.g. where a
    `starts_rx` of a union holding `rx`, run with the same end, matched): finditer tries every position
    from the end of the last match on and stops at the first that matches, so the others change nothing."""
    cur = 0
    for p in starts:
        if p < cur:
            continue
        m = rx.match(text, p, end)
        if m is not None:
            if m.end() == p:
                raise ValueError("matches_at: an empty match")  # finditer's rule for those is not kept
            cur = m.end()
            yield m
