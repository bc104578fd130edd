"""Word-level helpers for Arabic and English normalised text: clitics, articles, small closed classes."""

from __future__ import annotations

import re

from tasks.nlp.text.charsets import strip_conj
from tasks.nlp.yaml_resources import words

_FW = words("function_words.yaml")  # the closed classes are data
EN_DETERMINERS = frozenset(_FW["en_determiners"])


CONNECTORS = frozenset(_FW["connectors"])


WORD_RX = re.compile(r"\w+")


def member(w: str, vocab: frozenset[str] | dict[str, int]) -> bool:
    """`w` is in `vocab`, with or without a leading و/ف (وفد is a word, و+فد is not: try both)."""
    return w in vocab or strip_conj(w) in vocab


WITH = frozenset(_FW["with"])


FROM = frozenset(_FW["from"])


COMPLEMENTIZERS = frozenset(_FW["complementizers"])
