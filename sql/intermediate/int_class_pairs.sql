-- int_class_pairs: two classes of event mentions whose mentions may report the same round: their
-- parties match once each sets aside what the other calls a mediator, their non-state sides do
-- not contradict (one's org:<slug> sides include the other's: a report naming Hamas and one
-- naming only the Palestinian side may be the same talks, one naming Hamas and one naming
-- Islamic Jihad are not), their places do not contradict (either unknown, the same, or one
-- inside the other) and they are named in the same split corrections.
-- Grain: one row per ordered pair (class_id, other_class_id), both directions present, and a
-- class paired with itself when its mentions can be one round (it names at least one side).
--
-- A class is every mention with the same split key, sides, mediators, place and round number
-- (int_event_mentions.class_id): there are as many as there are such combinations, however many
-- reports repeat them. Every grouping rule compares a mention with another class's mentions
-- through this table, and with them only through their dates (int_mention_cores,
-- int_core_targets, int_undated_attachments, int_undated_links): mentions are never paired one
-- by one, which would grow with the square of the reports.
-- Columns:
--   class_id: one class
--   other_class_id: the other class (the same one for the pair of a class with itself)
--   place_agree: both name a place and the places are compatible
--   round_number: the round number of class_id's mentions, null if none
--   other_round_number: the round number of other_class_id's mentions, null if none
--   location_key: the place of class_id's mentions
--   other_location_key: the place of other_class_id's mentions
with classes as (
    select
        class_id,
        any_value(split_key) as split_key,
        any_value(parties) as parties,
        any_value(org_sides(sides)) as org_sides,
        any_value(mediators) as mediators,
        any_value(location_key) as location_key,
        any_value(round_number) as round_number
    from {{ ref('int_event_mentions') }}
    group by class_id
),

mediator_codes as (
    select coalesce(list(distinct code), []::VARCHAR[]) as codes
    from (select unnest(mediators) as code from classes)
),

blocked as (
    -- sides that no mention anywhere calls a mediator: two classes whose sides match always
    -- name the same such sides (what one sets aside is a mediator of the other), so only
    -- classes with the same ones are compared
    select c.class_id, c.split_key, list_filter(c.parties, lambda p: not list_contains(m.codes, p)) as block
    from classes as c, mediator_codes as m
),

same_block as (
    select a.class_id, b.class_id as other_class_id
    from blocked as a
    join blocked as b on b.block = a.block and b.split_key = a.split_key
),

ancestors as (
    select location_key, ancestor_key from {{ ref('int_location_ancestors') }}
),

compared as (
    select
        s.class_id,
        s.other_class_id,
        parties_match(a.parties, a.mediators, b.parties, b.mediators)
            and (list_has_all(a.org_sides, b.org_sides) or list_has_all(b.org_sides, a.org_sides)) as parties_match,
        a.location_key is null or b.location_key is null
            or a.location_key = b.location_key
            or ab.location_key is not null
            or ba.location_key is not null as place_ok,
        a.location_key is not null and b.location_key is not null as both_placed,
        a.round_number,
        b.round_number as other_round_number,
        a.location_key,
        b.location_key as other_location_key
    from same_block as s
    join classes as a on a.class_id = s.class_id
    join classes as b on b.class_id = s.other_class_id
    left join ancestors as ab on ab.location_key = a.location_key and ab.ancestor_key = b.location_key
    left join ancestors as ba on ba.location_key = b.location_key and ba.ancestor_key = a.location_key
)

select
    class_id,
    other_class_id,
    both_placed as place_agree,
    round_number,
    other_round_number,
    location_key,
    other_location_key
from compared
where parties_match and place_ok
