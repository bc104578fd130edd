"""Reading the resource word lists (tasks/nlp/resources/*.yaml): YAML where only true/false are booleans.

    load_resource(path) -> Any        # any YAML file read this way
    words(name) -> Any                # resources/<name>, read once per process

Plain YAML 1.1 (PyYAML's safe_load) reads the words "on", "off", "yes", "no" as booleans, so the
English preposition "on" in a word list, or Norway's country code NO as a key, silently turned into
True/False. Word lists are words: here only true/false (any case) are booleans, as in YAML 1.2.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RESOURCES = Path(__file__).parent / "resources"
_BOOL = "tag:yaml.org,2002:bool"


class _WordListLoader(yaml.SafeLoader):
    pass


_WordListLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordListLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_resource(path: Path) -> Any:
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_WordListLoader)


@cache
def words(name: str) -> Any:
    """resources/<name>, read once per process (callers must not modify what it returns)."""
    return load_resource(RESOURCES / name)
