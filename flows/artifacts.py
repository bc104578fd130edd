"""What a run shows in the Prefect UI: a markdown summary, a table of rounds that changed, and one
Prefect event per round that is new or changed, for automations to notify on.

The builders are pure (plain dicts in, markdown, rows or event specs out) so they are tested
without Prefect; `publish_artifacts` is the only part that talks to the Prefect API.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

SUMMARY_KEY = "roundtable-run-summary"
CHANGED_KEY = "roundtable-changed-rounds"
# Prefect events, one per round new or changed in a run (every round in the warehouse belongs to a
# negotiation the user follows: the scope is applied when it is built). Resource ids:
# roundtable.round.<round_id>, related roundtable.negotiation.<negotiation_id> (role "negotiation").
ROUND_NEW_EVENT = "roundtable.round.new"
ROUND_CHANGED_EVENT = "roundtable.round.changed"

# What makes a round "changed" between two runs (label or article counts alone do not).
TRACKED = ("status", "start_date", "end_date", "location_id", "participants")
MAX_FAILURES_LISTED = 50  # a feed of thousands of dead links must not make an unreadable artifact


def _md(text: Any) -> str:
    """One markdown table cell / list item: no pipes or newlines to break the layout, no raw HTML."""
    s = "" if text is None else str(text)
    s = " ".join(s.split())
    for ch in ("\\", "|", "<", ">", "`", "*", "_", "[", "]"):
        s = s.replace(ch, "\\" + ch)
    return s


def _failures(summary: Mapping[str, Any]) -> list[tuple[str, str]]:
    out = []
    for item in summary.get("failures") or []:
        uri, reason = (item[0], item[1]) if isinstance(item, list | tuple) and len(item) >= 2 else (item, "")
        out.append((str(uri), str(reason)))
    return out


def _round_counts(summary: Mapping[str, Any], changed: Sequence[Mapping[str, Any]] | None) -> tuple[str, str]:
    if changed is not None:
        new = sum(1 for r in changed if r.get("change") == "new")
        return str(new), str(len(changed) - new)
    if "rounds_new" in summary or "rounds_changed" in summary:
        return str(int(summary.get("rounds_new", 0))), str(int(summary.get("rounds_changed", 0)))
    return "not compared", "not compared"


def run_markdown(summary: Mapping[str, Any], changed: Sequence[Mapping[str, Any]] | None = None) -> str:
    """The run summary artifact: what was fetched, what is new, what failed and why. Rounds new or
    changed come from `changed` (rows of `changed_rounds_table`) or the summary's
    `rounds_new`/`rounds_changed` keys."""
    failures = _failures(summary)
    rounds_new, rounds_changed = _round_counts(summary, changed)
    pages_new, pages_same = int(summary.get("pages_new", 0)), int(summary.get("pages_unchanged", 0))
    lines = [
        "# Roundtable run",
        "",
        "| | count |",
        "|---|---|",
        f"| inputs | {int(summary.get('inputs', 0))} |",
        f"| pages fetched | {pages_new + pages_same} ({pages_new} new, {pages_same} unchanged) |",
        f"| pages failed | {len(failures)} |",
        f"| articles new | {int(summary.get('articles_new', 0))} |",
        f"| duplicates skipped | {int(summary.get('duplicates', 0))} |",
        f"| articles extracted | {int(summary.get('extracted', 0))} |",
        f"| rounds new | {rounds_new} |",
        f"| rounds changed | {rounds_changed} |",
    ]
    counts = summary.get("counts") or {}
    if counts:
        lines += ["", "## Warehouse", "", "| table | rows |", "|---|---|"]
        lines += [f"| {_md(name)} | {int(n)} |" for name, n in sorted(counts.items())]
    lines += ["", "## Failed sources and pages", ""]
    if not failures:
        lines.append("None.")
    for uri, reason in failures[:MAX_FAILURES_LISTED]:
        lines.append(f"- {_md(uri)}: {_md(reason) or 'no reason given'}")
    if len(failures) > MAX_FAILURES_LISTED:
        lines.append(f"- … and {len(failures) - MAX_FAILURES_LISTED} more")
    return "\n".join(lines) + "\n"


def _plain(value: Any) -> Any:
    """Snapshot values as comparable, JSON-friendly plain values."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(_plain(v) for v in value)
    return value


def _participants(row: Mapping[str, Any]) -> list[str]:
    """Participants of a round snapshot: its person ids, or failing that its parties."""
    people = row.get("participants")
    if people is None:
        people = row.get("parties")
    return sorted(str(_plain(p)) for p in (people or []))


def _tracked(row: Mapping[str, Any]) -> dict[str, Any]:
    values = {k: _plain(row.get(k)) for k in TRACKED if k != "participants"}
    values["participants"] = _participants(row)
    return values


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _by_id(rows: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {str(r["round_id"]): r for r in rows if r.get("round_id") is not None}


def changed_rounds_table(before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> list[dict]:
    """Rounds that are new, or whose status, dates, place or participants changed, between two
    snapshots of negotiation_rounds (keyed by round_id). A snapshot row may carry a
    `participants` list; without one the round's `parties` stand for it. Its `negotiation_id`
    and `negotiation_label` (the track's, when the snapshot has them) are passed on."""
    old, new = _by_id(before), _by_id(after)
    rows = []
    for rid in sorted(new):
        now = _tracked(new[rid])
        was = _tracked(old[rid]) if rid in old else None
        changed = [k for k in TRACKED if was is None or was[k] != now[k]]
        if was is not None and not changed:
            continue
        rows.append(
            {
                "round_id": rid,
                "negotiation_id": _show(new[rid].get("negotiation_id")),
                "negotiation_label": _show(new[rid].get("negotiation_label")),
                "label": _show(new[rid].get("label")),
                "change": "new" if was is None else "changed: " + ", ".join(changed),
                "status": _show(now["status"]),
                "start_date": _show(now["start_date"]),
                "end_date": _show(now["end_date"]),
                "location_id": _show(now["location_id"]),
                "participants": _show(now["participants"]),
                "before": "" if was is None else "; ".join(f"{k}={_show(was[k])}" for k in changed),
            }
        )
    return rows


def round_events(changed: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The Prefect events for rows of `changed_rounds_table`: keyword arguments of
    prefect.events.emit_event, one per round, in the rows' order."""
    events = []
    for row in changed:
        rid = str(row.get("round_id") or "")
        if not rid:
            continue
        is_new = row.get("change") == "new"
        resource = {
            "prefect.resource.id": f"roundtable.round.{rid}",
            "prefect.resource.name": str(row.get("label") or rid),
        }
        related = []
        if row.get("negotiation_id"):
            negotiation = {
                "prefect.resource.id": f"roundtable.negotiation.{row['negotiation_id']}",
                "prefect.resource.role": "negotiation",
            }
            if row.get("negotiation_label"):
                negotiation["prefect.resource.name"] = str(row["negotiation_label"])
            related.append(negotiation)
        payload = {k: row.get(k, "") for k in ("change", "status", "start_date", "end_date", "location_id")}
        payload |= {"participants": row.get("participants", ""), "before": row.get("before", "")}
        events.append(
            {
                "event": ROUND_NEW_EVENT if is_new else ROUND_CHANGED_EVENT,
                "resource": resource,
                "related": related,
                "payload": payload,
            }
        )
    return events


def publish_artifacts(summary: Mapping[str, Any], changed: list[dict]) -> None:
    """Create the run's artifacts and emit one event per round new or changed; call from inside
    a flow or task run so they attach to it."""
    # Imported here so the pure builders above can be used (and tested) without loading Prefect.
    from prefect.artifacts import create_markdown_artifact, create_table_artifact
    from prefect.events import emit_event

    markdown = run_markdown(summary, changed)
    create_markdown_artifact(markdown=markdown, key=SUMMARY_KEY, description="Run: pages, articles, failures")
    table: list[dict] = changed or [{"round_id": "", "label": "no round is new or changed in this run"}]
    create_table_artifact(table=table, key=CHANGED_KEY, description="Negotiation rounds new or changed in this run")
    for spec in round_events(changed):
        emit_event(**spec)
