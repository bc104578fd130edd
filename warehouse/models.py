"""The SQL project in `sql/`: find the models, read what each one refers to, order them, render them.

A model is one `.sql` file holding one SELECT, under `sql/staging/`, `sql/intermediate/` or
`sql/marts/`; a seed is a `.csv` under `sql/seeds/`. A model names what it reads with two
placeholders, so the build order is derived from the files themselves (no hand-kept list):

    {{ ref('stg_articles') }}           another model or a seed
    {{ source('lake', 'articles') }}    a lake table (Parquet under <lake>/articles/)
    {{ source('corrections', 'x') }}    an analyst-corrections table, loaded before the models

`sql/macros/*.sql` hold `CREATE MACRO` statements run before any model; `sql/tests/*.sql` are
data tests (queries that must return no rows), rendered like models. A data test whose header
says `On failure: quarantine` moves the rows it finds out of their mart rather than fail the build.
The generic data tests (columns, unique, not null, accepted values, relationships) are not files:
they are made from the contract's declaration in warehouse/contract.py (generic_tests).
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from lake.fs import LakeLocation, as_lake
from lake.schemas import LAKE_TABLES
from warehouse import contract

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"

# folder -> DuckDB schema; marts land in `main`, the names BI tools and `roundtable query` see
LAYERS: dict[str, str] = {
    "seeds": "seeds",
    "staging": "staging",
    "intermediate": "intermediate",
    "marts": "main",
}
CORRECTIONS_SCHEMA = "corrections"

_REF = re.compile(r"\{\{\s*ref\(\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]\s*\)\s*\}\}")
_SOURCE = re.compile(r"\{\{\s*source\(\s*['\"](\w+)['\"]\s*,\s*['\"](\w+)['\"]\s*\)\s*\}\}")
_ANY_PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.DOTALL)


class ModelError(Exception):
    """The SQL project is malformed: unknown reference, cycle, missing header, duplicate name."""


@dataclass(frozen=True, slots=True)
class Model:
    name: str
    layer: str  # a key of LAYERS
    path: Path
    sql: str  # the file as written (placeholders unrendered); empty for seeds
    refs: tuple[str, ...]  # models/seeds this one reads, sorted
    sources: tuple[tuple[str, str], ...]  # (kind, table) pairs, sorted

    @property
    def relation(self) -> str:
        return f"{LAYERS[self.layer]}.{self.name}"

    @property
    def is_seed(self) -> bool:
        return self.layer == "seeds"


@dataclass(frozen=True, slots=True)
class DataTest:
    name: str
    path: Path
    sql: str
    refs: tuple[str, ...]

    @property
    def quarantines(self) -> bool:
        """The test's header says `On failure: quarantine`: the rows it finds (first column the
        mart, as `table` or `table.column`; second the row's key) are moved out of their mart
        instead of failing the build (warehouse.build.quarantine_rows)."""
        return any(_ON_FAILURE.match(line) for line in header_lines(self.sql))


_ON_FAILURE = re.compile(r"^on failure:\s*quarantine\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Project:
    sql_dir: Path
    models: dict[str, Model]
    order: tuple[str, ...]  # build order: every model after everything it refers to
    macros: tuple[Path, ...]
    tests: tuple[DataTest, ...]


def header_lines(sql: str) -> list[str]:
    """The leading `--` comment block of a model, without the `--` markers."""
    out: list[str] = []
    for line in sql.splitlines():
        stripped = line.strip()
        if not stripped and not out:
            continue
        if not stripped.startswith("--"):
            break
        out.append(stripped[2:].removeprefix(" ") if stripped != "--" else "")
    return out


def _refs_and_sources(sql: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    return tuple(sorted(set(_REF.findall(sql)))), tuple(sorted(set(_SOURCE.findall(sql))))


def load_project(sql_dir: Path = SQL_DIR) -> Project:
    """Read every model, seed, macro file and data test under `sql_dir` and derive the build order."""
    models: dict[str, Model] = {}
    for layer in LAYERS:
        folder = sql_dir / layer
        if not folder.is_dir():
            continue
        pattern = "*.csv" if layer == "seeds" else "*.sql"
        for path in sorted(folder.glob(pattern)):
            name = path.stem
            if name in models:
                raise ModelError(f"model name {name!r} is used twice: {models[name].path} and {path}")
            if layer == "seeds":
                models[name] = Model(name, layer, path, "", (), ())
                continue
            sql = path.read_text(encoding="utf-8")
            header = header_lines(sql)
            if not header or not any(h.lower().startswith("grain:") for h in header):
                raise ModelError(f"{path}: a model must open with a comment saying what a row is and a 'Grain:' line")
            refs, sources = _refs_and_sources(sql)
            models[name] = Model(name, layer, path, sql, refs, sources)
    for model in models.values():
        for ref in model.refs:
            if ref not in models:
                raise ModelError(f"model {model.name!r} ({model.path}) refers to unknown model {ref!r}")
        for kind, table in model.sources:
            _check_source(model.name, kind, table)
    tests = []
    tests_dir = sql_dir / "tests"
    for path in sorted(tests_dir.glob("*.sql")) if tests_dir.is_dir() else []:
        sql = path.read_text(encoding="utf-8")
        refs, _ = _refs_and_sources(sql)
        for ref in refs:
            if ref not in models:
                raise ModelError(f"data test {path.stem!r} refers to unknown model {ref!r}")
        tests.append(DataTest(path.stem, path, sql, refs))
    for test in generic_tests(contract.TABLES, contract.INTERNAL_KEYS, models):
        if test.name in {t.name for t in tests}:
            raise ModelError(f"data test {test.name!r} is both generic (warehouse/contract.py) and a file")
        tests.append(test)
    macros_dir = sql_dir / "macros"
    macros = tuple(sorted(macros_dir.glob("*.sql"))) if macros_dir.is_dir() else ()
    return Project(sql_dir, models, build_order(models), macros, tuple(tests))


def generic_tests(
    tables: tuple[contract.Table, ...], internal_keys: tuple[tuple[str, tuple[str, ...]], ...], models: dict[str, Model]
) -> list[DataTest]:
    """The data tests the declaration implies, for the declared tables the project has (a
    reference to a table it lacks is not tested): per table, its declared columns come first in
    order with their types (`columns_<table>`) and its key is unique (`unique_<table>_<key>`,
    also for each of `internal_keys`); per column, `not_null_<table>_<column>`,
    `accepted_values_<table>_<column>` and `relationships_<table>_<column>`. Each returns the
    offending rows, their key first."""
    path = Path(contract.__file__)
    tests: list[DataTest] = []

    def add(name: str, table: str, sql: str, *more_refs: str) -> None:
        tests.append(DataTest(name, path, sql, tuple(sorted({table, *more_refs}))))

    for t in tables:
        if t.name not in models:
            continue
        ref = f"{{{{ ref('{t.name}') }}}}"
        keys = ", ".join(t.key)
        expected = ", ".join(f"({i}, {_sql_str(c.name)}, {_sql_str(c.type)})" for i, c in enumerate(t.columns, 1))
        add(
            f"columns_{t.name}",
            t.name,
            f"with expected (position, column_name, data_type) as (values {expected}),\n"
            "actual as (\n"
            "    select ordinal_position as position, column_name, data_type from information_schema.columns\n"
            f"    where table_catalog = current_database() and table_schema = {_sql_str(LAYERS['marts'])}\n"
            f"      and table_name = {_sql_str(t.name)}\n"
            ")\n"
            "select e.position, e.column_name, e.data_type, a.column_name as found, a.data_type as found_type\n"
            "from expected as e left join actual as a using (position)\n"
            "where a.column_name is distinct from e.column_name or a.data_type is distinct from e.data_type",
        )
        for c in t.columns:
            if c.not_null:
                add(f"not_null_{t.name}_{c.name}", t.name, f"select {keys} from {ref} where {c.name} is null")
            if c.accepted:
                values = ", ".join(_sql_str(v) for v in c.accepted)
                add(
                    f"accepted_values_{t.name}_{c.name}",
                    t.name,
                    f"select {keys}, {c.name} as value from {ref} where {c.name} not in ({values})",
                )
            if c.references:
                parent, column = c.references.split(".")
                if parent not in models:
                    continue
                add(
                    f"relationships_{t.name}_{c.name}",
                    t.name,
                    f"select {', '.join(f'child.{k}' for k in t.key)}, child.{c.name} as value\n"
                    f"from {ref} as child anti join {{{{ ref('{parent}') }}}} as parent\n"
                    f"    on parent.{column} = child.{c.name}\n"
                    f"where child.{c.name} is not null",
                    parent,
                )
    for name, key in [*((t.name, t.key) for t in tables), *internal_keys]:
        if name in models:
            keys = ", ".join(key)
            add(
                f"unique_{name}_{'_'.join(key)}",
                name,
                f"select {keys}, count(*) as n from {{{{ ref('{name}') }}}} group by {keys} having count(*) > 1",
            )
    return tests


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _check_source(model: str, kind: str, table: str) -> None:
    if kind == "lake" and table not in LAKE_TABLES:
        raise ModelError(f"model {model!r} reads unknown lake table {table!r} (see lake/schemas.py)")
    if kind not in ("lake", "corrections"):
        raise ModelError(f"model {model!r} reads unknown source kind {kind!r} (lake or corrections)")
    if kind == "corrections":
        from warehouse.corrections import CORRECTION_TABLES  # local: corrections imports nothing from here

        if table not in CORRECTION_TABLES:
            raise ModelError(f"model {model!r} reads unknown corrections table {table!r}")


def build_order(models: dict[str, Model]) -> tuple[str, ...]:
    """Topological order (Kahn); among models that are ready, layer order then name, so it is stable."""
    layer_rank = {layer: i for i, layer in enumerate(LAYERS)}
    waiting = {name: set(m.refs) for name, m in models.items()}
    readers: dict[str, list[str]] = {name: [] for name in models}
    for name, m in models.items():
        for ref in m.refs:
            readers[ref].append(name)
    ready = [(layer_rank[m.layer], name) for name, m in models.items() if not waiting[name]]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, name = heapq.heappop(ready)
        order.append(name)
        for reader in readers[name]:
            waiting[reader].discard(name)
            if not waiting[reader]:
                heapq.heappush(ready, (layer_rank[models[reader].layer], reader))
    if len(order) < len(models):
        raise ModelError("dependency cycle between models: " + " -> ".join(_find_cycle(models, set(order))))
    return tuple(order)


def _find_cycle(models: dict[str, Model], done: set[str]) -> list[str]:
    """One cycle among the models the sort could not place, for the error message."""
    start = min(n for n in models if n not in done)
    path: list[str] = []
    seen: dict[str, int] = {}
    node = start
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = min(r for r in models[node].refs if r not in done)
    return [*path[seen[node] :], node]


# ---------------------------------------------------------------------------------------- rendering


def sql_type(t: pa.DataType) -> str:
    """The DuckDB type an Arrow type of lake/schemas.py reads as."""
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "VARCHAR"
    if pa.types.is_int32(t):
        return "INTEGER"
    if pa.types.is_int64(t):
        return "BIGINT"
    if pa.types.is_float64(t):
        return "DOUBLE"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_date32(t):
        return "DATE"
    if pa.types.is_timestamp(t):
        return "TIMESTAMPTZ" if t.tz else "TIMESTAMP"
    if pa.types.is_list(t):
        return f"{sql_type(t.value_type)}[]"
    if pa.types.is_struct(t):
        return "STRUCT(" + ", ".join(f'"{f.name}" {sql_type(f.type)}' for f in t) + ")"
    raise ModelError(f"no DuckDB type for Arrow type {t}")


def lake_relation(lake: LakeLocation, table: str) -> str:
    """A lake table as a relation with at least the columns of its schema in lake/schemas.py.

    A table not written yet (no folder, or no Parquet file in it) is an empty relation of that
    schema, so the warehouse builds from any lake, even an empty one. Files written by an older
    writer that lack a column still read: they are unioned by name onto the typed empty relation.
    A lake on another filesystem than local disk reads on a connection `Lake.prepare`d for it.
    """
    schema = LAKE_TABLES[table]
    empty = "SELECT " + ", ".join(f'CAST(NULL AS {sql_type(f.type)}) AS "{f.name}"' for f in schema)
    empty += " WHERE false"
    lake = as_lake(lake)
    if not lake.has_match(f"{table}/**/*.parquet"):
        return f"({empty})"
    files = _sql_str(lake.url(table, "**", "*.parquet"))
    reader = f"read_parquet({files}, hive_partitioning=true, union_by_name=true)"
    return f"({empty} UNION ALL BY NAME SELECT * FROM {reader})"


def render(sql: str, models: dict[str, Model], lake: LakeLocation | None) -> str:
    """Replace the placeholders with relation names; the result is plain DuckDB SQL."""

    def ref(match: re.Match[str]) -> str:
        return models[match.group(1)].relation

    def source(match: re.Match[str]) -> str:
        kind, table = match.group(1), match.group(2)
        if kind == "corrections":
            return f"{CORRECTIONS_SCHEMA}.{table}"
        if lake is None:
            raise ModelError(f"source('lake', {table!r}) needs a lake")
        return lake_relation(lake, table)

    out = _SOURCE.sub(source, _REF.sub(ref, sql))
    leftover = _ANY_PLACEHOLDER.search(out)
    if leftover:
        raise ModelError(f"unknown placeholder {leftover.group(0)!r}")
    return out.strip().rstrip(";").strip()
