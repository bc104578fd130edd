-- int_mention_cores: the first pass of grouping mentions into rounds: mentions with a date or a
-- round number (the "anchored" ones), linked when they are clearly the same talks, grouped into
-- connected components (label propagation in a recursive CTE).
-- Grain: one row per anchored event mention.
--
-- Two anchored mentions are linked when their sides match, their places are compatible and
--   * both carry the same round number (and, when both are dated, lie within 90 days), or
--   * neither carries a round number and their dates lie within 3 days of each other (or overlap).
-- A link never joins two different round numbers, nor a numbered mention to an unnumbered one:
-- unnumbered cores join numbered ones later, one each (int_round_members), so a mention without
-- a number can never chain round 3 and round 4 together.
-- Columns:
--   event_id: an anchored mention
--   core_id: event_id of the earliest-published mention of its component
--   core_round_number: the round number of the component (null if none of its mentions has one)
with recursive mentions as (
    select event_id, mention_rank, round_number
    from {{ ref('int_event_mentions') }}
    where is_dated or round_number is not null
),

links as (
    select p.event_id, p.other_event_id
    from {{ ref('int_mention_pairs') }} as p
    join mentions as a on a.event_id = p.event_id
    join mentions as b on b.event_id = p.other_event_id
    where p.parties_match
      and p.place_compatible
      and not p.round_numbers_conflict
      and (
          (p.same_round_number and coalesce(p.date_gap_days, 0) <= 90)
          or (a.round_number is null and b.round_number is null and p.date_gap_days <= 3)
      )
),

undirected as (
    select event_id, other_event_id from links
    union
    select other_event_id, event_id from links
),

-- connected components by label propagation: each mention takes the smallest mention_rank
-- among its neighbours until nothing changes (USING KEY keeps one row per mention)
components (event_id, label) using key (event_id) as (
    select event_id, mention_rank from mentions
    union
    select u.other_event_id, min(c.label)
    from components as c
    join undirected as u on u.event_id = c.event_id
    join recurring.components as current on current.event_id = u.other_event_id
    group by u.other_event_id
    having min(c.label) < min(current.label)
),

cores as (
    select c.event_id, m.event_id as core_id
    from components as c
    join mentions as m on m.mention_rank = c.label
)

select
    c.event_id,
    c.core_id,
    max(m.round_number) over (partition by c.core_id) as core_round_number
from cores as c
join mentions as m on m.event_id = c.event_id
