"""Sides that a sentence does not say outright: a headline whose talks the lead names, a movement
speaking together with a government, a region's forces named with the region's title, former officials
who stand for no state, and a plan that the clause's verb postpones.

Every text here is written for the tests (none is taken from an evaluation article)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract
from tasks.nlp.gazetteer import load_gazetteer

PUB = date(2024, 3, 5)


def test_a_headline_takes_the_sides_of_the_talks_the_lead_names() -> None:
    # three countries, one named less often: the headline's talks are the three-way ones, not the two
    # most-named countries'
    text = (
        "زامبيا تحتضن جولة جديدة من المفاوضات بشأن مياه النهر\n"
        "تعقد اليوم الثلاثاء اجتماعات وزراء الخارجية لكل من كينيا وأوغندا وتنزانيا في العاصمة الزامبية لوساكا.\n"
        "وقال وزير الخارجية الكيني إن كينيا تريد اتفاقا، وأكدت أوغندا أن كينيا وأوغندا تتفقان على الجدول."
    )
    events = extract(text, "ar", PUB).events
    assert events and all(e.parties == ["KE", "TZ", "UG"] for e in events)


def test_a_headline_keeps_the_article_sides_when_the_lead_names_other_places() -> None:
    text = (
        "Zambia hosts a new round of talks on the river\n"
        "Kenyan and Ugandan ministers met in Lusaka on Tuesday. Kenya and Uganda agreed on a schedule.\n"
        "Separately, Tanzanian and Rwandan officials will hold talks in Kigali next month."
    )
    events = extract(text, "en", PUB).events
    assert [e.parties for e in events][:1] == [["KE", "UG"]]


def test_a_region_title_may_stand_inside_a_movement_name() -> None:
    g = load_gazetteer()
    # the organisations' own aliases, with the region's title between, name them too
    tplf = g.orgs["org:tplf"]
    for text, lang in (
        ("وقالت الحكومة الإثيوبية و«قوات منطقة تيغراي» إنهما قبلتا دعوة لإجراء محادثات في جنوب أفريقيا.", "ar"),
        ("Ethiopia's government and rival Tigray regional forces said they accepted an invitation to talks.", "en"),
    ):
        keys = {m.key for m in extract(text, lang, PUB).mentions if m.kind == "org"}
        assert tplf.key in keys, text


def test_a_movement_speaking_with_a_government_is_a_side() -> None:
    text = (
        "Ethiopia's government and rival Tigray forces said on Wednesday that they accepted the AU's "
        "invitation to talks in South Africa."
    )
    (e,) = extract(text, "en", PUB).events
    assert e.sides == ["ET", "org:tplf"]
    # a movement speaking alone about talks stays a speaker
    alone = "Tigray forces said on Wednesday that Kenya and Uganda had held talks in Nairobi on the border."
    assert [e.sides for e in extract(alone, "en", PUB).events] == [["KE", "UG"]]


def test_former_officials_stand_for_no_state() -> None:
    # the mediators are former presidents: counting the article's countries for talks whose sides go
    # unsaid, theirs are none (a former president who sits at the table for his country still does)
    for text, lang in (
        (
            "The talks to end the war in Tigray were due to be held in Lusaka this weekend. The AU named "
            "former Nigerian President Olusegun Obasanjo, former Kenyan President Uhuru Kenyatta and ex-Nigerian "
            "minister Ade Bello as its envoys. Ethiopia's government and the TPLF said they accepted the "
            "invitation to the talks.",
            "en",
        ),
        (
            "وكان من المقرر أن تعقد المحادثات لإنهاء الحرب في تيغراي في لوساكا مطلع الأسبوع. وسمى الاتحاد "
            "الأفريقي الرئيس النيجيري السابق أولوسيجون أوباسانجو والرئيس الكيني السابق أوهورو كينياتا والرئيس "
            "النيجيري الأسبق جودلاك جوناثان مبعوثين له. وقالت الحكومة الإثيوبية والجبهة الشعبية لتحرير تيغراي "
            "إنهما قبلتا الدعوة إلى المحادثات.",
            "ar",
        ),
    ):
        events = extract(text, lang, PUB).events
        assert events and all(e.parties == ["ET"] for e in events), (lang, events)
        assert any("org:tplf" in e.sides for e in events), (lang, events)


def test_a_plan_postponed_further_on_in_its_clause_is_cancelled() -> None:
    text = (
        "The peace talks between Kenya and Uganda proposed for this weekend to try to end a long dispute over "
        "the islands in the lake have been delayed for logistical reasons."
    )
    (e,) = extract(text, "en", date(2024, 3, 7)).events
    assert e.status == "cancelled"
    # a clause that also says the talks were held keeps them held
    held = (
        "The talks between Kenya and Uganda, which were held in Kampala last week and focused on the islands, "
        "were praised by the UN, which had delayed its own report."
    )
    (e,) = extract(held, "en", PUB).events
    assert e.status == "held"
