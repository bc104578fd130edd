-- negotiations: a negotiation track: the series of rounds between the same core sides on the
-- same conflict ("Russia–Ukraine–United States talks", "Iran–Russia–Turkey talks"), over the
-- rounds the user follows.
-- Grain: one row per negotiation_id that has at least one round in negotiation_rounds.
--
-- Which rounds make a track, and its core sides, are decided over all rounds whatever the scope
-- (int_negotiation_tracks): a meeting of some of the core sides (Russia–United States within
-- Russia–Ukraine–United States) or of the core sides with a guest joins the track; a set of
-- sides that keeps meeting is a track of its own. The figures here count the rounds in
-- negotiation_rounds (those in scope). The latest round is the one with the latest start date,
-- an undated round counting at the day it was last reported (on a tie, the furthest along); its
-- status is the track's.
-- Columns:
--   negotiation_id: 'n_' + 16 hex of sha256 of the core sides joined by commas; stable while the core is
--   label: the core sides' names in alphabetical order and "talks" ("Iran–United States talks")
--   sides: the core sides, sorted (ISO codes, org:<slug> for non-state actors), as in negotiation_rounds.sides
--   mediators: hosts or mediators of any of its rounds that are not core sides, sorted
--   first_round_date: start of its earliest dated round, null if none is dated
--   last_round_date: last day of its latest dated round (its start when the end is unknown), null if none is dated
--   round_count: its rounds in negotiation_rounds
--   last_status: status of its latest round (proposed | planned | ongoing | held | cancelled)
--   other_sides: sides of some of its rounds beyond the core (guests), sorted
--   first_reported: publication day of the earliest report of any of its rounds
--   last_reported: publication day of the latest report of any of its rounds
--   article_count: articles reporting its rounds, summed over rounds (an article reporting two rounds counts twice)
with rounds as (
    select * from {{ ref('negotiation_rounds') }}
),

cores as (
    select distinct negotiation_id, core_sides from {{ ref('int_negotiation_tracks') }}
),

core_names as (
    select
        c.negotiation_id,
        string_agg(coalesce(n.name_en, x.side), '–' order by coalesce(n.name_en, x.side), x.side) as names
    from cores as c, unnest(c.core_sides) as x(side)
    left join {{ ref('int_side_names') }} as n on n.side = x.side
    group by c.negotiation_id
),

per_track as (
    select
        r.negotiation_id,
        list_sort(list_distinct(flatten(list(r.mediators)))) as all_mediators,
        list_sort(list_distinct(flatten(list(r.sides)))) as all_sides,
        min(r.start_date) as first_round_date,
        max(coalesce(r.end_date, r.start_date)) as last_round_date,
        cast(count(*) as integer) as round_count,
        first(r.status order by coalesce(r.start_date, r.last_reported) desc nulls last, status_rank(r.status) desc, r.round_id)
            as last_status,
        min(r.first_reported) as first_reported,
        max(r.last_reported) as last_reported,
        cast(sum(r.article_count) as integer) as article_count
    from rounds as r
    group by r.negotiation_id
)

select
    t.negotiation_id,
    coalesce(cn.names || ' talks', 'Talks') as label,
    c.core_sides as sides,
    list_filter(t.all_mediators, lambda m: not list_contains(c.core_sides, m)) as mediators,
    t.first_round_date,
    t.last_round_date,
    t.round_count,
    t.last_status,
    list_filter(t.all_sides, lambda s: not list_contains(c.core_sides, s)) as other_sides,
    t.first_reported,
    t.last_reported,
    t.article_count
from per_track as t
join cores as c on c.negotiation_id = t.negotiation_id
left join core_names as cn on cn.negotiation_id = t.negotiation_id
