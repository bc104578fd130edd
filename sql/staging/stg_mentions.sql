-- stg_mentions: one occurrence of a person, place, organisation or date in an article's text,
-- from the article's newest extraction only.
-- Grain: one row per (article_id, kind, entity_key, start_offset) of the current extraction.
-- Columns:
--   article_id: the article the mention is in
--   kind: person | location | org | date
--   entity_key: entity key (person:..., loc:..., org:...); for dates the ISO date, '' if unresolved
--   surface: the text as written
--   start_offset: character offset of the mention's start in the article's text
--   end_offset: character offset just past its end
--   sentence_index: index of the sentence it is in
--   extractor_version: the extraction it comes from
--   written_at: when the row was written
with source as (
    select * from {{ source('lake', 'mentions') }}
),

current_rows as (
    -- rows of the article's current extraction; of those, the newest write (a version run twice)
    select *
    from current_extraction('source', '{{ ref('stg_extractions') }}', '{{ ref('stg_articles') }}')
    qualify written_at is not distinct from max(written_at) over (partition by article_id)
)

select distinct
    article_id,
    lower(trim(kind)) as kind,
    trim(entity_key) as entity_key,
    surface,
    "start" as start_offset,
    "end" as end_offset,
    sentence_index,
    extractor_version,
    written_at
from current_rows
