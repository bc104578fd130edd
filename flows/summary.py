"""What a run did, counted as it goes (local files, the web, cleaning, extraction, the build) and
shown at the end: by the command line, and as the flow run's Prefect artifact."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from flows.progress import Say


@dataclass(slots=True)
class RunSummary:
    inputs: int = 0  # files, source documents and pages considered
    pages_new: int = 0
    pages_unchanged: int = 0  # already stored, 304 Not Modified, and source documents that answered
    articles_new: int = 0
    duplicates: int = 0
    extracted: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (uri or id, one-line reason), each said
    warnings: list[str] = field(default_factory=list)  # sources that broke silently, quarantined rows
    counts: dict[str, int] = field(default_factory=dict)  # rows per exported table
    exports_dir: str = ""
    warehouse: str = ""
    changed_rounds: list[dict] = field(default_factory=list)  # new or changed rounds (flows.artifacts)

    @property
    def processed_anything(self) -> bool:
        """False when inputs were given and not one of them could be processed: every one failed
        (a missing path, an unsupported file, a missing sources file, a URL that failed...)."""
        return self.pages_new + self.pages_unchanged > 0 or not self.failures

    def fail(self, uri: str, reason: str, say: Say, note: str = "") -> None:
        """One failure: said in a line ("  ! uri: reason" and `note`), and counted."""
        say(f"  ! {uri}: {reason}{note}")
        self.failures.append((uri, reason))

    def fail_all(self, failures: list[tuple[str, str]], say: Say) -> None:
        for uri, reason in failures:
            self.fail(uri, reason, say)

    def as_dict(self) -> dict:
        return asdict(self)
