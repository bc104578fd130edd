-- int_location_ancestors: a place and each place it lies in (itself included): the basis of
-- "compatible places" (a city inside a country-level mention, a venue inside its city).
-- Grain: one row per (location_key, ancestor_key).
--
-- Follows parent_key chains (venue -> city -> country). A place with a country code also lies
-- in that country's place even when its chain is incomplete (the city's own entity row was
-- never seen), so "Dolmabahce Palace" is still inside "Turkey".
-- Columns:
--   location_key: a place
--   ancestor_key: the place itself (distance 0) or one it lies in
--   distance: steps up the chain (0 = itself)
with recursive places as (
    select entity_key, parent_key, country_code, location_kind
    from {{ ref('int_entities') }}
    where kind = 'location'
),

parents as (
    select entity_key as child_key, parent_key from places where parent_key is not null
    union
    select p.entity_key, c.entity_key
    from places as p
    join places as c on c.location_kind = 'country' and c.country_code = p.country_code
    where p.country_code is not null and coalesce(p.location_kind, '') <> 'country'
),

walk (location_key, ancestor_key, distance) as (
    select entity_key, entity_key, 0 from places
    union
    select w.location_key, p.parent_key, w.distance + 1
    from walk as w
    join parents as p on p.child_key = w.ancestor_key
    where w.distance < 8
)

select location_key, ancestor_key, min(distance) as distance
from walk
group by location_key, ancestor_key
