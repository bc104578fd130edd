"""The text layer: one home for Arabic character sets, folds and clitics (tasks/nlp/text)."""

from __future__ import annotations

from datetime import date

from tasks.fingerprint import fold, text_sha256
from tasks.nlp.text.charsets import bare, clitic_bases, has_article, light_fold, strip_conj
from tasks.nlp.text.normalize import normalize


def test_quranic_marks_fold_the_same_everywhere() -> None:
    # U+06DA (small high jeem) over a letter: normalisation, cleaning's fold and fingerprints all
    # drop it, so a copy written with the mark is the same story
    marked, plain = "المفاوضات\u06da في جنيف", "المفاوضات في جنيف"
    assert normalize(marked).text == normalize(plain).text
    assert light_fold(marked) == light_fold(plain)
    assert fold(marked) == fold(plain)
    assert text_sha256(marked) == text_sha256(plain)


def test_light_fold_keeps_what_normalisation_alone_folds() -> None:
    # the light fold is for comparing words: hamza seats, ta marbuta, alef maqsura; not ؤ/ئ or digits
    assert light_fold("أُسامة إلى") == "اسامه الي"
    assert light_fold("مسؤول ٣") == "مسؤول ٣"
    assert normalize("مسؤول ٣").text == "مسوول 3"


def test_clitics() -> None:
    assert strip_conj("وفد") == "وفد"  # three letters: the و is the word's own
    assert strip_conj("والوفد") == "الوفد"
    assert bare("وللرئيس") == "رئيس"
    assert bare("بالوزير") == "وزير"
    assert "وزير" in clitic_bases("بالوزير") and "احث" in clitic_bases("باحث")


def test_has_article_length_is_the_callers_choice() -> None:
    assert has_article("الوفد") and has_article("والوفد") and has_article("بالوفد") and has_article("للوفد")
    assert not has_article("الا")  # إلا
    assert has_article("الان")  # الآن
    assert not has_article("الان", min_len=5)  # ... and the given name آلان, as names read it


def test_an_article_is_normalised_once_into_one_document(monkeypatch) -> None:
    import sys

    import tasks.nlp.text.normalize as normalize_module
    from tasks.nlp.extract import extract
    from tasks.nlp.text.document import Document

    text = (
        "موسكو - عقدت الجولة الثانية من المحادثات بين الوفدين الروسي والأوكراني في إسطنبول يوم 2 يونيو 2025.\n"
        "وقال وزير الخارجية التركي هاكان فيدان إن الجولة المقبلة ستعقد الأسبوع المقبل.\n"
        "Talks between Russia and Ukraine resumed in Istanbul on Monday."
    )
    calls: list[str] = []
    real = normalize_module.normalize

    def counting(s: str):  # type: ignore[no-untyped-def]
        calls.append(s)
        return real(s)

    # every module that imported normalize, wherever it lives: a second normalisation would show here
    for name, module in list(sys.modules.items()):
        if name.startswith("tasks.") and getattr(module, "normalize", None) is real:
            monkeypatch.setattr(module, "normalize", counting)
    built = Document.count
    result = extract(text, "ar", date(2025, 6, 3))
    assert result.events and result.mentions  # the article was really read
    assert calls.count(text) == 1
    assert Document.count - built == 1
