-- int_mention_cores: the first pass of grouping mentions into rounds: mentions with a date or a
-- round number (the "anchored" ones), linked when they are clearly the same talks, grouped into
-- connected components.
-- Grain: one row per anchored event mention.
--
-- Two anchored mentions are linked when their classes are compatible (int_class_pairs: sides
-- match, places compatible, same split corrections) and
--   * both carry the same round number, and either is undated or their dates lie within
--     numbered_round_days(), or
--   * neither carries a round number and their dates lie within merge_days() of each other (or
--     overlap), or
--   * they carry different round numbers, at least one of them names a place, and both give
--     day-precise dates that overlap (the same day): one report counts the rounds of this format,
--     another overall ("round 1" and "round 3" of one meeting). Without a place, or on different
--     days, different numbers stay two rounds;
--   * one names some of the other's sides, both at a city or venue that agree (int_subset_pairs:
--     "Russia–Ukraine talks in Abu Dhabi" beside "Russia–Ukraine–US talks in Abu Dhabi"), and
--     both give day-precise dates: within merge_days() of each other with the same round number
--     or none, the same day with two different numbers. Two pairs sharing one side never link.
-- A numbered mention is never linked to an unnumbered one: unnumbered cores join numbered ones
-- later, one each (int_core_targets), so a mention without a number can never chain round 3 and
-- round 4 together (nor can a date a day apart: only the same day joins two numbers).
--
-- Computed without pairing mentions: within a class every two mentions are compatible, so the
-- class's mentions sorted by date fall into islands, a new island starting where a mention begins
-- more than merge_days() (numbered: numbered_round_days()) after every earlier one has ended; an
-- island is connected and two islands of a class are not. A mention is then linked to each island
-- of a compatible class whose first-to-last days come within reach of its dates: inside an island
-- no gap is as long as the reach window, so that island holds a mention within reach. The islands
-- and those links have the same connected components as the links between mentions, at a cost that
-- grows with the mentions, not with their pairs. A numbered class with an undated mention is one
-- island (that mention links to all the others). Links across round numbers need days that truly
-- overlap, which an island's first-to-last days do not promise, so they compare the classes' runs
-- of overlapping day-precise dates instead (a run covers every day between its ends, and lies in
-- one island). Links to a class naming more sides compare each day-precise mention with that
-- class's runs of day-precise dates merged with the same gap as the link allows.
-- Columns:
--   event_id: an anchored mention
--   core_id: event_id of the earliest-published mention of its component
--   core_round_number: a round number of the component (the largest; null if none of its
--     mentions has one); int_rounds picks the round's number by vote
--   island_id: event_id of the earliest-published mention of its island within the class
with anchored as (
    select
        event_id,
        mention_rank as node,
        class_id,
        round_number,
        is_dated,
        date_precision = 'day' as is_day_precise,
        date_lo,
        date_hi,
        case when round_number is null then merge_days() else numbered_round_days() end as reach
    from {{ ref('int_event_mentions') }}
    where is_dated or round_number is not null
),

class_pairs as (
    select class_id, other_class_id
    from {{ ref('int_class_pairs') }}
    where round_number is not distinct from other_round_number
),

cross_number_pairs as (
    -- classes with two different round numbers that may still be one meeting: a place named
    select class_id, other_class_id
    from {{ ref('int_class_pairs') }}
    where round_number <> other_round_number
      and (location_key is not null or other_location_key is not null)
),

classes as (
    select
        a.class_id,
        bool_or(not a.is_dated) as has_undated,
        bool_or(s.class_id is not null) as self_compatible
    from anchored as a
    left join class_pairs as s on s.class_id = a.class_id and s.other_class_id = a.class_id
    group by a.class_id
),

ordered as (
    select
        a.*,
        c.has_undated,
        c.self_compatible,
        max(a.date_hi) over (
            partition by a.class_id order by a.date_lo, a.date_hi, a.node
            rows between unbounded preceding and 1 preceding
        ) as reached
    from anchored as a
    join classes as c on c.class_id = a.class_id
),

numbered_islands as (
    select
        *,
        case
            when not self_compatible then node  -- a class that names no side: each mention alone
            when has_undated then 0
            else cast(sum(case when reached is null or date_lo > reached + reach then 1 else 0 end) over (
                partition by class_id order by date_lo, date_hi, node rows unbounded preceding
            ) as bigint)
        end as island_no
    from ordered
),

islands as (
    select
        class_id,
        island_no,
        min(node) as island,
        min(date_lo) as lo,
        max(date_hi) as hi,
        bool_or(not is_dated) as is_open
    from numbered_islands
    group by class_id, island_no
),

members as (
    select m.event_id, m.node, m.class_id, m.is_dated, m.date_lo - m.reach as lo, m.date_hi + m.reach as hi, i.island
    from numbered_islands as m
    join islands as i on i.class_id = m.class_id and i.island_no = m.island_no
),

probes as (
    -- each anchored mention, once per other class it may link to
    select m.island as from_island, m.is_dated, m.lo, m.hi, p.other_class_id
    from members as m
    join class_pairs as p on p.class_id = m.class_id and p.other_class_id <> m.class_id
),

open_links as (
    -- an undated numbered mention, or an island holding one, links whatever the dates
    select distinct p.from_island as a, i.island as b
    from probes as p
    join islands as i on i.class_id = p.other_class_id
    where not p.is_dated or i.is_open
),

dated_probes as (
    select from_island, lo, hi, other_class_id as match_key
    from probes
    where is_dated
),

dated_islands as (
    select island, lo, hi, class_id as match_key
    from islands
    where not is_open
),

dated_links as (
    select distinct a.from_island as a, b.island as b
    from overlapping_days('dated_probes', 'dated_islands')
),

subset_pairs as (
    -- a class naming some of another's sides at the same named place (int_subset_pairs), and
    -- how many days apart their day-precise reports may lie: with the same number or none,
    -- merge_days(); with two different numbers, only the same day (as above). An unnumbered
    -- class and a numbered one are left to int_core_targets, as for any unnumbered core
    select
        class_id,
        superset_class_id,
        case when round_number is not distinct from superset_round_number then merge_days() else 0 end as gap
    from {{ ref('int_subset_pairs') }}
    where round_number is not distinct from superset_round_number
       or (round_number is not null and superset_round_number is not null)
),

day_spans as (
    -- day-precise dates of classes whose mentions can be one round at all, with their island
    select m.class_id, m.island, a.node, a.date_lo as lo, a.date_hi as hi
    from members as m
    join anchored as a on a.event_id = m.event_id
    where a.is_day_precise
      and m.class_id in (select class_id from classes where self_compatible)
),

run_gaps as (
    -- the classes whose day-precise dates are merged into runs, and how far apart they may lie:
    -- 0 where only the same day links (different round numbers), or a subset pair's gap
    select distinct class_id, 0 as gap
    from cross_number_pairs
    union
    select superset_class_id, gap
    from subset_pairs
),

run_spans as (
    select s.*, g.gap, {'class_id': s.class_id, 'gap': g.gap} as run_key
    from day_spans as s
    join run_gaps as g on g.class_id = s.class_id
),

day_runs as (
    -- a class's day-precise dates merged into runs: with gap 0 every day of a run is some
    -- mention's; a run lies in one island (islands break only at longer gaps)
    select run_key, any_value(island) as island, min(lo) as lo, max(hi) as hi
    from runs_of_days('run_spans')
    group by run_key, run_no
),

day_probes as (
    select r.island as from_island, r.lo, r.hi, {'class_id': p.other_class_id, 'gap': 0} as match_key
    from day_runs as r
    join cross_number_pairs as p on p.class_id = r.run_key.class_id
    where r.run_key.gap = 0
),

day_targets as (
    select island, lo, hi, run_key as match_key
    from day_runs
),

same_day_links as (
    select distinct a.from_island as a, b.island as b
    from overlapping_days('day_probes', 'day_targets')
),

subset_probes as (
    -- each day-precise mention of a class naming some of another's sides, widened by the days
    -- two reports of one meeting may lie apart, against that class's runs (exact: a probe is one
    -- mention and no hole in a run is that long)
    select
        s.island as from_island,
        s.lo - p.gap as lo,
        s.hi + p.gap as hi,
        {'class_id': p.superset_class_id, 'gap': p.gap} as match_key
    from day_spans as s
    join subset_pairs as p on p.class_id = s.class_id
),

subset_links as (
    select distinct a.from_island as a, b.island as b
    from overlapping_days('subset_probes', 'day_targets')
),

edges as (
    select a, b from open_links
    union all
    select a, b from dated_links
    union all
    select a, b from same_day_links
    union all
    select a, b from subset_links
),

ranks as (
    select mention_rank, event_id, round_number from {{ ref('int_event_mentions') }}
),

island_nodes as (
    select i.island as node, r.event_id as id
    from islands as i
    join ranks as r on r.mention_rank = i.island
),

island_cores as (
    -- an island's core: the component of islands it lies in, named after its founder
    select node as island, id as island_id, founder_id as core_id
    from component_founders('island_nodes', 'edges')
)

select
    m.event_id,
    c.core_id,
    max(self.round_number) over (partition by c.core_id) as core_round_number,
    c.island_id
from members as m
join island_cores as c on c.island = m.island
join ranks as self on self.mention_rank = m.node
