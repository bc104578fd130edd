-- int_article_syndication: each article with the syndication group it belongs to: copies of
-- one story (near-identical text, simhash Hamming distance <= 3) are one group, counted once.
-- Grain: one row per article_id.
--
-- Groups are the connected components of the near-duplicate graph (a recursive walk); a
-- group is named after its earliest-published article.
-- Columns:
--   article_id: the article
--   syndication_group_id: article_id of the earliest-published article of its group (itself if alone)
--   is_syndicated_copy: true for every article of a group but the earliest
with recursive articles as (
    select
        article_id,
        simhash,
        row_number() over (order by published_at nulls last, published_date nulls last, written_at, article_id) as article_rank
    from {{ ref('stg_articles') }}
),

near_copies as (
    -- a zero simhash is what an empty text hashes to: not evidence of a shared story
    select a.article_id, b.article_id as other_article_id
    from articles as a
    join articles as b
        on a.article_id <> b.article_id
       and bit_count(xor(a.simhash, b.simhash)) <= 3
    where a.simhash is not null and b.simhash is not null and a.simhash <> 0 and b.simhash <> 0
),

reach (article_id, root_id) as (
    select article_id, article_id from articles
    union
    select n.other_article_id, r.root_id
    from reach as r
    join near_copies as n on n.article_id = r.article_id
),

groups as (
    select r.article_id, first(r.root_id order by a.article_rank) as syndication_group_id
    from reach as r
    join articles as a on a.article_id = r.root_id
    group by r.article_id
)

select
    article_id,
    syndication_group_id,
    article_id <> syndication_group_id as is_syndicated_copy
from groups
