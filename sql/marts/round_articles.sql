-- round_articles: an article reporting a round, with what that article claimed, so that
-- conflicting reports stay visible beside the round's merged view.
-- Grain: one row per (round_id, article_id), for the rounds in negotiation_rounds (in scope).
--
-- When one article mentions the round more than once, its evidence is the first mention's,
-- its claimed status the furthest along, its claimed dates the widest.
-- Columns:
--   round_id: the round (negotiation_rounds.round_id)
--   article_id: the article (articles.article_id)
--   evidence: the sentence(s) the round was read from, verbatim from the article's text
--   reported_status: the status this article claims
--   reported_start: the start date this article claims, null if it gives none
--   reported_end: the end date this article claims
--   reported_date_precision: day | week | month | year of the claimed date
--   reported_location_id: the place this article names (locations.location_id)
--   reported_round_number: the round number this article gives
--   event_ids: the article's event mentions grouped into this round, in order of appearance
--   published_date: the article's publication day
--   syndication_group_id: article_id of the earliest copy of the story (int_article_syndication)
--   is_syndicated_copy: another article of the same story reports this round too and was
--     published first: this one does not count in negotiation_rounds.article_count
with mentions as (
    select m.*, r.round_id
    from {{ ref('int_event_mentions') }} as m
    join {{ ref('int_round_members') }} as r on r.event_id = m.event_id
    semi join {{ ref('negotiation_rounds') }} as n on n.round_id = r.round_id
),

per_article as (
    select
        round_id,
        article_id,
        first(evidence order by ordinal) filter (where evidence is not null) as evidence,
        first(status order by status_rank(status) desc, ordinal) as reported_status,
        min(start_date) as reported_start,
        max(coalesce(end_date, start_date)) as reported_end,
        first(date_precision order by precision_rank(date_precision)) filter (where date_precision is not null)
            as reported_date_precision,
        first(location_key order by place_rank(location_kind) desc, ordinal) filter (where location_key is not null)
            as reported_location_key,
        cast(min(round_number) as integer) as reported_round_number,
        list(event_id order by ordinal) as event_ids,
        any_value(published_date) as published_date
    from mentions
    group by round_id, article_id
),

with_groups as (
    select
        p.*,
        s.syndication_group_id,
        row_number() over (
            partition by p.round_id, s.syndication_group_id order by p.published_date nulls last, p.article_id
        ) > 1 as is_syndicated_copy
    from per_article as p
    join {{ ref('int_article_syndication') }} as s on s.article_id = p.article_id
)

select
    round_id,
    article_id,
    evidence,
    reported_status,
    reported_start,
    reported_end,
    reported_date_precision,
    case when reported_location_key is not null then short_id('l_', reported_location_key) end as reported_location_id,
    reported_round_number,
    event_ids,
    published_date,
    syndication_group_id,
    is_syndicated_copy
from with_groups
