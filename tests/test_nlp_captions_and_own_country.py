"""A photo's caption reports no meeting; «سيعقد في بلاده», "in his country" places a meeting in the
speaker's country.

Every text here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract

PUB = date(2024, 3, 5)

REPORT = "تستعد النرويج والدنمارك لعقد الاجتماع الأول للجنة المشتركة يوم 20 مارس الجاري."


def test_a_caption_closed_by_a_photo_credit_reports_no_meeting() -> None:
    caption = "القمة الثلاثية في لشبونة بين النرويج والدنمارك وآيسلندا - getty images\n"
    events = extract(caption + REPORT, "ar", PUB).events
    assert [(e.parties, e.location_key) for e in events] == [(["DK", "NO"], None)]
    # without its credit the same line is a summit in Lisbon
    events = extract(caption.replace(" - getty images", "") + REPORT, "ar", PUB).events
    assert any(e.location_key == "loc:city:lisbon" for e in events)


def test_a_long_paragraph_signed_by_an_agency_is_no_caption() -> None:
    text = (
        "Norway and Denmark started talks on Tuesday in Oslo on fishing rights, the Norwegian foreign ministry said, "
        "one week after a dispute at sea. The delegations were led by the two deputy foreign ministers, who met "
        "for four hours and agreed to meet again next month in Copenhagen. — AFP"
    )
    events = extract(text, "en", PUB).events
    assert any(e.location_key == "loc:city:oslo" and e.status in ("held", "ongoing") for e in events)


def test_in_his_country_is_the_speakers_country() -> None:
    for text, lang in (
        ("وأعلن وزير الخارجية الفنلندي بيكا هافيستو أن الاجتماع الأول بين تركيا والسويد وفنلندا سيعقد في بلاده.", "ar"),
        (
            "Finnish Foreign Minister Pekka Haavisto said the first meeting between Turkey, Sweden and Finland "
            "would be held in his country.",
            "en",
        ),
    ):
        (e,) = extract(text, lang, PUB).events
        assert e.location_key == "loc:country:FI" and e.parties == ["FI", "SE", "TR"], (lang, e)


def test_a_place_of_another_act_is_not_the_meetings() -> None:
    text = (
        "اختتم الاجتماع الثالث للجنة المشتركة بين النرويج والدنمارك، والتي أنشئت في إطار المذكرة الموقعة في "
        "يونيو في لشبونة، أعماله اليوم في أوسلو."
    )
    (e,) = extract(text, "ar", PUB).events
    assert e.location_key == "loc:city:oslo"
    english = (
        "The third meeting of the joint committee of Norway and Denmark, set up under the memorandum signed in "
        "Lisbon, ended on Tuesday."
    )
    assert [e.location_key for e in extract(english, "en", PUB).events] == [None]


def test_a_process_in_a_country_is_the_topic_not_the_venue() -> None:
    text = (
        "Norway's foreign minister held a meeting with Danish Foreign Minister Lars Lokke Rasmussen to support "
        "the peace process in Sudan."
    )
    assert all(e.location_key != "loc:country:SD" for e in extract(text, "en", PUB).events)
    arabic = "وعقد وزير الخارجية النرويجي اجتماعا مع نظيره الدنماركي لدعم العملية السياسية في السودان."
    assert all(e.location_key != "loc:country:SD" for e in extract(arabic, "ar", PUB).events)
