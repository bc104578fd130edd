-- int_negotiation_tracks: the negotiation track each set of round sides belongs to, and the
-- track's core sides.
-- Grain: one row per distinct side set of the rounds (int_rounds.sides) with two or more sides.
--
-- A track is the series of rounds between the same core sides: Russia, Ukraine and the United
-- States; Russia, Turkey and Iran in the Astana format. Its rounds need not all seat every core
-- side (a Russia–United States meeting is a round of the Russia–Ukraine–United States talks) and
-- may seat a guest (Syria at some Astana rounds). The rule, over all rounds whatever the scope:
--   1. Two sides have met when both are sides of one round. A side set is established when every
--      two of its sides have met in at least two rounds: sides that keep meeting.
--   2. The cores are the established side sets that lie inside no larger established one. Cores
--      never contain one another, and every established side set lies inside one.
--   3. An established side set joins the core it lies inside (a part of the core's sides meet);
--      of several, the core whose own and smaller side sets hold the most rounds, then the larger
--      core, then by its sides.
--   4. A side set that is not established (its sides have not all met twice) is a core with
--      guests, or a part of one with guests: it joins the track of the largest established side
--      set inside it (then a core before a part, then the most rounds), where that set is a core,
--      or where none of the guests is a core side of another track (the European Union at a
--      Ukraine–United States meeting joins the Ukraine talks; Iran at a Russia–United States
--      meeting, Iran being a side of the Iran–United States talks, does not).
--   5. A side set that joins nothing is the core of a track of its own (a negotiation seen once).
-- So a bilateral meeting of two core sides joins the wider talks, a guest seen once joins the
-- core without it, and sides seen together repeatedly become the core (once Syria has sat at two
-- Astana rounds, the track is Iran–Russia–Syria–Turkey). Side sets join a core, never a chain of
-- side sets, so two negotiations sharing a side (Russia in Astana and in the Ukraine talks) stay
-- apart. Time and topic are not read: the same core sides in 2022 and 2025 are one track.
-- negotiation_id comes from the core sides alone, so a track keeps its id as rounds join it; it
-- changes only when its core does (a first Russia–Ukraine–United States round makes the three
-- bilateral tracks one).
-- Columns:
--   sides: a side set of some rounds (sorted)
--   sides_key: the sides joined by commas
--   round_count: rounds with exactly these sides
--   is_established: every two of the sides have met in at least two rounds
--   weakest_link: the fewest rounds any two of the sides have met in
--   core_sides: the sides of the track's core (sorted)
--   core_key: the core's sides joined by commas
--   negotiation_id: 'n_' + 16 hex of sha256 of core_key
--   relation: core (these sides are the core), within (a part of the core's sides meet),
--     beyond (core sides, or a part of them, with guests)
with rounds as (
    select round_id, sides from {{ ref('int_rounds') }}
    where len(sides) >= 2 or len(list_filter(sides, lambda s: s like 'org:%-factions')) > 0
),

side_sets as (
    select sides, array_to_string(sides, ',') as sides_key, count(*) as round_count
    from rounds
    group by sides
),

met as (
    -- how many rounds each two sides sat in together
    select a, b, count(*) as rounds_together
    from rounds, unnest(rounds.sides) as x(a), unnest(rounds.sides) as y(b)
    where a < b
    group by a, b
),

set_pairs as (
    select s.sides_key, a, b
    from side_sets as s, unnest(s.sides) as x(a), unnest(s.sides) as y(b)
    where a < b
),

cohesion as (
    select p.sides_key, min(m.rounds_together) as weakest_link
    from set_pairs as p
    join met as m on m.a = p.a and m.b = p.b
    group by p.sides_key
),

ranked as (
    -- a set of one side (one country's rival sides named together, org:<cc>-factions) has no pairs:
    -- its weakest link is its own round count
    select s.*, coalesce(c.weakest_link, s.round_count) as weakest_link,
        coalesce(c.weakest_link, s.round_count) >= 2 as is_established
    from side_sets as s
    left join cohesion as c on c.sides_key = s.sides_key
),

cores as (
    select e.sides, e.sides_key
    from ranked as e
    where e.is_established
      and not exists (
          select 1 from ranked as o
          where o.is_established and len(o.sides) > len(e.sides) and list_has_all(o.sides, e.sides)
      )
),

core_weight as (
    -- rounds whose sides all are the core's
    select c.sides_key, sum(s.round_count) as rounds_inside
    from cores as c
    join side_sets as s on list_has_all(c.sides, s.sides)
    group by c.sides_key
),

established as (
    -- rule 3 (a core lies inside itself)
    select r.sides_key, r.sides, c.sides as core_sides, c.sides_key as core_key, w.rounds_inside
    from ranked as r
    join cores as c on list_has_all(c.sides, r.sides)
    join core_weight as w on w.sides_key = c.sides_key
    where r.is_established
    qualify row_number() over (
        partition by r.sides_key order by w.rounds_inside desc, len(c.sides) desc, c.sides_key
    ) = 1
),

with_guests as (
    -- rule 4
    select r.sides_key, e.core_sides, e.core_key
    from ranked as r
    join established as e on list_has_all(r.sides, e.sides) and len(e.sides) < len(r.sides)
    where not r.is_established
      and (
          e.sides_key = e.core_key
          or not exists (
              select 1 from cores as other
              where other.sides_key <> e.core_key
                and len(list_intersect(
                    other.sides, list_filter(r.sides, lambda s: not list_contains(e.sides, s))
                )) > 0
          )
      )
    qualify row_number() over (
        partition by r.sides_key
        order by len(e.sides) desc, (e.sides_key = e.core_key) desc, e.rounds_inside desc, e.core_key
    ) = 1
),

assigned as (
    -- rule 5: what joins nothing is its own core
    select
        r.*,
        coalesce(e.core_sides, g.core_sides, r.sides) as core_sides,
        coalesce(e.core_key, g.core_key, r.sides_key) as core_key
    from ranked as r
    left join established as e on e.sides_key = r.sides_key
    left join with_guests as g on g.sides_key = r.sides_key
)

select
    sides,
    sides_key,
    cast(round_count as integer) as round_count,
    is_established,
    cast(weakest_link as integer) as weakest_link,
    core_sides,
    core_key,
    short_id('n_', core_key) as negotiation_id,
    case
        when sides_key = core_key then 'core'
        when list_has_all(core_sides, sides) then 'within'
        else 'beyond'
    end as relation
from assigned
