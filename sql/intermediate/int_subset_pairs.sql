-- int_subset_pairs: two classes of event mentions where one names some of the other's sides at
-- the same named place: reports of one meeting that name different subsets of its sides
-- ("Russia–Ukraine talks in Abu Dhabi" beside "Russia–Ukraine–US talks in Abu Dhabi").
-- Grain: one row per (class_id, superset_class_id).
--
-- The class's sides (at least two) are all sides of the other class, which names more, once each
-- sets aside what the other calls a mediator (as parties_match does); both name a city or a venue
-- (a country alone says too little to put two reports in one room) and the places are the same
-- or one lies in the other; both are named in the same split corrections. Only a subset counts:
-- two pairs sharing one side (US–Ukraine and US–Russia in Riyadh) are never paired, and classes
-- int_class_pairs already pairs are left to it. Whether the mentions of such classes are one
-- round is decided on their day-precise dates: with the same round number or none in
-- int_mention_cores, an unnumbered class with a numbered one in int_core_targets (an unnumbered
-- core joins one numbered core at most).
--
-- Classes are compared only with classes at a compatible place (an equality join on the place
-- and its ancestors), never with every class.
-- Columns:
--   class_id: the class naming fewer sides
--   superset_class_id: the class naming all of them and more
--   round_number: the round number of class_id's mentions, null if none
--   superset_round_number: the round number of superset_class_id's mentions, null if none
with classes as (
    select
        class_id,
        any_value(split_key) as split_key,
        any_value(sides) as sides,
        any_value(mediators) as mediators,
        any_value(location_key) as location_key,
        any_value(round_number) as round_number
    from {{ ref('int_event_mentions') }}
    where location_kind in ('city', 'venue') and len(sides) >= 2
    group by class_id
),

ancestors as (
    select location_key, ancestor_key from {{ ref('int_location_ancestors') }}
),

placed as (
    -- each class under its own place and each place that place lies in
    select c.*, coalesce(a.ancestor_key, c.location_key) as place_key
    from classes as c
    left join ancestors as a on a.location_key = c.location_key
),

compatible as (
    -- a class and another at the same place or at a place inside its own
    select distinct
        o.class_id as a_id, i.class_id as b_id
    from classes as o
    join placed as i on i.place_key = o.location_key and i.split_key = o.split_key
    where i.class_id <> o.class_id
),

both_ways as (
    select a_id, b_id from compatible
    union
    select b_id, a_id from compatible
),

compared as (
    select
        a.class_id,
        b.class_id as superset_class_id,
        list_filter(a.sides, lambda s: not list_contains(b.mediators, s)) as own,
        list_filter(b.sides, lambda s: not list_contains(a.mediators, s)) as other,
        a.round_number,
        b.round_number as superset_round_number
    from both_ways as w
    join classes as a on a.class_id = w.a_id
    join classes as b on b.class_id = w.b_id
    anti join {{ ref('int_class_pairs') }} as cp on cp.class_id = w.a_id and cp.other_class_id = w.b_id
)

select class_id, superset_class_id, round_number, superset_round_number
from compared
where len(own) >= 2 and len(other) > len(own) and list_has_all(other, own)
