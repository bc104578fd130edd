-- stg_corrections_split: one reference in an analyst's "split these off" correction.
-- Grain: one row per (entry, ref_kind, ref_id).
-- Columns:
--   entry: which split correction (1, 2, ... in file order); its mentions form rounds apart from all others
--   ref_kind: event (an event_id) | article (every event mention of an article_id)
--   ref_id: the event or article id
--   note: the analyst's note
select distinct entry, ref_kind, trim(ref_id) as ref_id, note
from {{ source('corrections', 'split_rounds') }}
where ref_id is not null
