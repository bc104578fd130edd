-- int_round_members: the round each event mention belongs to, and that round's stable id.
-- Grain: one row per event mention in a round (those marked "not a round", and allusions that
-- fit no single round, are left out).
--
-- The rounds of int_round_components, but a round made only of allusions (mentions with no
-- date, place, round number or participant, int_allusion_fits) is no round: nothing in it tells
-- one meeting of its sides from another. Each of its mentions joins the one round it fits
-- instead, or nothing when it fits none or several. It joins as evidence (its article reports
-- the round) and leaves the round's id, founder, status and sides as they were (int_rounds).
-- Columns:
--   event_id: the event mention
--   round_id: 'r_' + 16 hex of sha256 of the founding mention's event_id
--   founder_event_id: the round's earliest-published mention (never an allusion that joined it)
--   membership: anchored (dated or numbered) | attached (undated, joined a dated round) | undated
--     | allusion (joined the one round it fits)
--   merged_by_correction: the mention is named in an analyst's merge correction
with components as (
    select event_id, round_id, founder_event_id, membership, merged_by_correction
    from {{ ref('int_round_components') }}
),

fits as (
    select event_id, round_id from {{ ref('int_allusion_fits') }}
),

founders as (
    select distinct round_id, founder_event_id from components
)

select c.event_id, c.round_id, c.founder_event_id, c.membership, c.merged_by_correction
from components as c
anti join fits as f on f.event_id = c.event_id
union all
select f.event_id, f.round_id, r.founder_event_id, 'allusion' as membership, false as merged_by_correction
from fits as f
join founders as r on r.round_id = f.round_id
