"""The people at the table of a meeting (not commentators, announcers, possessors or mediators' people)."""

from __future__ import annotations

from tasks.nlp.events.merge import Meeting
from tasks.nlp.types import Participant


def table_people(mt: Meeting, sides: set[str], status: str) -> list[Participant]:
    """People at the table: not commentators, nor hosts whose country mediates; reporters only when
    they negotiate or a participation cue seats them ("Umerov, who led the delegation, said ...")."""
    if status == "proposed":
        return []  # a suggestion has no table yet; a cancelled meeting had its people named
    seen: dict[str, str | None] = {}
    for p in mt.people:
        if p.modifier or (p.commentator and not p.seated) or (p.names_group and not p.negotiator):
            continue
        if p.announcer and not (p.seated or (p.negotiator and status in ("ongoing", "held"))):
            continue
        if p.cc and p.cc not in sides:
            continue
        if seen.get(p.key) is None:
            seen[p.key] = p.cc  # a delegation may give the country of a person the gazetteer lacks
    return [Participant(k, cc) for k, cc in seen.items()]
