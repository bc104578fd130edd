"""Imported once by the process pool's fork server (flows/parallel.py), before any worker forks: the
pure modules the workers run and the resources they read (gazetteer, event lexicon, trafilatura's
first-call set-up). Each worker then starts warm instead of paying seconds for it, and the workers
share these pages copy-on-write. Nothing here imports Prefect.
"""

from __future__ import annotations

import gc

from tasks.clean import clean_html
from tasks.extract_rows import clean_and_extract, extract_tables  # noqa: F401  (what the workers run)
from tasks.nlp.extract import extract

clean_html("<html><body><article><p>وعقدت المحادثات في جنيف يوم الخميس.</p></article></body></html>")
extract("وعقدت محادثات بين روسيا وأوكرانيا في إسطنبول يوم الخميس الماضي.", "ar", None)
# the first Arrow table built imports pandas (pyarrow's Table.from_pylist looks for it): here, once, not
# in each worker's first piece
extract_tables([{"article_id": "warm-up", "text": "وعقدت المحادثات في جنيف.", "language": "ar"}])

# Everything loaded so far (modules, gazetteer, lexicon) lives as long as the workers: the warm-up's
# garbage is collected, then the rest moves to the collector's permanent generation, so no full
# collection in a worker walks it again (and touching it copies no shared page on write).
gc.collect()
gc.freeze()
# A page's extraction makes tens of thousands of short-lived objects: collecting the young generation
# every 10,000 allocations instead of 700 spares most of its passes (about 3% of extraction's CPU,
# measured alternating over the benchmark pages in one frozen process); cyclic garbage waits a little longer.
gc.set_threshold(10_000, 10, 10)
