-- stg_extractions: the newest extraction of each article, whose rows staging keeps.
-- Grain: one row per article_id.
--
-- An article extracted again (a new extractor version) has newer `extractions` rows; the newest
-- by written_at wins. An article whose mentions/entities/events were written but whose
-- `extractions` row is missing falls back to the newest extractor version seen in those rows.
-- Columns:
--   article_id: the article
--   extractor_version: the version whose mentions, entities and events are current
--   extracted_at: when that extraction was written
--   is_recorded: false when inferred from the rows because no extractions row exists
with recorded as (
    select article_id, extractor_version, written_at
    from {{ source('lake', 'extractions') }}
    where nullif(trim(article_id), '') is not null
),

seen_in_rows as (
    select article_id, extractor_version, written_at from {{ source('lake', 'events') }}
    union all
    select article_id, extractor_version, written_at from {{ source('lake', 'mentions') }}
    union all
    select article_id, extractor_version, written_at from {{ source('lake', 'entities') }}
),

candidates as (
    select *, true as is_recorded from recorded
    union all
    select *, false as is_recorded
    from seen_in_rows
    where nullif(trim(article_id), '') is not null
      and article_id not in (select article_id from recorded)
)

select
    article_id,
    extractor_version,
    written_at as extracted_at,
    is_recorded
from candidates
qualify row_number() over (
    partition by article_id
    order by written_at desc nulls last, extractor_version desc nulls last
) = 1
