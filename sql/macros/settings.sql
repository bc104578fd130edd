-- The build's settings tables, for the models to read (sql/staging/stg_scope.sql). The build
-- writes them before the macros run (warehouse/scope.py: write_scope_table); when it wrote
-- none, they are created empty here, which means the default: no scope, every negotiation between
-- two or more sides is followed. Kept in the warehouse: `SELECT * FROM settings.scope` says
-- what scope a warehouse was built with.

-- settings.scope: one row per side of a followed set of sides (`--only RU,UA,US` is set 1 with
-- three rows); no rows: no scope.
CREATE SCHEMA IF NOT EXISTS settings;
CREATE TABLE IF NOT EXISTS settings.scope (set_id INTEGER, side VARCHAR);
