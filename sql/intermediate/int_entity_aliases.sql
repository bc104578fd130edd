-- int_entity_aliases: where each aliased entity key ends up once alias chains are followed
-- (a -> b and b -> c give a -> c).
-- Grain: one row per alias_key.
--
-- The aliases are the analyst's (corrections) and the people found to be one person under
-- several spellings (int_person_identities); for a key the analyst aliased, the analyst's alias
-- is the one followed. A cycle of aliases (a -> b -> a) is cut after 20 steps; the key reached
-- last is kept, so the result is still deterministic.
-- Columns:
--   alias_key: the entity key folded away (by an analyst or as another spelling of a person)
--   canonical_key: the key it is, at the end of its chain
--   hops: aliases followed to get there
with recursive analyst as (
    select alias_key, canonical_key from {{ ref('stg_corrections_alias') }}
),

edges as (
    select alias_key, canonical_key from analyst
    union all
    select p.alias_key, p.canonical_key
    from {{ ref('int_person_identities') }} as p
    where p.alias_key not in (select alias_key from analyst)
),

walk (alias_key, canonical_key, hops) as (
    select alias_key, canonical_key, 1 from edges
    union all
    select w.alias_key, e.canonical_key, w.hops + 1
    from walk as w
    join edges as e on e.alias_key = w.canonical_key
    where w.hops < 20 and e.canonical_key <> w.alias_key
)

select
    alias_key,
    first(canonical_key order by hops desc, canonical_key) as canonical_key,
    max(hops) as hops
from walk
group by alias_key
