"""Word-level helpers for Arabic and English normalised text: clitics, articles, small closed classes."""

from __future__ import annotations

import re
from functools import lru_cache

EN_DETERMINERS = frozenset({"the", "their", "its", "these", "those", "this", "that", "his", "her"})


CONNECTORS = frozenset({"و", "بين", "مع", "and", "between", "with", "كل", "both", "من"})


WORD_RX = re.compile(r"\w+")


def member(w: str, vocab: frozenset[str] | dict[str, int]) -> bool:
    """`w` is in `vocab`, with or without a leading و/ف (وفد is a word, و+فد is not: try both)."""
    return w in vocab or strip_conj(w) in vocab


WITH = frozenset({"بين", "مع", "between", "with"})


FROM = frozenset({"من", "from"})


@lru_cache(maxsize=65536)
def strip_conj(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


@lru_cache(maxsize=65536)
def bare(w: str) -> str:
    """A word without conjunction, preposition and article clitics (وللرئيس -> رييس)."""
    w = strip_conj(w)
    if len(w) > 4 and w.startswith("لل"):
        return w[2:]
    if len(w) > 4 and w[0] in "بلك" and w[1:3] == "ال":
        return w[3:]
    if len(w) > 4 and w.startswith("ال"):
        return w[2:]
    return w


def has_article(w: str) -> bool:
    w = strip_conj(w)
    return len(w) > 3 and (w.startswith("ال") or w.startswith("لل") or (w[0] in "بك" and w[1:3] == "ال"))


COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "that", "whether"})
