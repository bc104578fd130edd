"""Document.finditer/search: a word-list pattern tried only where its leads start a word gives
exactly the matches of the plain regex scan."""

import random
import re
from pathlib import Path

from tasks.nlp import dates
from tasks.nlp.events.lexicon import lexicon
from tasks.nlp.text.document import Document
from tasks.nlp.text.wordindex import leads

ROOT = Path(__file__).resolve().parents[1]


def _patterns() -> dict[str, re.Pattern[str]]:
    """Every regex of the event lexicon (and the future-verb pattern), by name."""
    out: dict[str, re.Pattern[str]] = {"future_verb": dates.FUTURE_VERB_WORD}
    for name, v in vars(lexicon()).items():
        items = v.items() if isinstance(v, dict) else enumerate(v) if isinstance(v, (list, tuple)) else [("", v)]
        for k, x in items:
            x = x[0] if isinstance(x, tuple) and x else x
            if isinstance(x, re.Pattern):
                out[f"{name}{k}"] = x
    return out


def _spans(ms: object) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups()) for m in ms]  # type: ignore[attr-defined]


def test_leads_of_a_word_list() -> None:
    rx = re.compile(r"(?<!\w)[وف]?(?P<core>محادثات|talks\s+on|'ll)(?!\w)")
    found = leads(rx)
    assert found is not None
    word, other = found
    # a match starts with the word's letters up to the first mark: «و'll» starts at the word «و»
    assert word == {"محادثات", "ومحادثات", "فمحادثات", "talks", "وtalks", "فtalks", "و", "ف"}
    assert other == {"'ll"}
    assert leads(re.compile(r"talks")) is None  # may start inside a word
    assert leads(re.compile(r"(?<!\w)\w+ talks")) is None  # may start with any letter
    assert leads(re.compile(r"(?<!\w)talks", re.IGNORECASE)) is None


def test_a_lead_cut_at_a_mark_is_the_whole_word() -> None:
    rx = re.compile(r"(?<!\w)[وف]?(?P<core>محادثات|'ll)(?!\w)")
    doc = Document("وفد ومحادثات و'll فوق ف'll")
    n = doc.nt
    # «و'll» starts only at the word «و»: not at «وفد» or «فوق», which begin with و/ف
    starts = doc.starts(rx)
    assert starts is not None and {n.index("ومحادثات"), n.index("و'll"), n.index("ف'll")} <= set(starts)
    assert n.index("وفد") not in starts and n.index("فوق") not in starts
    assert _spans(doc.finditer(rx, 0, len(n))) == _spans(rx.finditer(n))


def test_same_matches_as_the_scan() -> None:
    texts = [p.read_text() for p in sorted(ROOT.glob("quality/*/articles/*.txt"))]
    texts.append("وقال المتحدث: 'll talks on Monday. ومحادثات فمحادثات_x محادثاتهم")
    assert len(texts) > 10
    rng = random.Random(7)
    patterns = _patterns()
    assert sum(leads(rx) is not None for rx in patterns.values()) > 30  # most lists are indexed
    for t in texts:
        doc = Document(t)
        n = len(doc.nt)
        windows = [*doc.sents, (0, n)] + [tuple(sorted((rng.randint(0, n), rng.randint(0, n)))) for _ in range(5)]
        for name, rx in patterns.items():
            for lo, hi in windows:
                assert _spans(doc.finditer(rx, lo, hi)) == _spans(rx.finditer(doc.nt, lo, hi)), (name, lo, hi)
                a, b = doc.search(rx, lo, hi), rx.search(doc.nt, lo, hi)
                assert (a and a.span()) == (b and b.span()), (name, lo, hi)


def test_a_pattern_registered_later_is_found_in_a_document_already_asked() -> None:
    doc = Document("talks in Geneva, then a summit in Oslo")
    assert [m.group() for m in doc.finditer(re.compile(r"(?<!\w)talks(?!\w)"), 0, len(doc.nt))] == ["talks"]
    later = re.compile(r"(?<!\w)summit(?!\w)")
    assert [m.start() for m in doc.finditer(later, 0, len(doc.nt))] == [doc.nt.index("summit")]


def test_match_where_a_pattern_cannot_start_is_none() -> None:
    rx = lexicon().trigger_rx
    for p in sorted(ROOT.glob("quality/*/articles/*.txt"))[:6]:
        doc = Document(p.read_text())
        positions = [s for s, _ in doc.tokens] + list(range(0, len(doc.nt), 7))
        assert [bool(doc.match(rx, i)) for i in positions] == [bool(rx.match(doc.nt, i)) for i in positions]
        assert any(doc.match(rx, s) for s, _ in doc.tokens)


def test_patterns_registered_while_other_threads_look_words_up() -> None:
    """Extraction runs in several threads when batches are small: a word's cached patterns must never
    miss one that another thread registered meanwhile."""
    import sys
    import threading

    from tasks.nlp.text.wordindex import WordIndex

    words = [f"w{i}x{j}" for i in range(40) for j in range(5)]
    starts = list(range(len(words)))
    patterns = [re.compile(rf"(?<!\w)w{i}x\d(?!\w)") for i in range(40)]
    for _ in range(10):  # a race shows only now and then: try it a few times
        index = WordIndex()
        results: list[tuple[int, list[list[int]]]] = []

        def work(i: int, index: WordIndex = index, results: list = results) -> None:
            index.number(patterns[i])
            results.append(index.starts_by_pattern(starts, words))

        old = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)
        try:
            threads = [threading.Thread(target=work, args=(i,)) for i in range(40)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            sys.setswitchinterval(old)
        number = {id(rx): index.number(rx)[0] for rx in patterns}  # type: ignore[index]
        for _, lists in results:
            for rx in patterns:
                k = number[id(rx)]
                if k < len(lists):
                    assert lists[k] == [p for p, w in zip(starts, words, strict=True) if rx.match(w)]
