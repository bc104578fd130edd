"""Word-level helpers for Arabic and English normalised text: clitics, articles, small closed classes."""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.nlp.yaml_resources import words

_FW = words("function_words.yaml")  # the closed classes are data
EN_DETERMINERS = frozenset(_FW["en_determiners"])


CONNECTORS = frozenset(_FW["connectors"])


WORD_RX = re.compile(r"\w+")


def member(w: str, vocab: frozenset[str] | dict[str, int]) -> bool:
    """`w` is in `vocab`, with or without a leading و/ف (وفد is a word, و+فد is not: try both)."""
    # strip_conj inlined: asked about a thousand times a page, and a word without و/ف needs one look-up
    return w in vocab or (len(w) > 3 and w[0] in "وف" and w[1:] in vocab)


@lru_cache(maxsize=256)
def with_conj(vocab: frozenset[str]) -> frozenset[str]:
    """The words `member` finds in `vocab`: the words and, longer than three letters, with a glued و/ف
    (so `not with_conj(v).isdisjoint(ws)` is `any(member(w, v) for w in ws)`, in C)."""
    return vocab | {c + w for w in vocab for c in "وف" if len(w) > 2}


WITH = frozenset(_FW["with"])


FROM = frozenset(_FW["from"])


COMPLEMENTIZERS = frozenset(_FW["complementizers"])
