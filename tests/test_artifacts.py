"""Prefect artifacts of a run: the pure builders, then a real flow run under Prefect's test
harness whose artifacts are read back through the client."""

from __future__ import annotations

import json
import re
import time
import uuid
from datetime import date
from uuid import UUID

from prefect import flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey
from prefect.runtime import flow_run

from flows.artifacts import (
    CHANGED_KEY,
    ROUND_CHANGED_EVENT,
    ROUND_NEW_EVENT,
    SUMMARY_KEY,
    changed_rounds_table,
    publish_artifacts,
    round_events,
    run_markdown,
)

SUMMARY = {
    "inputs": 7,
    "pages_new": 4,
    "pages_unchanged": 1,
    "articles_new": 3,
    "duplicates": 1,
    "extracted": 3,
    "failures": [
        ["http://127.0.0.1:9/article", "connection refused"],
        ["/in/garbage.html", "undecodable page | not text"],
    ],
    "counts": {"articles": 5, "negotiation_rounds": 2},
}

BEFORE = [
    {
        "round_id": "r-1",
        "label": "Istanbul round 1",
        "status": "held",
        "start_date": date(2025, 5, 16),
        "end_date": None,
        "location_id": "loc-ist",
        "parties": ["RU", "UA"],
    },
    {
        "round_id": "r-2",
        "label": "Abu Dhabi",
        "status": "planned",
        "start_date": None,
        "end_date": None,
        "location_id": None,
        "parties": ["UA", "RU", "US"],
    },
    {
        "round_id": "r-3",
        "label": "Geneva",
        "status": "held",
        "start_date": date(2025, 11, 23),
        "end_date": None,
        "location_id": "loc-gva",
        "parties": ["UA", "US"],
        "participants": ["p-1", "p-2"],
    },
]
AFTER = [
    # r-1 unchanged except what does not count (label, article counts); parties in another order
    {
        "round_id": "r-1",
        "label": "Istanbul talks, round 1",
        "status": "held",
        "start_date": date(2025, 5, 16),
        "end_date": None,
        "location_id": "loc-ist",
        "parties": ["UA", "RU"],
        "article_count": 9,
    },
    {
        "round_id": "r-2",
        "label": "Abu Dhabi",
        "status": "held",
        "start_date": date(2026, 1, 23),
        "end_date": date(2026, 1, 24),
        "location_id": "loc-auh",
        "parties": ["RU", "UA", "US"],
    },
    {
        "round_id": "r-3",
        "label": "Geneva",
        "status": "held",
        "start_date": date(2025, 11, 23),
        "end_date": None,
        "location_id": "loc-gva",
        "parties": ["UA", "US"],
        "participants": ["p-1", "p-2", "p-3"],
    },
    {
        "round_id": "r-4",
        "label": "Miami",
        "status": "held",
        "start_date": date(2025, 11, 30),
        "end_date": None,
        "location_id": "loc-mia",
        "parties": ["UA", "US"],
    },
]


# ---------------------------------------------------------------- pure builders


def test_run_markdown_counts_and_failures() -> None:
    md = run_markdown(SUMMARY)
    assert "| pages fetched | 5 (4 new, 1 unchanged) |" in md
    assert "| pages failed | 2 |" in md
    assert "| articles new | 3 |" in md
    assert "| rounds new | not compared |" in md
    assert "- http://127.0.0.1:9/article: connection refused" in md
    assert "- /in/garbage.html: undecodable page \\| not text" in md, "a pipe cannot break the markdown"
    assert "| negotiation\\_rounds | 2 |" in md


def test_run_markdown_rounds_from_the_changed_table() -> None:
    md = run_markdown(SUMMARY, changed_rounds_table(BEFORE, AFTER))
    assert "| rounds new | 1 |" in md
    assert "| rounds changed | 2 |" in md


def test_run_markdown_without_failures() -> None:
    md = run_markdown({"inputs": 0, "failures": []})
    assert "| pages failed | 0 |" in md
    assert "None." in md


def test_run_markdown_caps_a_long_failure_list() -> None:
    md = run_markdown({"failures": [(f"https://x.test/{i}", "timeout") for i in range(120)]})
    assert "| pages failed | 120 |" in md
    assert md.count("timeout") == 50
    assert "and 70 more" in md


def test_changed_rounds_new_changed_and_unchanged() -> None:
    rows = {r["round_id"]: r for r in changed_rounds_table(BEFORE, AFTER)}
    assert set(rows) == {"r-2", "r-3", "r-4"}, "r-1 only changed its label and its parties' order"
    assert rows["r-4"]["change"] == "new"
    assert rows["r-4"]["before"] == ""
    assert rows["r-2"]["change"] == "changed: status, start_date, end_date, location_id"
    assert rows["r-2"]["status"] == "held"
    assert rows["r-2"]["start_date"] == "2026-01-23"
    assert "status=planned" in rows["r-2"]["before"]
    assert rows["r-3"]["change"] == "changed: participants"
    assert rows["r-3"]["participants"] == "p-1, p-2, p-3"


def test_changed_rounds_nothing_changed() -> None:
    assert changed_rounds_table(BEFORE, BEFORE) == []
    assert changed_rounds_table([], []) == []
    assert [r["change"] for r in changed_rounds_table([], BEFORE)] == ["new", "new", "new"]


def test_artifact_keys_are_valid() -> None:
    for key in (SUMMARY_KEY, CHANGED_KEY):
        assert re.fullmatch(r"[a-z0-9-]+", key), key


# ---------------------------------------------------------------- a real Prefect flow


@flow(name="roundtable-artifacts-test")
def publish_flow(summary: dict, changed: list[dict]) -> str:
    publish_artifacts(summary, changed)
    return str(flow_run.id)


def _read_artifacts(run_id: str) -> dict:
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=[SUMMARY_KEY, CHANGED_KEY]),
                flow_run_id=ArtifactFilterFlowRunId(any_=[UUID(run_id)]),
            )
        )
    return {a.key: a for a in found}


def test_publish_artifacts_in_a_flow_run(prefect_harness: None) -> None:
    changed = changed_rounds_table(BEFORE, AFTER)
    run_id = publish_flow(SUMMARY, changed)
    artifacts = _read_artifacts(run_id)
    assert set(artifacts) == {SUMMARY_KEY, CHANGED_KEY}

    summary = artifacts[SUMMARY_KEY]
    assert summary.type == "markdown"
    assert summary.data == run_markdown(SUMMARY, changed)
    assert "connection refused" in summary.data

    table = artifacts[CHANGED_KEY]
    assert table.type == "table"
    rows = json.loads(table.data)  # Prefect stores a table artifact as a JSON string
    assert [r["round_id"] for r in rows] == ["r-2", "r-3", "r-4"]
    assert rows[2]["change"] == "new"


def test_publish_artifacts_with_nothing_changed(prefect_harness: None) -> None:
    run_id = publish_flow({"failures": []}, [])
    artifacts = _read_artifacts(run_id)
    assert set(artifacts) == {SUMMARY_KEY, CHANGED_KEY}
    assert "| rounds changed | 0 |" in artifacts[SUMMARY_KEY].data


# ---------------------------------------------------------------- Prefect events per round

TRACKED_AFTER = [
    {**AFTER[1], "negotiation_id": "n_ukraine", "negotiation_label": "Russia–Ukraine–United States talks"},
    {**AFTER[3], "negotiation_id": "n_ukraine"},
]


def test_round_events_one_per_new_or_changed_round() -> None:
    changed = changed_rounds_table(BEFORE, TRACKED_AFTER)
    events = round_events(changed)
    assert [(e["event"], e["resource"]["prefect.resource.id"]) for e in events] == [
        (ROUND_CHANGED_EVENT, "roundtable.round.r-2"),
        (ROUND_NEW_EVENT, "roundtable.round.r-4"),
    ]
    changed_event, new_event = events
    assert changed_event["related"] == [
        {
            "prefect.resource.id": "roundtable.negotiation.n_ukraine",
            "prefect.resource.role": "negotiation",
            "prefect.resource.name": "Russia–Ukraine–United States talks",
        }
    ]
    assert changed_event["resource"]["prefect.resource.name"] == "Abu Dhabi"
    assert changed_event["payload"]["status"] == "held" and "status=planned" in changed_event["payload"]["before"]
    assert new_event["payload"]["change"] == "new" and new_event["related"][0]["prefect.resource.role"] == "negotiation"
    assert round_events([]) == []
    assert round_events([{"round_id": "r-9", "change": "new"}])[0]["related"] == [], "no track, no related resource"


@flow(name="roundtable-round-events-test")
def emit_flow(changed: list[dict]) -> str:
    publish_artifacts({"failures": []}, changed)
    return str(flow_run.id)


def _read_round_events(resource_ids: list[str], expected: int) -> list:
    from prefect.events.filters import EventFilter, EventNameFilter, EventResourceFilter

    query = EventFilter(
        event=EventNameFilter(prefix=["roundtable.round."]), resource=EventResourceFilter(id=resource_ids)
    )
    deadline = time.monotonic() + 60
    with get_client(sync_client=True) as client:
        while True:  # the server stores events in batches, a moment after they are sent
            found = client.read_events(filter=query, limit=50).events
            if len(found) >= expected or time.monotonic() > deadline:
                return found
            time.sleep(0.5)


def test_rounds_new_or_changed_emit_prefect_events(prefect_harness: None) -> None:
    tag = uuid.uuid4().hex[:8]  # ids no other test's events share on the session's server
    after = [{**row, "round_id": f"{row['round_id']}-{tag}"} for row in TRACKED_AFTER]
    before = [{**row, "round_id": f"{row['round_id']}-{tag}"} for row in BEFORE]
    changed = changed_rounds_table(before, after)
    emit_flow(changed)
    ids = [f"roundtable.round.r-2-{tag}", f"roundtable.round.r-4-{tag}"]
    found = {e.resource.id: e for e in _read_round_events(ids, 2)}
    assert set(found) == set(ids)
    assert found[ids[0]].event == ROUND_CHANGED_EVENT and found[ids[1]].event == ROUND_NEW_EVENT
    negotiation = [r for r in found[ids[1]].related if r.role == "negotiation"]
    assert [r.id for r in negotiation] == ["roundtable.negotiation.n_ukraine"]
    assert found[ids[0]].payload["status"] == "held"
