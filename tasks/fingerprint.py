"""Content fingerprints: exact (sha256 of folded text) and near-duplicate (64-bit simhash).

Syndicated copies of one wire story differ in a headline, a byline or a footer; their word
shingles mostly agree, so their simhashes are a few bits apart.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

from tasks.nlp.text.charsets import MARKS_RE

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Case, width, Arabic diacritics and tatweel folded; words joined by single spaces."""
    text = MARKS_RE.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(_WORD.findall(text))


def text_sha256(text: str) -> str:
    return _sha256_of_folded(fold(text))


def simhash(text: str, shingle: int = 3) -> int:
    """Signed 64-bit simhash of word shingles (signed so it fits Parquet int64 / DuckDB BIGINT)."""
    return _simhash_of_folded(fold(text), shingle)


def fingerprints(text: str) -> tuple[str, int]:
    """(text_sha256(text), simhash(text)) with the text folded once, not once for each."""
    folded = fold(text)
    return _sha256_of_folded(folded), _simhash_of_folded(folded)


def _sha256_of_folded(folded: str) -> str:
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def _simhash_of_folded(folded: str, shingle: int = 3) -> int:
    words = folded.encode("utf-8").split()  # encoded once: a shingle's bytes are its words' bytes joined
    if len(words) > shingle:
        grams = list(map(b" ".join, zip(*(words[k:] for k in range(shingle)), strict=False)))  # ends with the last
    else:  # too short for two shingles: the whole text is the one shingle
        grams = [b" ".join(words[:shingle])]
    # the digests read as little-endian uint64 in one buffer (no Python int per shingle)
    blake = hashlib.blake2b
    digests = b"".join([blake(g, digest_size=8).digest() for g in grams])
    hashes = np.frombuffer(digests, dtype="<u8")
    # bits[i, j] is bit j of shingle i's hash (little-endian bit order within little-endian bytes)
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(grams)
    value = int(sum(1 << int(j) for j in np.flatnonzero(votes > 0)))
    return value - (1 << 64) if value >= 1 << 63 else value


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()
