-- int_article_syndication: each article with the syndication group it belongs to: copies of
-- one story (near-identical text, simhash Hamming distance <= 3) are one group, counted once.
-- Grain: one row per article_id.
--
-- Groups are the connected components of the near-duplicate graph; a group is named after its
-- earliest-published article. Near copies are found without comparing every two articles: the
-- 64-bit simhash is cut into four 16-bit blocks, and two hashes at most 3 bits apart agree on
-- at least one whole block (3 differing bits fall in at most 3 blocks), so only articles
-- sharing a block value are compared.
-- Columns:
--   article_id: the article
--   syndication_group_id: article_id of the earliest-published article of its group (itself if alone)
--   is_syndicated_copy: true for every article of a group but the earliest
with articles as (
    select
        article_id,
        simhash,
        row_number() over (order by published_at nulls last, published_date nulls last, written_at, article_id) as article_rank
    from {{ ref('stg_articles') }}
),

blocks as (
    -- a zero simhash is what an empty text hashes to: not evidence of a shared story
    select article_rank, simhash, unnest([0, 1, 2, 3]) as block
    from articles
    where simhash is not null and simhash <> 0
),

keyed as (
    select article_rank, simhash, block, (simhash >> (16 * block)) & 65535 as block_value
    from blocks
),

edges as (
    select distinct a.article_rank as a, b.article_rank as b
    from keyed as a
    join keyed as b on b.block = a.block and b.block_value = a.block_value and b.article_rank > a.article_rank
    where bit_count(xor(a.simhash, b.simhash)) <= 3
),

nodes as (
    select article_rank as node, article_id as id from articles
)

select
    id as article_id,
    founder_id as syndication_group_id,
    id <> founder_id as is_syndicated_copy
from component_founders('nodes', 'edges')
