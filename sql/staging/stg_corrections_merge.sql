-- stg_corrections_merge: one reference in an analyst's "merge these rounds" correction.
-- Grain: one row per (entry, ref_kind, ref_id).
-- Columns:
--   entry: which merge correction (1, 2, ... in file order); the refs of one entry are one round
--   ref_kind: round (a round_id) | event (an event_id)
--   ref_id: the round or event id
--   note: the analyst's note
select distinct entry, ref_kind, trim(ref_id) as ref_id, note
from {{ source('corrections', 'merge_rounds') }}
where ref_id is not null
