-- source_runs: what one run got from one web source, to see a feed go quiet or start failing.
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
--   runs_without_new: consecutive runs up to this one in which the source gave no new link
with streaks as (
    select
        *,
        -- runs since (and including) the last one that gave something new share a streak number
        count(*) filter (where links_new > 0) over (
            partition by source order by run_at rows between unbounded preceding and current row
        ) as streak
    from {{ ref('stg_source_runs') }}
)

select
    source,
    kind,
    url,
    run_at,
    outcome,
    reason,
    links_found,
    links_new,
    pages_fetched,
    pages_failed,
    cast(count(*) filter (where links_new = 0) over (
        partition by source, streak order by run_at rows between unbounded preceding and current row
    ) as integer) as runs_without_new
from streaks
