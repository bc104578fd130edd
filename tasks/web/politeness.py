"""Being a good citizen of the web: robots.txt, a delay between requests to one host, one request
at a time per host, bounded retries with back-off, and leaving a struggling host alone.

    polite = PoliteFetcher(client, limits, Politeness(user_agent=...))
    polite.fetch(url, allowed_domains=(...), accept=..., raw=..., etag=..., last_modified=...)

robots.txt is fetched once per host (scheme://host:port) per run and parsed by
urllib.robotparser from the text we fetched: 2xx → its rules; 4xx (404 above all) → allow all;
5xx, 429 or no answer → disallow all for this run (RFC 9309: an unreachable robots.txt means
"assume complete disallow"). Crawl-delay is honoured up to a cap.

Each host has a gate: its lock is held for a whole fetch (retries included), so requests to one
host are serial and spaced by the host's delay, while a thread pool works on several hosts at
once. 429/5xx are retried with exponential back-off, honouring Retry-After up to
`max_retry_wait`; a host asking for longer, or failing to answer several times in a row, is left
alone for the rest of the run (its remaining pages are recorded as deferred, to be tried next run).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from urllib.robotparser import RobotFileParser

import httpx

from tasks.web.fetch import HTML_TYPES, FetchLimits, FetchResult, fetch_url
from tasks.web.links import host_key, host_of, on_domains

ROBOTS_TYPES = frozenset({"text/plain", "text/html", "application/octet-stream"})
MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: crawlers may ignore rules past 500 KiB
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
UNREACHABLE_STREAK = 3  # timeouts/refusals in a row before a host is left alone for the run


@dataclass(frozen=True)
class Politeness:
    user_agent: str
    delay: float = 1.0  # seconds between two requests to one host
    max_crawl_delay: float = 10.0  # a robots.txt Crawl-delay is honoured up to this
    concurrency: int = 4  # hosts fetched at the same time
    retries: int = 2  # extra attempts after a 429/5xx, within one run
    backoff: float = 1.0  # first wait before a retry without Retry-After; doubles each time
    max_retry_wait: float = 30.0  # longest wait honoured; a host asking for more is left for next run

    @property
    def agent_token(self) -> str:
        """The product token robots.txt groups are matched against ("roundtable")."""
        return self.user_agent.split("/", 1)[0].split()[0] if self.user_agent.strip() else "*"


@dataclass(frozen=True)
class Robots:
    rules: RobotFileParser | None  # None: allow_all decides
    allow_all: bool
    reason: str  # how the rules were decided, for the run output
    crawl_delay: float | None = None

    def allows(self, url: str, agent: str) -> bool:
        if self.rules is None:
            return self.allow_all
        return self.rules.can_fetch(agent, url)


def robots_from(result: FetchResult, agent: str) -> Robots:
    """What a robots.txt fetch means for the host (see the module docstring)."""
    if result.ok and result.body is not None:
        text = result.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(agent)
        return Robots(parser, True, "robots.txt rules", float(delay) if delay is not None else None)
    status = result.status
    if status is not None and 400 <= status < 500 and status != 429:
        return Robots(None, True, f"no robots.txt (HTTP {status}): all allowed")
    if result.outcome == "failed" and result.error_kind in ("content_type", "empty", "too_large", "redirects"):
        return Robots(None, True, f"unusable robots.txt ({result.error}): all allowed")
    why = f"HTTP {status}" if status is not None else (result.error or "no answer")
    return Robots(None, False, f"robots.txt unavailable ({why}): nothing fetched from this host this run")


@dataclass
class _Gate:
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots_lock: threading.Lock = field(default_factory=threading.Lock)
    robots: Robots | None = None
    next_at: float = 0.0  # monotonic time before which no request goes to the host
    blocked: str | None = None  # why the host is left alone for the rest of the run
    unreachable: int = 0  # consecutive timeouts / connection failures


class PoliteFetcher:
    """fetch_url behind robots.txt, per-host gates and retries; safe to share between threads."""

    def __init__(
        self,
        client: httpx.Client,
        limits: FetchLimits,
        politeness: Politeness,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client, self.limits, self.cfg = client, limits, politeness
        self._sleep, self._clock = sleep, clock
        self._gates: dict[str, _Gate] = {}
        self._gates_lock = threading.Lock()
        self.robots_notes: list[str] = []  # one line per host whose robots.txt was not plain rules

    def _gate(self, url: str) -> _Gate:
        key = host_key(url)
        with self._gates_lock:
            return self._gates.setdefault(key, _Gate())

    def _raw_get(self, url: str, **kwargs: object) -> FetchResult:
        return fetch_url(url, client=self.client, limits=self.limits, user_agent=self.cfg.user_agent, **kwargs)  # type: ignore[arg-type]

    def robots(self, url: str) -> Robots:
        """The rules for url's host, fetched on first use (once per host and run)."""
        gate = self._gate(url)
        with gate.robots_lock:
            if gate.robots is None:
                self._wait(gate)
                robots_url = host_key(url) + "/robots.txt"
                result = self._raw_get(robots_url, accept=ROBOTS_TYPES, raw=True)
                gate.robots = robots_from(result, self.cfg.agent_token)
                gate.next_at = self._clock() + self.host_delay(url)  # Crawl-delay applies from here on
                if gate.robots.rules is None:
                    self.robots_notes.append(f"{robots_url}: {gate.robots.reason}")
            return gate.robots

    def host_delay(self, url: str) -> float:
        robots = self._gate(url).robots
        asked = robots.crawl_delay if robots and robots.crawl_delay is not None else 0.0
        return max(self.cfg.delay, min(asked, self.cfg.max_crawl_delay))

    def _wait(self, gate: _Gate) -> None:
        pause = gate.next_at - self._clock()
        if pause > 0:
            self._sleep(pause)

    def _refusal(self, target: str, allowed: tuple[str, ...] | None) -> str | None:
        """Why a redirect hop (or a fetch) to `target` must not happen, if it must not."""
        if allowed is not None and not on_domains(target, allowed):
            return f"host {host_of(target)} is outside the source's domains"
        if not self.robots(target).allows(target, self.cfg.agent_token):
            return "disallowed by robots.txt"
        return None

    def fetch(
        self,
        url: str,
        *,
        allowed_domains: Iterable[str] | None = None,
        accept: frozenset[str] = HTML_TYPES,
        raw: bool = False,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        """A polite GET. Never raises for network trouble; robots and back-off give outcome 'skipped'."""
        allowed = tuple(allowed_domains) if allowed_domains is not None else None
        skipped = FetchResult(url=url, final_url=None, status=None, outcome="skipped")
        gate = self._gate(url)
        with gate.lock:
            if gate.blocked:
                return replace(skipped, error=f"not fetched: {gate.blocked}", error_kind="deferred", transient=True)
            robots = self.robots(url)
            if not robots.allows(url, self.cfg.agent_token):
                if robots.rules is None:  # robots.txt unreachable: a failure to retry, not a choice
                    return replace(skipped, outcome="failed", error=robots.reason, error_kind="robots", transient=True)
                return replace(skipped, error="disallowed by robots.txt", error_kind="robots")
            attempt = 0
            while True:
                self._wait(gate)
                result = self._raw_get(
                    url,
                    accept=accept,
                    raw=raw,
                    etag=etag,
                    last_modified=last_modified,
                    check_redirect=lambda target: self._refusal(target, allowed),
                )
                gate.next_at = self._clock() + self.host_delay(url)
                self._note_reachability(gate, result)
                wait = self._retry_wait(result, attempt)
                if wait is None or gate.blocked:
                    return result
                if wait > self.cfg.max_retry_wait:
                    gate.blocked = (
                        f"{host_of(url)} asked to wait {wait:g} s (Retry-After), more than the "
                        f"{self.cfg.max_retry_wait:g} s we wait in a run; left for the next run"
                    )
                    return replace(result, error=f"{result.error}; {gate.blocked}")
                gate.next_at = max(gate.next_at, self._clock() + wait)
                attempt += 1

    def _retry_wait(self, result: FetchResult, attempt: int) -> float | None:
        """Seconds to wait before trying again, or None when this result is final."""
        if result.outcome != "failed" or result.status not in RETRY_STATUSES:
            return None
        if result.retry_after is not None and result.retry_after > self.cfg.max_retry_wait:
            return result.retry_after  # beyond the cap: the caller leaves the host alone
        if attempt >= self.cfg.retries:
            return None
        return result.retry_after if result.retry_after is not None else self.cfg.backoff * 2**attempt

    def _note_reachability(self, gate: _Gate, result: FetchResult) -> None:
        if result.error_kind in ("timeout", "connection") and result.status is None:
            gate.unreachable += 1
            if gate.unreachable >= UNREACHABLE_STREAK:
                gate.blocked = f"host did not answer {gate.unreachable} times in a row; left for the next run"
        else:
            gate.unreachable = 0
