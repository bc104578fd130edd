"""Exact and near-duplicate fingerprints."""

from __future__ import annotations

from tasks.fingerprint import fold, hamming, simhash, text_sha256

STORY = (
    "أعلنت وزارة الخارجية التركية أن جولة جديدة من المفاوضات بين الوفدين ستعقد في إسطنبول الأسبوع المقبل، "
    "وأن الجانبين اتفقا على جدول أعمال يشمل تبادل الأسرى وممرات إنسانية وإعادة الأطفال. "
    "وقال مسؤول إن الاجتماع سيبدأ صباح الاثنين ويستمر يومين على الأقل، وإن الوسطاء يأملون في إعلان مشترك."
)


def test_fold_ignores_diacritics_case_and_spacing() -> None:
    assert fold("مُحادثاتٌ   Talks\n") == fold("محادثات talks")
    assert text_sha256("Talks  in Geneva.") == text_sha256("talks in geneva")


def _long_story() -> str:
    """A story of realistic length (~400 words): simhash is meant for articles, not one-liners."""
    cities = ["إسطنبول", "جنيف", "الرياض", "أبوظبي", "برلين", "ميامي", "الدوحة", "أنقرة"]
    days = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    parts = [STORY]
    for i in range(12):
        parts.append(
            f"وفي تطور رقم {i + 1}، قال دبلوماسي في {cities[i % len(cities)]} إن وفدا فنيا سيصل يوم "
            f"{days[i % len(days)]} لبحث البند {i + 3} من المسودة، بينما تتواصل الاتصالات الهاتفية بين العواصم."
        )
    return " ".join(parts)


def test_syndicated_copy_is_close_and_other_story_is_far() -> None:
    story = _long_story()
    copy = "نقلا عن وكالة أنباء\n" + story + " (رويترز)"
    other = " ".join(
        f"Negotiators from delegation {i} met in Geneva on day {i} to review clause {i * 7}." for i in range(40)
    )
    assert hamming(simhash(story), simhash(copy)) <= 3
    assert hamming(simhash(story), simhash(other)) > 12


def test_simhash_fits_signed_64_bits_and_is_stable() -> None:
    value = simhash(STORY)
    assert -(2**63) <= value < 2**63
    assert value == simhash(STORY)
    assert simhash("") == simhash("")
