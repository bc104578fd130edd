"""The DuckDB warehouse: SQL models in sql/ built from the lake, data tests, exports, read-only query.

warehouse.build.build_warehouse(lake, db_path, corrections=None, memory_limit="512MB") -> BuildResult
warehouse.export.export(db_path, exports_dir, text_mode="full") -> ExportResult
warehouse.query.run_query(db_path, sql, fmt="table") -> str
warehouse.dictionary.write_data_dictionary(out) -> Path
"""
