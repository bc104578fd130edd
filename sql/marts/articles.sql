-- articles: one cleaned article (dimension): what the warehouse read.
-- Grain: one row per article_id (the same canonical URL or the same cleaned text is one article).
-- Columns:
--   article_id: 'a_' + 16 hex of sha256 of the canonical URL (or of a local file's content)
--   source_uri: URL, or the local file's path or file:// URL
--   title: headline, null if none
--   published_at: publication time (UTC), null if unknown
--   language: ISO 639-1 code (ar, en, ...)
--   source: site name or outlet
--   text: the cleaned article text: the original characters, without boilerplate lines
--   word_count: words in text
--   published_date: publication day in the article's own time zone
--   canonical_url: the canonical URL, null for local files without one
--   author: byline, null if none
--   text_sha256: sha256 of the normalised text
--   simhash: 64-bit simhash of word shingles
--   syndication_group_id: article_id of the earliest-published copy of the same story (itself if none)
--   is_syndicated_copy: a near-identical copy of an earlier-published article
select
    a.article_id,
    a.source_uri,
    a.title,
    a.published_at,
    a.language,
    a.source,
    a.text,
    a.word_count,
    a.published_date,
    a.canonical_url,
    a.author,
    a.text_sha256,
    a.simhash,
    s.syndication_group_id,
    s.is_syndicated_copy
from {{ ref('stg_articles') }} as a
join {{ ref('int_article_syndication') }} as s on s.article_id = a.article_id
