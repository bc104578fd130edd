-- fetch_log: one attempt to get a page, feed, sitemap or file, and what came of it.
-- Grain: one row per attempt (uri, attempted_at).
--
-- What failed and why: `roundtable query "SELECT uri, reason FROM fetch_log WHERE is_latest AND outcome = 'failed'"`.
-- Columns:
--   uri: the URL (normalised) or the local file's path
--   attempted_at: when the attempt was made (UTC)
--   outcome: ok | not_modified | skipped | failed
--   reason: one-line reason for a failure or skip, null when ok
--   http_status: HTTP status of the last response, null when none came
--   transient: a failure worth retrying on the next run (timeouts, 429, 5xx, an empty body)
--   source: the source's name (sources file), the feed/sitemap URL, 'url' or 'file'
--   host: the URL's host name (null for local files)
--   attempt: 1 for the URL's first attempt, 2 for the second, ...
--   is_latest: this is the URL's newest attempt: its outcome is the URL's current state
--   retry_next_run: the newest attempt failed or was deferred for a reason that may pass, so the next run tries again
select
    uri,
    attempted_at,
    outcome,
    reason,
    http_status,
    transient,
    source,
    host,
    attempt,
    is_latest,
    is_latest and outcome in ('failed', 'skipped') and transient as retry_next_run
from {{ ref('stg_fetch_log') }}
