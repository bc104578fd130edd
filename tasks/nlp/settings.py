"""The extraction's tuning numbers as one typed object, read from resources/settings.yaml.

    from tasks.nlp.settings import NLP
    NLP.max_arg_dist, NLP.merge_days, ...

Distances, windows and population thresholds live here, not as constants scattered through the
modules; the warehouse reads `merge_days` from here too. An unknown, missing or mistyped key in the
file fails at import, naming the key.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from tasks.nlp.yaml_resources import RESOURCES, load_resource


@dataclass(frozen=True, slots=True)
class NLPSettings:
    geo_min_pop_latin: int
    geo_min_pop_arabic: int
    geo_min_len_arabic: int
    geo_small_pop: int
    name_max_tokens: int
    title_reach: int
    byline_max_tokens: int
    name_min_phonetic: int
    date_anchor_reach: int
    max_arg_dist: int
    max_place_dist: int
    max_locative_dist: int
    max_date_dist: int
    speech_reach: int
    cue_after: int
    cue_before: int
    list_gap: int
    list_title_gap: int
    list_long_gap: int
    list_long_gap_others: int
    round_predicate_reach: int
    title_actor_gap: int
    sign_reach: int
    postpone_reach: int
    document_reach: int
    final_reach: int
    caption_max_words: int
    max_weak_gap: int
    merge_days: int
    started_reach: int


def load_settings(path: Path = RESOURCES / "settings.yaml") -> NLPSettings:
    raw = load_resource(path) or {}
    names = {f.name for f in fields(NLPSettings)}
    unknown, missing = sorted(set(raw) - names), sorted(names - set(raw))
    if unknown or missing:
        raise ValueError(f"{path}: unknown keys {unknown}, missing keys {missing}")
    wrong = [k for k, v in raw.items() if not isinstance(v, int) or isinstance(v, bool) or v < 0]
    if wrong:
        raise ValueError(f"{path}: not a whole number >= 0: {', '.join(sorted(wrong))}")
    return NLPSettings(**raw)


NLP = load_settings()
