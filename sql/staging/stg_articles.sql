-- stg_articles: one cleaned article from the lake's `articles` table, typed and de-duplicated.
-- Grain: one row per article_id; no two rows share a text_sha256.
--
-- The lake is append-only, so one article may have been written more than once: per article_id
-- the first written row is kept, then per text_sha256 the first written article (the same
-- cleaned text under two URLs is one article).
-- Columns:
--   article_id: 'a_' + 16 hex of sha256 of the canonical URL (or of a local file's content)
--   page_id: the raw page the article was cleaned from
--   source_uri: URL, or the local file's path or file:// URL
--   canonical_url: the canonical URL (null for local files without one)
--   title: headline, null if none
--   published_at: publication time (UTC), null if unknown
--   published_date: publication day in the article's own time zone, else the UTC day of published_at
--   language: ISO 639-1 code (ar, en, ...)
--   source: site name or outlet
--   author: byline, null if none
--   text: the cleaned article text, original characters
--   word_count: words in text
--   text_sha256: sha256 of the normalised text (exact duplicates)
--   simhash: 64-bit simhash of word shingles (near duplicates: syndicated copies)
--   written_at: when the article was first written to the lake
with source as (
    select * from {{ source('lake', 'articles') }}
),

first_by_id as (
    select *
    from source
    where nullif(trim(article_id), '') is not null
    qualify row_number() over (
        partition by article_id
        order by written_at nulls last, text_sha256 nulls last, source_uri nulls last, page_id nulls last
    ) = 1
),

first_by_text as (
    select *
    from first_by_id
    qualify row_number() over (
        partition by coalesce(text_sha256, article_id)
        order by written_at nulls last, article_id
    ) = 1
)

select
    article_id,
    page_id,
    source_uri,
    canonical_url,
    nullif(trim(title), '') as title,
    published_at,
    coalesce(published_date, cast(published_at as date)) as published_date,
    nullif(lower(trim(language)), '') as language,
    nullif(trim(source), '') as source,
    nullif(trim(author), '') as author,
    text,
    coalesce(
        word_count,
        cast(len(list_filter(string_split_regex(coalesce(text, ''), '\s+'), lambda w: w <> '')) as integer)
    ) as word_count,
    text_sha256,
    simhash,
    written_at
from first_by_text
