"""article_mediators' word sorting (a per-process memory of the words checked) says what the per-word test says."""

from __future__ import annotations

import importlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from tasks.nlp.events.lexicon import lexicon
from tasks.nlp.events.words import member
from tasks.nlp.text.charsets import bare

# the module itself: the package re-exports its function `finish` under the same name
finish = importlib.import_module("tasks.nlp.events.finish")

WORDS = ["بوساطة", "وبوساطة", "الوسيط", "والوسيط", "الوساطة", "mediation", "mediated", "brokered", "talks", "محادثات"]


def _expected(words: list[str], mediation: frozenset[str]) -> set[str]:
    return {w for w in words if member(w, mediation) or bare(w) in mediation}


def test_same_words_as_the_per_word_test_on_first_and_later_pages() -> None:
    mediation = lexicon().mediation
    assert finish._mediation_words(WORDS, mediation) == _expected(WORDS, mediation)
    page = [*WORDS[:3], "جديدة", "كلمة"]
    assert finish._mediation_words(page, mediation) == _expected(page, mediation)  # some words seen before


def test_memory_starts_over_past_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    mediation = lexicon().mediation
    monkeypatch.setattr(finish, "_MEDIATION_MAX", 3)
    for _ in range(3):
        assert finish._mediation_words(WORDS, mediation) == _expected(WORDS, mediation)
    assert len(finish._MEDIATION_SEEN[mediation][1]) <= len(set(WORDS))


def test_threads_agree() -> None:
    mediation = lexicon().mediation
    finish._MEDIATION_SEEN.clear()
    pages = [[*WORDS[k:], f"كلمة{k}"] for k in range(len(WORDS))] * 8
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda p: finish._mediation_words(p, mediation), pages))
    assert got == [_expected(p, mediation) for p in pages]
