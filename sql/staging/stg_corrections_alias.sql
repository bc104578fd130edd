-- stg_corrections_alias: an analyst's "this entity key is that one" correction (same person or place).
-- Grain: one row per alias_key.
-- Columns:
--   alias_key: the entity key to fold away
--   canonical_key: the entity key it is (may itself be an alias: chains are followed downstream)
--   note: the analyst's note
select trim(alias_key) as alias_key, trim(canonical_key) as canonical_key, note
from {{ source('corrections', 'same_entity') }}
where alias_key is not null and canonical_key is not null and trim(alias_key) <> trim(canonical_key)
qualify row_number() over (partition by trim(alias_key) order by entry) = 1
