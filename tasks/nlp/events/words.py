"""Word-level helpers for Arabic and English normalised text: clitics, articles, small closed classes."""

from __future__ import annotations

import re

from tasks.nlp.text.charsets import strip_conj

EN_DETERMINERS = frozenset({"the", "their", "its", "these", "those", "this", "that", "his", "her"})


CONNECTORS = frozenset({"و", "بين", "مع", "and", "between", "with", "كل", "both", "من"})


WORD_RX = re.compile(r"\w+")


def member(w: str, vocab: frozenset[str] | dict[str, int]) -> bool:
    """`w` is in `vocab`, with or without a leading و/ف (وفد is a word, و+فد is not: try both)."""
    return w in vocab or strip_conj(w) in vocab


WITH = frozenset({"بين", "مع", "between", "with"})


FROM = frozenset({"من", "from"})


COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "that", "whether"})
