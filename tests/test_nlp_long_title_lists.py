"""A list of participants whose items carry long titles: each name after a comma or "and"/"as well as"
whose gap holds only title words, names and places belongs to the list the cue seats.

Every sentence here was written for these tests (no evaluation article's text)."""

from __future__ import annotations

from datetime import date

from tasks.nlp.extract import extract


def _seated(text: str, lang: str) -> set[str]:
    x = extract(text, lang, date(2016, 3, 7))
    keys = {p.person_key for ev in x.events for p in ev.participants}
    names = {m.key: m.surface for m in x.mentions if m.kind == "person"}
    return {names.get(k, k) for k in keys}


def test_english_list_through_long_titles() -> None:
    text = (
        "Ukraine and Russia held talks in Minsk on Monday. "
        "The talks in Minsk that began on Monday are attended by former president of Ukraine Viktor Maslenko, "
        "Russian ambassador to Kiev Mikhail Orlov, special envoy of the Organization for Security and "
        "Cooperation in Europe (OSCE) Heidi Lindqvist as well as leaders of the self-proclaimed separatist "
        "Donetsk People's Republic Alexander Petrov and Andrei Sokolov and representative of the separatist "
        "Luhansk People's Republic Igor Vasiliev."
    )
    seated = _seated(text, "en")
    assert {"Heidi Lindqvist", "Alexander Petrov", "Andrei Sokolov", "Igor Vasiliev"} <= seated
    assert not any("People" in s for s in seated)  # the republic owns the title, it is no person


def test_a_clause_after_the_list_stops_it() -> None:
    """Guard: "as" opening a clause ("as X said") still ends a list; only "as well as" joins."""
    text = (
        "Ukraine and Russia held talks in Geneva on Monday. The talks in Geneva are attended by Russian "
        "deputy foreign minister Sergei Orlov and a team of advisers from the capital, "
        "as French diplomat Jean Marchand said on Monday."
    )
    assert "Jean Marchand" not in _seated(text, "en")


def test_a_passive_verb_opens_another_role() -> None:
    """Guard: "supported by" in the gap opens another role (a mediator's helpers), not the next list item."""
    text = (
        "Ethiopia and the rebels will hold talks in Pretoria next week. The negotiations will be led by "
        "former Ghanaian President Kofi Mensah, the union's envoy for the region, supported by former "
        "Zambian President Joseph Banda."
    )
    assert "Joseph Banda" not in _seated(text, "en")
