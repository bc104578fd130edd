"""Web sources: where pages come from (a feed, a sitemap, or a list of URLs) and where a crawl of
them may go (the hosts of its URLs plus any domains it lists).

    sources_from_args(urls, feeds, sitemaps) -> (sources, problems)   # the --url/--feed/--sitemap flags
    load_sources(path) -> (sources, problems)                         # a sources YAML file

A sources file (see docs/sources.example.yaml) is a list of entries, or a mapping with a
`sources:` list; each entry has `name`, `kind` (feed | sitemap | url), `url` or `urls`, and
optionally `language`, `domains` and `outlet`. A bad entry is reported and skipped; the others run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from tasks.discover import Problem
from tasks.web.links import host_of, normalize

SourceKind = Literal["feed", "sitemap", "url"]
KINDS: tuple[str, ...] = ("feed", "sitemap", "url")
MAX_SOURCES_FILE = 1_000_000  # bytes: a sources file is hand-written, never megabytes
_NAME = re.compile(r"^[\w][\w .:/@+-]{0,199}$", re.UNICODE)
_LANG = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # unique; the fetch log's `source` and the key of its per-run state
    kind: SourceKind
    urls: tuple[str, ...]  # normalised http(s) URLs: the feed(s), sitemap(s) or pages
    language: str | None = None  # hint for every page of the source
    domains: tuple[str, ...] = ()  # extra hosts links may point to (subdomains included)
    outlet: str | None = None  # the outlet's name, a hint for articles.source

    @property
    def allowed_domains(self) -> tuple[str, ...]:
        """Where discovery may go: the hosts of the source's own URLs plus its listed domains."""
        return tuple(dict.fromkeys([*(host_of(u) for u in self.urls), *self.domains]))

    @property
    def hints(self) -> dict[str, str | None]:
        return {"language": self.language, "source": self.outlet}


def _urls(values: list[str], where: str) -> tuple[tuple[str, ...], list[Problem]]:
    good: list[str] = []
    problems: list[Problem] = []
    for raw in values:
        url = normalize(raw)
        if url is None:
            problems.append(Problem(str(raw), f"{where}: not an http(s) URL; skipped"))
        elif url not in good:
            good.append(url)
    return tuple(good), problems


def sources_from_args(urls: list[str], feeds: list[str], sitemaps: list[str]) -> tuple[list[Source], list[Problem]]:
    """Sources for the command-line flags: one per feed or sitemap (named by its URL), one for all --url pages."""
    sources: list[Source] = []
    problems: list[Problem] = []
    page_urls, bad = _urls(urls, "--url")
    problems += bad
    if page_urls:
        sources.append(Source(name="url", kind="url", urls=page_urls))
    for kind, flag, values in (("feed", "--feed", feeds), ("sitemap", "--sitemap", sitemaps)):
        found, bad = _urls(values, flag)
        problems += bad
        sources += [Source(name=u, kind=cast(SourceKind, kind), urls=(u,)) for u in found]
    return sources, problems


def load_sources(path: Path) -> tuple[list[Source], list[Problem]]:
    """Read a sources YAML file (safe_load: nothing in it is executed)."""
    where = str(path)
    try:
        if path.stat().st_size > MAX_SOURCES_FILE:
            return [], [Problem(where, f"sources file over {MAX_SOURCES_FILE} bytes; not read")]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return [], [Problem(where, f"unreadable sources file: {exc.strerror or exc}")]
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [], [Problem(where, f"sources file is not valid YAML: {' '.join(str(exc).split())}")]
    entries = data.get("sources") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        return [], [Problem(where, "sources file must be a list of sources (or have a 'sources:' list)")]
    sources: list[Source] = []
    problems: list[Problem] = []
    names: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        source, errors = _parse_entry(entry, f"{where} source #{index}")
        problems += errors
        if source is None:
            continue
        if source.name in names:
            problems.append(Problem(f"{where} source #{index}", f"duplicate source name {source.name!r}; skipped"))
            continue
        names.add(source.name)
        sources.append(source)
    return sources, problems


def _text(entry: dict[str, Any], key: str) -> str | None:
    value = entry.get(key)
    return str(value).strip() or None if value is not None else None


def _parse_entry(entry: Any, where: str) -> tuple[Source | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [Problem(where, "a source must be a mapping with name, kind and url; skipped")]
    name = _text(entry, "name")
    if not name or not _NAME.match(name):
        return None, [Problem(where, f"missing or unusable source name {name!r}; skipped")]
    where = f"{where} ({name})"
    kind = (_text(entry, "kind") or "").lower()
    if kind not in KINDS:
        return None, [Problem(where, f"kind must be one of {', '.join(KINDS)}, not {kind or '(none)'!r}; skipped")]
    raw_urls = entry.get("urls", entry.get("url"))
    values = [raw_urls] if isinstance(raw_urls, str) else raw_urls
    if not isinstance(values, list) or not values:
        return None, [Problem(where, "no url (or urls) given; skipped")]
    urls, problems = _urls([str(v) for v in values], where)
    if not urls:
        return None, [*problems, Problem(where, "no usable http(s) URL; skipped")]
    language = (_text(entry, "language") or "").lower() or None
    if language is not None and not _LANG.match(language):
        problems.append(Problem(where, f"language {language!r} is not an ISO 639 code; ignored"))
        language = None
    raw_domains = entry.get("domains") or []
    raw_domains = [raw_domains] if isinstance(raw_domains, str) else raw_domains
    domains: list[str] = []
    for d in raw_domains if isinstance(raw_domains, list) else []:
        host = str(d).strip().lower().strip(".")
        if "://" in host:  # a URL where a domain was meant: take its host
            host = host_of(host)
        if host and "/" not in host:
            domains.append(host)
        else:
            problems.append(Problem(where, f"domain {d!r} is not a host name; ignored"))
    source = Source(
        name=name,
        kind=cast(SourceKind, kind),
        urls=urls,
        language=language,
        domains=tuple(domains),
        outlet=_text(entry, "outlet"),
    )
    return source, problems
