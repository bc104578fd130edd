-- stg_fetch_log: one attempt to get a page, feed, sitemap or file, typed, with its place in the URL's history.
-- Grain: one row per fetch-log row of the lake (uri, attempted_at); nothing is merged away.
--
-- The lake's `fetch_log` is append-only: every run adds the attempts it made. The newest
-- attempt of a URL decides what the next run does with it (tasks/web/crawlstate.py): a permanent
-- failure or skip is not tried again for a while, a transient one is retried.
-- Columns:
--   uri: the URL (normalised) or the local file's path
--   host: the URL's host name (null for local files)
--   attempted_at: when the attempt was made (UTC)
--   outcome: ok | not_modified | skipped | failed
--   reason: one-line reason for a failure or skip, null when ok
--   http_status: HTTP status of the last response, null when none came
--   transient: a failure worth retrying on the next run (timeouts, 429, 5xx, an empty body)
--   source: the source's name (sources file), the feed/sitemap URL, 'url' or 'file'
--   etag: ETag validator sent back on the next conditional request
--   last_modified: Last-Modified validator sent back on the next conditional request
--   attempt: 1 for the URL's first attempt, 2 for the second, ...
--   is_latest: this is the URL's newest attempt
select
    uri,
    case when uri ilike 'http%://%' then lower(regexp_extract(uri, '^[a-zA-Z]+://([^/:?#]+)', 1)) end as host,
    attempted_at,
    outcome,
    nullif(trim(reason), '') as reason,
    http_status,
    coalesce(transient, false) as transient,
    source,
    etag,
    last_modified,
    cast(row_number() over (partition by uri order by attempted_at, written_at) as integer) as attempt,
    row_number() over (partition by uri order by attempted_at desc, written_at desc) = 1 as is_latest
from {{ source('lake', 'fetch_log') }}
where nullif(trim(uri), '') is not null
