"""Documents as outcomes: a joint statement, a final communique or a declaration named for its place exists
once it is issued, so it is an outcome of the meeting without a result verb; hedged, drafted or still to
come, it is not. Sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.nlp.extract import extract

PUB = date(2025, 6, 3)


def outcomes(text: str, language: str) -> list[tuple[str, list[str]]]:
    return [(e.status, e.outcomes) for e in extract(text, language, PUB).events]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ar",
            "التقى وزيرا خارجية الأردن والعراق في عمان أمس، وقال بيان مشترك صدر بعد الاجتماع "
            "إن الجانبين بحثا أمن الحدود.",
        ),
        (
            "ar",
            "وجاء في البيان الختامي للقمة الثلاثية التي عقدت في القاهرة أمس بين مصر والأردن والعراق "
            "أن القادة بحثوا التعاون.",
        ),
        (
            "en",
            "Delegations of Chile and Peru held talks in Lima on Monday, a joint statement released by the foreign "
            "ministry said.",
        ),
        ("en", "Kenya and Uganda concluded two days of talks in Kampala on Monday with a final communique."),
    ],
)
def test_an_issued_statement_is_an_outcome(language: str, text: str) -> None:
    assert outcomes(text, language) == [("held", ["joint_statement"])]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", 'ووقعت الحكومة والحركة المسلحة في ختام محادثات في نيروبي أمس على "إعلان نيروبي" لإنهاء الحرب.'),
        ("en", "The leaders of Ethiopia and Eritrea signed the Asmara Declaration after talks in Asmara on Monday."),
    ],
)
def test_a_declaration_named_for_its_place_is_a_joint_statement(language: str, text: str) -> None:
    assert ["joint_statement"] in [o for _, o in outcomes(text, language)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "تعقد محادثات بين الأردن والعراق في عمان غدا، ومن المتوقع أن يصدر بيان مشترك في ختامها."),
        ("ar", "عقد وزيرا خارجية الأردن والعراق محادثات في عمان أمس، ولم يصدر بيان مشترك عن الاجتماع."),
        ("en", "Chile and Peru held talks in Lima on Monday and circulated a draft joint statement."),
        ("en", "Chile and Peru held talks in Lima on Monday, and officials said they will issue a joint statement."),
        # a declaration word before a word that is no place is no named declaration
        ("ar", "عقد وزيرا خارجية الأردن والعراق محادثات في عمان أمس، وأكدا إعلان التزامهما بالتعاون."),
    ],
)
def test_a_statement_hedged_drafted_or_to_come_is_not(language: str, text: str) -> None:
    assert all("joint_statement" not in o for _, o in outcomes(text, language))
