-- stg_source_runs: what one run got from one web source (feed, sitemap or URL list), typed.
-- Grain: one row per (source, run_at).
-- Columns:
--   source: the source's name (sources file) or its feed/sitemap URL ('url' for --url pages)
--   kind: feed | sitemap | url
--   url: the source's first URL
--   run_at: when the run read the source (UTC)
--   outcome: ok | not_modified | failed (no document of the source answered)
--   reason: why it failed, null otherwise
--   links_found: article links the source listed (after filtering)
--   links_new: of those, links no run had seen before
--   pages_fetched: pages of the source stored by the run
--   pages_failed: pages of the source that failed in the run
select
    source,
    kind,
    url,
    run_at,
    outcome,
    nullif(trim(reason), '') as reason,
    coalesce(links_found, 0) as links_found,
    coalesce(links_new, 0) as links_new,
    coalesce(pages_fetched, 0) as pages_fetched,
    coalesce(pages_failed, 0) as pages_failed
from {{ source('lake', 'source_runs') }}
where nullif(trim(source), '') is not null
