"""The lake: the Parquet tables the flow writes and the warehouse is built from.

    lake.fs       where the lake lives (local disk or any fsspec filesystem): Lake, open_lake
    lake.schemas  the Arrow schema of every lake table (LAKE_TABLES), the one place that fixes them
    lake.store    append-only, atomic writes of rows and the reads the stages need
    lake.ids      the stable ids (pages, articles, events) and digests

Infrastructure for tasks/ (the writers), flows/ and warehouse/ (the reader); it imports none of them.
"""
