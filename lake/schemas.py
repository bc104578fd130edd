"""Arrow schemas of the lake's tables: the one place that fixes what each stage writes.

Layout: DIR/lake/<table>/ingest_date=YYYY-MM-DD/part-<hash>.parquet (hive-partitioned).
Rows are append-only; a later row for the same key supersedes an earlier one (staging keeps
the newest by `written_at`), so the warehouse can always be rebuilt from the lake alone.
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

# One fetched or read page, before cleaning.
RAW_PAGES = pa.schema(
    [
        ("page_id", pa.string()),  # hash of source_uri + body hash
        ("source_uri", pa.string()),  # URL, or the local file's absolute path
        ("final_url", pa.string()),  # after redirects (null for files)
        ("fetched_at", TS),
        ("http_status", pa.int32()),
        ("content_type", pa.string()),
        ("kind", pa.string()),  # "html" | "text"
        ("encoding", pa.string()),  # charset the body was decoded with
        ("encoding_source", pa.string()),  # "http" | "meta" | "bom" | "detected" | "utf-8"
        ("body_sha256", pa.string()),
        ("content", pa.string()),  # the decoded body
        # manifest.csv / feed hints; a manifest value wins over what the page says
        ("hint_url", pa.string()),
        ("hint_title", pa.string()),
        ("hint_published_at", pa.string()),
        ("hint_language", pa.string()),
        ("hint_source", pa.string()),
        ("written_at", TS),
    ]
)

# One outcome per attempt to get a page: the fetch log.
FETCH_LOG = pa.schema(
    [
        ("uri", pa.string()),
        ("attempted_at", TS),
        ("outcome", pa.string()),  # "ok" | "not_modified" | "skipped" | "failed"
        ("reason", pa.string()),  # one line, human readable
        ("http_status", pa.int32()),
        ("transient", pa.bool_()),  # a failure worth retrying on the next run
        ("source", pa.string()),  # source name (sources file) or kind ("file", "url", "feed", ...)
        ("etag", pa.string()),
        ("last_modified", pa.string()),
        ("written_at", TS),
    ]
)

# One cleaned article.
ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("page_id", pa.string()),
        ("source_uri", pa.string()),
        ("canonical_url", pa.string()),
        ("title", pa.string()),
        ("published_at", TS),  # null if unknown
        ("published_date", pa.date32()),  # the publication day in its own time zone
        ("language", pa.string()),
        ("source", pa.string()),  # site name / outlet
        ("author", pa.string()),
        ("text", pa.string()),  # cleaned text, original characters
        ("word_count", pa.int32()),
        ("text_sha256", pa.string()),  # of the normalised text: exact-duplicate detection
        ("simhash", pa.int64()),  # 64-bit simhash of word shingles: near-duplicates (syndication)
        ("written_at", TS),
    ]
)

# What cleaning made of each raw page, so a page is cleaned once even when it yields no article.
PAGE_OUTCOMES = pa.schema(
    [
        ("page_id", pa.string()),
        ("outcome", pa.string()),  # "article" | "duplicate" | "empty" | "failed"
        ("article_id", pa.string()),  # the article it became, or the one it duplicates
        ("reason", pa.string()),
        ("written_at", TS),
    ]
)

# One extraction of one article (lets a run skip articles already extracted by this version).
EXTRACTIONS = pa.schema(
    [
        ("article_id", pa.string()),
        ("extractor_version", pa.string()),
        ("written_at", TS),
    ]
)

MENTIONS = pa.schema(
    [
        ("article_id", pa.string()),
        ("kind", pa.string()),  # person | location | org | date
        ("entity_key", pa.string()),
        ("surface", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("sentence_index", pa.int32()),
        ("extractor_version", pa.string()),
        ("written_at", TS),
    ]
)

ENTITIES = pa.schema(
    [
        ("article_id", pa.string()),
        ("entity_key", pa.string()),
        ("kind", pa.string()),
        ("name_en", pa.string()),
        ("name_ar", pa.string()),
        ("role", pa.string()),
        ("country_code", pa.string()),
        ("location_kind", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("parent_key", pa.string()),
        ("entity_source", pa.string()),  # gazetteer | discovered
        ("extractor_version", pa.string()),
        ("written_at", TS),
    ]
)

PARTICIPANT = pa.struct([("person_key", pa.string()), ("side", pa.string())])

EVENTS = pa.schema(
    [
        ("event_id", pa.string()),  # hash of article_id + ordinal: stable for the same article
        ("article_id", pa.string()),
        ("ordinal", pa.int32()),
        ("status", pa.string()),
        ("parties", pa.list_(pa.string())),  # country codes (a non-state side counts as its country)
        ("sides", pa.list_(pa.string())),  # ISO code for a state, "org:<slug>" for a non-state actor
        ("mediators", pa.list_(pa.string())),
        ("location_key", pa.string()),
        ("start_date", pa.date32()),
        ("end_date", pa.date32()),
        ("date_precision", pa.string()),
        ("round_number", pa.int32()),
        ("outcomes", pa.list_(pa.string())),
        ("participants", pa.list_(PARTICIPANT)),
        ("trigger", pa.string()),
        ("evidence", pa.string()),  # the sentence(s), verbatim from the article text
        ("evidence_start", pa.int32()),
        ("evidence_end", pa.int32()),
        ("extractor_version", pa.string()),
        ("written_at", TS),
    ]
)

# Web crawling state (tasks/web/crawl.py). The frontier: one row per page link a web source gave us,
# written before the page is fetched, so a link survives a killed run and a feed answering
# 304 Not Modified next time; the fetch log says what became of it.
FRONTIER = pa.schema(
    [
        ("uri", pa.string()),  # normalised page URL
        ("source", pa.string()),  # name of the source that listed it first
        ("found_in", pa.string()),  # the feed or sitemap it was listed in (null for plain URLs)
        ("hint_title", pa.string()),  # from the feed entry / news sitemap
        ("hint_published_at", pa.string()),
        ("hint_language", pa.string()),
        ("hint_source", pa.string()),
        ("written_at", TS),
    ]
)

# One row per web source per run: what its feed/sitemap gave, so that a source that keeps giving
# nothing new (or keeps failing) is noticed.
SOURCE_RUNS = pa.schema(
    [
        ("source", pa.string()),
        ("kind", pa.string()),  # feed | sitemap | url
        ("url", pa.string()),  # the source's first URL
        ("run_at", TS),
        ("outcome", pa.string()),  # "ok" | "not_modified" | "failed" (no document of the source answered)
        ("reason", pa.string()),
        ("links_found", pa.int32()),  # article links listed, after filtering
        ("links_new", pa.int32()),  # of those, not in the frontier before
        ("pages_fetched", pa.int32()),  # pages stored this run
        ("pages_failed", pa.int32()),
        ("written_at", TS),
    ]
)

LAKE_TABLES: dict[str, pa.Schema] = {
    "raw_pages": RAW_PAGES,
    "fetch_log": FETCH_LOG,
    "page_outcomes": PAGE_OUTCOMES,
    "articles": ARTICLES,
    "extractions": EXTRACTIONS,
    "mentions": MENTIONS,
    "entities": ENTITIES,
    "events": EVENTS,
    "frontier": FRONTIER,
    "source_runs": SOURCE_RUNS,
}
