"""normalize translates only the stretches that may change: the same text and offset map as
translating every character."""

import random
from pathlib import Path

from tasks.nlp.text.normalize import _TABLE, Normalized, normalize

ROOT = Path(__file__).resolve().parents[1]


def _reference(text: str) -> tuple[str, set[str]]:
    """What normalize computed before: every character looked up, and every character that changes the length."""
    return text.translate(_TABLE), {c for c in set(text) if len(_TABLE[ord(c)]) != 1}


def test_same_as_translating_every_character() -> None:
    rnd = random.Random(3)
    pools = [
        "".join(map(chr, range(0x20, 0x250))),  # ASCII, Latin-1, Latin Extended
        "".join(map(chr, range(0x600, 0x700))) + " \n",  # Arabic, its marks, digits and tatweel
        "".join(map(chr, range(0x2000, 0x2070))) + "\ufeff\ufb50\ufe8e\uff21\u00a0",  # spaces, controls, forms
    ]
    texts = [p.read_text() for p in sorted(ROOT.glob("quality/*/articles/*.txt"))[:40]]
    for _ in range(400):
        pool = "".join(rnd.sample(pools, rnd.randint(1, 3)))
        texts.append("".join(rnd.choice(pool) for _ in range(rnd.randint(0, 200))))
    for text in texts:
        want, changers = _reference(text)
        got = normalize(text)
        assert isinstance(got, Normalized)
        assert got.text == want
        assert (got._src is None) == (not changers)
        if got._src is not None:
            assert len(got._src) == len(want)


def test_tokens_as_the_token_pattern_finds_them() -> None:
    from tasks.nlp.text.document import TOKEN_RX, Document

    rnd = random.Random(4)
    texts = [p.read_text() for p in sorted(ROOT.glob("quality/*/articles/*.txt"))[:40]]
    texts += ["".join(rnd.choice("ab_ ٣x.\n-يوم") for _ in range(rnd.randint(0, 60))) for _ in range(300)]
    for text in texts:
        doc = Document(text)
        found = list(TOKEN_RX.finditer(doc.nt))
        assert doc.tokens == [m.span() for m in found]
        assert doc.tok_starts == [m.start() for m in found]
        assert doc.tok_ends == [m.end() for m in found]
        assert doc.words == [m.group() for m in found]
