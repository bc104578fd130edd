-- stg_corrections_not_round: an analyst's "this mention is not a negotiation round" correction.
-- Grain: one row per event_id.
-- Columns:
--   event_id: the event mention to leave out of every round
--   note: the analyst's note
select trim(event_id) as event_id, first(note order by entry) as note
from {{ source('corrections', 'not_a_round') }}
where event_id is not null
group by trim(event_id)
