"""The one-fold fingerprints give what the two separate functions (and the original simhash) give."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from tasks.fingerprint import fingerprints, fold, simhash, text_sha256


def _simhash_reference(text: str, shingle: int = 3) -> int:
    """The simhash as first written: one Python int per shingle."""
    words = fold(text).split()
    grams = [" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))]
    hashes = np.array(
        [int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "little") for g in grams],
        dtype="<u8",
    )
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(grams)
    value = int(sum(1 << int(j) for j in np.flatnonzero(votes > 0)))
    return value - (1 << 64) if value >= 1 << 63 else value


TEXTS = [
    "",
    "   ",
    "one",
    "one two",
    "one two three",
    "one two three four",
    "ـــ «» !!",
    "Ünïcode ＡＢＣ café, naïve",
    "عقدت مفاوضات بين روسيا وأوكرانيا في أنكوريج يوم الخميس، بمشاركة سيرغي لافروف.",
    "Talks between Russia and Ukraine were held in Istanbul on Monday.\n\nThe delegations met again " * 5,
]


@pytest.mark.parametrize("text", TEXTS)
def test_fingerprints_are_the_two_functions(text: str) -> None:
    assert fingerprints(text) == (text_sha256(text), simhash(text))
    assert simhash(text) == _simhash_reference(text)


@pytest.mark.parametrize("shingle", [1, 2, 3, 5])
def test_simhash_any_shingle_matches_reference(shingle: int) -> None:
    for text in TEXTS:
        assert simhash(text, shingle) == _simhash_reference(text, shingle)
