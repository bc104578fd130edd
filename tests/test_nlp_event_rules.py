"""The event rules on sentences written for these tests, read by the real extract() (gazetteer,
dates, entities): who is a side and who only hosts, who sits at the table, where and when a meeting
is, and which mentions are one meeting. Each test names the mechanism it pins down.
"""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract
from tasks.nlp.types import Event

FRI = date(2025, 6, 13)  # a Friday


def events(text: str, language: str = "en", published: date = FRI) -> list[Event]:
    return extract(text, language, published).events


def one(text: str, language: str = "en", published: date = FRI) -> Event:
    evs = events(text, language, published)
    assert len(evs) == 1, [(e.parties, e.location_key, e.status) for e in evs]
    return evs[0]


def people(ev: Event) -> set[str]:
    return {p.person_key.split(":")[-1] for p in ev.participants}


# ------------------------------------------------------------------ the subject of the talks is no side


def test_a_country_talked_about_is_not_a_side():
    ev = one("Russian and American diplomats held talks on Ukraine in Istanbul on Thursday.")
    assert ev.parties == ["RU", "US"] and ev.location_key == "loc:city:istanbul"
    ev = one("عقد مسؤولون روس وأمريكيون محادثات حول أوكرانيا في جنيف أمس.", "ar")
    assert ev.parties == ["RU", "US"]
    ev = one("مباحثات بشأن أوكرانيا بين واشنطن وموسكو في الرياض الأسبوع المقبل.", "ar")
    assert ev.parties == ["RU", "US"]


def test_with_after_a_ceasefire_or_a_war_names_no_side():
    ev = one("Kyiv backed a truce with Russia after talks between Ukrainian and American officials in Jeddah.")
    assert ev.parties == ["UA", "US"] and ev.status == "held"


def test_between_names_all_the_sides():
    ev = one("Ukraine said it was ready for a ceasefire with Russia after talks between the US and Ukraine in Riyadh.")
    assert ev.parties == ["UA", "US"]


# ------------------------------------------------------------------ hosts and mediators


def test_hosts_mediate():
    ev = one("Talks between Russia and Ukraine, hosted by Turkey, took place in Istanbul on Thursday.")
    assert ev.parties == ["RU", "UA"] and ev.mediators == ["TR"]
    ev = one("انطلقت المحادثات بين روسيا وأوكرانيا في الدوحة بوساطة قطرية.", "ar")
    assert ev.parties == ["RU", "UA"] and "QA" in ev.mediators


def test_the_venue_country_seen_only_through_its_minister_mediates():
    ev = one(
        "Russian and Ukrainian negotiators met in Istanbul on Thursday in the presence of Turkish Foreign "
        "Minister Hakan Fidan."
    )
    assert ev.parties == ["RU", "UA"] and ev.mediators == ["TR"]
    assert "fidan" not in people(ev)
    ev = one("اجتمع الوفدان الروسي والأوكراني في إسطنبول الخميس بحضور وزير الخارجية التركي هاكان فيدان.", "ar")
    assert ev.parties == ["RU", "UA"] and "TR" in ev.mediators


# ------------------------------------------------------------------ people at the table


def test_delegation_composition_seats_every_listed_name():
    ev = one(
        "Russian and Ukrainian delegations met in Istanbul on Thursday. The Russian delegation was led by "
        "Vladimir Medinsky, while Ukraine's team was headed by Rustem Umerov."
    )
    assert people(ev) == {"medinsky", "umerov"}
    ev = one(
        "U.S. and Russian officials met in Riyadh on Tuesday. Marco Rubio, Mike Waltz and Steve Witkoff sat "
        "across the table from Sergei Lavrov and Yuri Ushakov."
    )
    assert people(ev) == {"rubio", "waltz", "witkoff", "lavrov", "ushakov"}


def test_arabic_delegation_composition():
    ev = one(
        "انطلقت في جنيف أمس محادثات بين الولايات المتحدة وأوكرانيا. ويضم الوفد الأمريكي ماركو روبيو وستيف "
        "ويتكوف، فيما يقود الوفد الأوكراني رستم عمروف.",
        "ar",
    )
    assert people(ev) == {"rubio", "witkoff", "umerov"}


def test_speakers_hypotheses_and_callers_are_not_at_the_table():
    ev = one(
        "Russian and American officials met in Riyadh on Tuesday. Dmitry Peskov said it was premature to "
        "talk about a meeting between Vladimir Putin and Donald Trump. Recep Tayyip Erdogan urged both "
        "sides to keep talking."
    )
    assert people(ev) == set() and ev.parties == ["RU", "US"]


def test_a_spokesman_announcing_talks_is_not_a_participant():
    ev = one(
        "أعلنت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا أن سيرغي لافروف سيلتقي ماركو روبيو في أنقرة "
        "يوم الخميس المقبل.",
        "ar",
    )
    assert ev.status == "planned" and ev.location_key == "loc:city:ankara"
    assert people(ev) == {"lavrov", "rubio"}


def test_the_speakers_own_meeting_seats_the_speaker():
    ev = one("Donald Trump said on Monday he would meet Vladimir Putin in Budapest next week.")
    assert people(ev) == {"trump", "putin"}
    ev = one("قال ماركو روبيو إن المحادثات التي أجراها مع وفد أوكراني في جنيف أمس كانت مثمرة.", "ar")
    assert "rubio" in people(ev) and ev.parties == ["UA", "US"]


def test_people_of_a_phone_call_stay_with_the_call():
    ev = one(
        "Steve Witkoff met Kirill Dmitriev in Miami on Saturday, days after a phone call between Donald Trump "
        "and Vladimir Putin."
    )
    assert people(ev) == {"witkoff", "dmitriev"}


def test_a_name_after_led_by_is_a_person():
    ex = extract(
        "Russian and US diplomats met in Istanbul on Thursday. The Russian team was led by Oleg Tarasenko.",
        "en",
        FRI,
    )
    assert any(m.kind == "person" and m.surface == "Oleg Tarasenko" for m in ex.mentions)
    (ev,) = ex.events
    assert any(p.person_key == "person:en:oleg tarasenko" and p.side == "RU" for p in ev.participants)


# ------------------------------------------------------------------ places


def test_a_capital_named_by_its_country():
    assert one("Russian and Ukrainian officials met in the Emirati capital on Friday.").location_key == (
        "loc:city:abu-dhabi"
    )
    assert one("التقى الوفدان الروسي والأمريكي في العاصمة القطرية أمس.", "ar").location_key == "loc:city:doha"


def test_a_venue_is_reported_by_its_city():
    ev = one("Russian and Ukrainian delegations held talks at the Ciragan Palace on Thursday.")
    assert ev.location_key == "loc:city:istanbul"
    ev = one("عقد الوفدان الروسي والأوكراني محادثات مطولة أمس، في قصر تشيراغان بمدينة إسطنبول.", "ar")
    assert ev.location_key == "loc:city:istanbul"


def test_a_roundup_line_gives_place_and_date():
    ev = one("Geneva, November 23: American and Ukrainian negotiators met for a full day.", published=date(2025, 12, 1))
    assert ev.location_key == "loc:city:geneva" and ev.start_date == date(2025, 11, 23)


def test_there_and_the_same_city_point_back_to_the_place():
    evs = events(
        "Russian and American envoys held talks in Riyadh on Monday, a day after the American side met "
        "Ukrainian officials there.",
        published=date(2025, 3, 25),
    )
    assert [(e.parties, e.location_key, e.start_date) for e in evs] == [
        (["RU", "US"], "loc:city:riyadh", date(2025, 3, 24)),
        (["UA", "US"], "loc:city:riyadh", date(2025, 3, 23)),
    ]


def test_a_dateline_is_not_the_meeting_place():
    ev = one("WASHINGTON, June 12 - Russian and Ukrainian negotiators met in Istanbul on Thursday.")
    assert ev.location_key == "loc:city:istanbul"


# ------------------------------------------------------------------ one event per meeting


def test_region_and_city_of_one_meeting_are_one_event():
    ev = one(
        "Trump and Putin to meet in Florida next week\n\nDonald Trump will meet Vladimir Putin next Friday in "
        "Miami, the White House said."
    )
    assert ev.location_key == "loc:city:miami" and ev.status == "planned"


def test_headline_and_lead_are_one_event():
    ev = one(
        "Russian and Ukrainian negotiators meet in Istanbul\n\nDelegations of Russia and Ukraine held their "
        "first direct talks in three years on Thursday at the Dolmabahce Palace."
    )
    assert ev.location_key == "loc:city:istanbul" and ev.start_date == date(2025, 6, 12)


def test_a_preparatory_meeting_of_other_people_is_another_meeting():
    evs = events(
        "Donald Trump will meet Vladimir Putin in Budapest. A preparatory meeting between Marco Rubio and "
        "Sergei Lavrov is also planned."
    )
    assert [people(e) for e in evs] == [{"trump", "putin"}, {"rubio", "lavrov"}]


def test_the_two_sides_take_the_sides_of_the_talks():
    evs = events(
        "ستعقد روسيا وأوكرانيا جولة ثالثة من المفاوضات في إسطنبول الأسبوع المقبل. وكان وفدا البلدين قد عقدا "
        "جولتين في المدينة في مايو ويونيو.",
        "ar",
    )
    assert [(e.parties, e.round_number, e.status) for e in evs] == [
        (["RU", "UA"], 3, "planned"),
        (["RU", "UA"], 1, "held"),
        (["RU", "UA"], 2, "held"),
    ]


def test_old_talks_do_not_take_this_weeks_sides():
    evs = events(
        "انطلقت في أبوظبي الجولة الثانية من المحادثات الثلاثية بين الولايات المتحدة وروسيا وأوكرانيا. وكانت "
        "مفاوضات إسطنبول في ربيع 2022 قد انهارت بعد أسابيع من الغزو الروسي لأوكرانيا.",
        "ar",
    )
    assert [e.parties for e in evs] == [["RU", "UA", "US"], ["RU", "UA"]]


# ------------------------------------------------------------------ status and dates


def test_talks_after_which_something_was_said_were_held_that_day():
    ev = one(
        "Moscow said on Friday it would study the plan, after six hours of talks between Russian and "
        "American envoys in Riyadh."
    )
    assert (ev.status, ev.start_date, ev.parties) == ("held", FRI, ["RU", "US"])
    assert ev.mediators == ["SA"]


def test_a_proposal_that_is_an_outcome_is_not_a_proposed_round():
    ev = one("Kyiv accepted a US proposal for a prisoner exchange after Istanbul talks with Russia.")
    assert ev.status == "held" and ev.location_key == "loc:city:istanbul"


def test_days_of_talks_start_before_their_last_day():
    ev = one("Ukrainian and American negotiators wrapped up three days of talks in Geneva on Thursday.")
    assert (ev.start_date, ev.end_date) == (date(2025, 6, 10), date(2025, 6, 12))


def test_on_hold_and_shelved_are_cancelled():
    assert one("The summit between Trump and Putin in Budapest was put on hold.").status == "cancelled"
    assert one("Trump shelves Budapest summit with Putin").status == "cancelled"


def test_a_cancelled_meeting_keeps_its_people():
    ev = one("Trump called off his summit with Vladimir Putin in Budapest.")
    assert ev.status == "cancelled" and people(ev) == {"trump", "putin"}


def test_expected_round_next_week():
    ev = one("ومن المنتظر أن تعقد جولة جديدة من المحادثات بين روسيا وأوكرانيا في إسطنبول الأسبوع المقبل.", "ar")
    assert ev.status == "planned" and ev.date_precision == "week"


def test_an_agreement_to_names_its_outcome():
    ev = one(
        "Russian and US negotiators met in Riyadh on Monday. The talks ended with an agreement to ensure safe "
        "navigation in the Black Sea."
    )
    assert "black_sea" in ev.outcomes
    ev = one("اختتمت في أبوظبي أمس محادثات بين روسيا وأوكرانيا أسفرت عن اتفاق على تبادل 200 أسيرا.", "ar")
    assert "prisoner_exchange" in ev.outcomes


def test_a_possessor_city_is_no_place_and_the_same_city_is_the_last_meetings():
    evs = events(
        "Russian and Ukrainian delegations met at the Ciragan Palace on Thursday. Vladimir Medinsky headed "
        "Moscow's team, while Rustem Umerov led the Ukrainian delegation. The first round was held on May 16 "
        "in the same city."
    )
    assert [(e.location_key, e.round_number, people(e)) for e in evs] == [
        ("loc:city:istanbul", None, {"medinsky", "umerov"}),
        ("loc:city:istanbul", 1, set()),
    ]


def test_the_day_of_an_announcement_does_not_date_a_cancelled_summit():
    ev = one(
        "أعلن البيت الأبيض، الثلاثاء، تأجيل القمة التي كان من المقرر أن تجمع ترامب وبوتين في بودابست.",
        "ar",
    )
    assert ev.status == "cancelled" and ev.start_date is None and ev.location_key == "loc:city:budapest"


def test_the_one_date_of_a_long_sentence_dates_its_one_meeting():
    ev = one(
        "Russian and Ukrainian delegations agreed on Thursday to exchange all severely wounded prisoners and "
        "soldiers under 25, at a second round of direct peace talks in Istanbul that lasted an hour."
    )
    assert (ev.start_date, ev.round_number, ev.outcomes) == (date(2025, 6, 12), 2, ["prisoner_exchange"])


def test_pushing_for_a_meeting_reports_none():
    assert events("Zelensky said Ukraine would push for a meeting between him and Vladimir Putin.") == []


def test_the_two_sides_agreed_to_swap_prisoners():
    ev = one(
        "Russian and Ukrainian officials held talks in Istanbul on Friday. The two sides agreed to swap 1,000 "
        "prisoners of war each.",
        published=date(2025, 6, 14),
    )
    assert ev.outcomes == ["prisoner_exchange"]


def test_received_with_a_person_is_a_meeting_and_ahead_of_opens_another():
    evs = events(
        "Putin receives Witkoff in Kremlin ahead of Alaska summit\n\nRussian President Vladimir Putin received US "
        "special envoy Steve Witkoff at the Kremlin on Wednesday. Donald Trump said he would meet Putin in "
        "Alaska next Friday.",
        published=date(2025, 8, 7),
    )
    assert [(e.status, e.location_key, e.start_date, people(e)) for e in evs] == [
        ("held", "loc:city:moscow", date(2025, 8, 6), {"putin", "witkoff"}),
        ("planned", "loc:region:alaska", date(2025, 8, 15), {"trump", "putin"}),
    ]
    assert events("Zelensky received a call from Trump on Tuesday.") == []


def test_arrangements_for_a_meeting_are_a_plan():
    ev = one("Trump said he was beginning arrangements for a meeting between Putin and Zelensky in Geneva.")
    assert ev.status == "planned" and ev.parties == ["RU", "UA"]


def test_a_trip_to_a_city_narrows_a_meeting_placed_in_its_country():
    ev = one(
        "US and Ukrainian officials will meet in Saudi Arabia next week, Marco Rubio said. Rubio said he would "
        "travel to Jeddah with Mike Waltz."
    )
    assert ev.location_key == "loc:city:jeddah" and ev.mediators == ["SA"]
    ev = one("Witkoff met Dmitriev in Miami on Saturday. Dmitriev later travelled to Moscow.")
    assert ev.location_key == "loc:city:miami"


def test_agreed_at_the_close_of_the_round():
    ev = one(
        "اتفق الوفدان الروسي والأوكراني، مساء الأربعاء، على تبادل 1200 أسير حرب، وذلك في ختام الجولة الثالثة "
        "من المفاوضات المباشرة في إسطنبول.",
        "ar",
        date(2025, 7, 24),
    )
    assert ev.outcomes == ["prisoner_exchange"] and ev.round_number == 3


def test_talks_that_lasted_were_held_though_someone_opened_them():
    ev = one(
        "Russian and Ukrainian delegations met in Istanbul on Friday for talks that lasted an hour. The meeting "
        "was opened by Turkish Foreign Minister Hakan Fidan.",
        published=FRI,
    )
    assert ev.status == "held"
