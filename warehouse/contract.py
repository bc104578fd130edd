"""The warehouse's outside contract, declared once: its tables, their keys, their columns in order
with their types, and the generic data tests on them.

What reads it:
  * warehouse/models.py turns the declaration into generic data tests, run with sql/tests/*.sql
    on every build (like dbt's schema tests): the declared columns come first in each mart, in
    order and with their types; a key is unique; a `not_null` column has no null; a column with
    `accepted` values holds only those (or null); a column that `references` another table's
    column holds only values found there (or null);
  * warehouse/export.py exports these tables, each in the order of its key;
  * warehouse/build.py quarantines along the keys and references;
  * warehouse/dictionary.py lists the contract's tables first, in this order;
  * benchmarks/bench_warehouse.py counts their rows.

A mart may have more columns after the declared ones (extras, documented in its header). To add
a column to the contract: add it to the mart's SELECT and header, then here; to add a test on a
column, give it `not_null`, `accepted` or `references`. Tests that are not one of those four
kinds (a list's values, evidence standing in the text, duplicate rounds) are sql/tests/*.sql.
`CONTRACT.md` is the prose; tests/test_warehouse_exports.py keeps an independent copy of the
column lists to check this declaration against it.
"""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("proposed", "planned", "ongoing", "held", "cancelled")
DATE_PRECISIONS = ("day", "week", "month", "year")
LOCATION_KINDS = ("city", "country", "venue", "region")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # the DuckDB type, as information_schema.columns.data_type spells it
    not_null: bool = False
    accepted: tuple[str, ...] = ()  # the only values it may hold (besides null); empty: any
    references: str | None = None  # "table.column" every non-null value must be found in


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    key: tuple[str, ...]  # unique together; the export's row order
    columns: tuple[Column, ...]  # the declared columns, first in the mart, in this order
    contract: bool = True  # in CONTRACT.md (False: exported, but not part of the contract)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _id(name: str, references: str | None = None) -> Column:
    return Column(name, "VARCHAR", not_null=True, references=references)


TABLES: tuple[Table, ...] = (
    Table(
        "articles",
        key=("article_id",),
        columns=(
            _id("article_id"),
            Column("source_uri", "VARCHAR"),
            Column("title", "VARCHAR"),
            Column("published_at", "TIMESTAMP WITH TIME ZONE"),
            Column("language", "VARCHAR"),
            Column("source", "VARCHAR"),
            Column("text", "VARCHAR"),
            Column("word_count", "INTEGER"),
        ),
    ),
    Table(
        "people",
        key=("person_id",),
        columns=(
            _id("person_id"),
            Column("name_en", "VARCHAR"),
            Column("name_ar", "VARCHAR"),
            Column("role", "VARCHAR"),
            Column("country_code", "VARCHAR"),
        ),
    ),
    Table(
        "article_people",
        key=("article_id", "person_id"),
        columns=(
            _id("article_id", "articles.article_id"),
            _id("person_id", "people.person_id"),
            Column("mentions", "INTEGER"),
        ),
    ),
    Table(
        "locations",
        key=("location_id",),
        columns=(
            _id("location_id"),
            Column("name_en", "VARCHAR"),
            Column("name_ar", "VARCHAR"),
            Column("country_code", "VARCHAR"),
            Column("kind", "VARCHAR", accepted=LOCATION_KINDS),
            Column("latitude", "DOUBLE"),
            Column("longitude", "DOUBLE"),
        ),
    ),
    Table(
        "negotiation_rounds",
        key=("round_id",),
        columns=(
            _id("round_id"),
            Column("label", "VARCHAR"),
            Column("location_id", "VARCHAR", references="locations.location_id"),
            Column("start_date", "DATE"),
            Column("end_date", "DATE"),
            Column("date_precision", "VARCHAR", accepted=DATE_PRECISIONS),
            Column("status", "VARCHAR", not_null=True, accepted=STATUSES),
            Column("parties", "VARCHAR[]"),
            Column("sides", "VARCHAR[]"),
            Column("mediators", "VARCHAR[]"),
            Column("round_number", "INTEGER"),
            Column("outcomes", "VARCHAR[]"),
            Column("first_reported", "DATE"),
            Column("last_reported", "DATE"),
            Column("article_count", "INTEGER"),
            _id("negotiation_id", "negotiations.negotiation_id"),
        ),
    ),
    Table(
        "negotiations",
        key=("negotiation_id",),
        columns=(
            _id("negotiation_id"),
            Column("label", "VARCHAR"),
            Column("sides", "VARCHAR[]"),
            Column("mediators", "VARCHAR[]"),
            Column("first_round_date", "DATE"),
            Column("last_round_date", "DATE"),
            Column("round_count", "INTEGER"),
            Column("last_status", "VARCHAR", accepted=STATUSES),
        ),
    ),
    Table(
        "round_participants",
        key=("round_id", "person_id"),
        columns=(
            _id("round_id", "negotiation_rounds.round_id"),
            _id("person_id", "people.person_id"),
            Column("side", "VARCHAR"),
        ),
    ),
    Table(
        "round_articles",
        key=("round_id", "article_id"),
        columns=(
            _id("round_id", "negotiation_rounds.round_id"),
            _id("article_id", "articles.article_id"),
            Column("evidence", "VARCHAR"),
            Column("reported_status", "VARCHAR", accepted=STATUSES),
            Column("reported_start", "DATE"),
        ),
    ),
    # every attempt to get a page, feed, sitemap or file (attempt numbers a uri's attempts)
    Table(
        "fetch_log",
        key=("uri", "attempt"),
        columns=(
            Column("uri", "VARCHAR"),
            Column("attempted_at", "TIMESTAMP WITH TIME ZONE"),
            Column("outcome", "VARCHAR"),
            Column("reason", "VARCHAR"),
            Column("http_status", "INTEGER"),
            Column("transient", "BOOLEAN"),
            Column("source", "VARCHAR"),
            Column("host", "VARCHAR"),
            Column("attempt", "INTEGER"),
        ),
        contract=False,
    ),
)

TABLE: dict[str, Table] = {t.name: t for t in TABLES}

# Keys of the staging and intermediate models that the grouping of mentions into rounds relies
# on: each is tested unique like a contract table's key. mention_rank numbers the nodes of the
# graphs whose connected components make cores, rounds and syndication groups.
INTERNAL_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("stg_extractions", ("article_id",)),
    ("stg_events", ("event_id",)),
    ("int_entities", ("entity_key",)),
    ("int_article_syndication", ("article_id",)),
    ("int_event_mentions", ("event_id",)),
    ("int_event_mentions", ("mention_rank",)),
    ("int_mention_cores", ("event_id",)),
    ("int_core_targets", ("core_id",)),
    ("int_undated_attachments", ("event_id",)),
    ("int_round_components", ("event_id",)),
    ("int_allusion_fits", ("event_id",)),
    ("int_round_members", ("event_id",)),
    ("int_rounds", ("round_id",)),
)
# the tables of CONTRACT.md, in its order
CONTRACT_TABLES: tuple[Table, ...] = tuple(t for t in TABLES if t.contract)


def references() -> tuple[tuple[str, str, str, str], ...]:
    """(table, column, referenced table, referenced column) for every declared reference."""
    out = []
    for table in TABLES:
        for column in table.columns:
            if column.references:
                parent, parent_column = column.references.split(".")
                out.append((table.name, column.name, parent, parent_column))
    return tuple(out)
