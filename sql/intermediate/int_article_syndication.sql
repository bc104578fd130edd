-- int_article_syndication: each article with the syndication group it belongs to: copies of
-- one story (near-identical text, simhash Hamming distance <= 3) are one group, counted once.
-- Grain: one row per article_id.
--
-- Groups are the connected components of the near-duplicate graph (label propagation); a
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

-- connected components by label propagation (see int_mention_cores)
components (article_id, label) using key (article_id) as (
    select article_id, article_rank from articles
    union
    select n.other_article_id, min(c.label)
    from components as c
    join near_copies as n on n.article_id = c.article_id
    join recurring.components as current on current.article_id = n.other_article_id
    group by n.other_article_id
    having min(c.label) < min(current.label)
),

groups as (
    select c.article_id, a.article_id as syndication_group_id
    from components as c
    join articles as a on a.article_rank = c.label
)

select
    article_id,
    syndication_group_id,
    article_id <> syndication_group_id as is_syndicated_copy
from groups
