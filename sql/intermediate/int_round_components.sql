-- int_round_components: the round each event mention belongs to, and that round's stable id,
-- before allusions are settled (int_round_members: a round made only of mentions with no date,
-- place, round number or participant is no round; its mentions join the one round they fit).
-- Grain: one row per event mention (those marked "not a round" are left out).
--
-- Builds on the anchored cores (int_mention_cores) in steps that can never chain two rounds:
--   1. an unnumbered core joins the one numbered core it fits best (int_core_targets: sides
--      match, places compatible, dates within merge_days(); or, when the numbered core's mention is
--      undated, its time window allows the date and place or participants agree);
--   2. an undated mention without a round number joins the one dated core it agrees with best
--      (int_undated_attachments: sides match, places compatible, its status/publication window
--      allows the date, and its place or its participants agree: most agreement, then nearest
--      in time);
--   3. undated mentions that joined nothing group among themselves on the same conditions when
--      their articles were published within undated_publication_days() of each other (int_undated_links), or stay a
--      round of their own;
--   4. an analyst's merge corrections join whole rounds.
-- The resulting connected components are the rounds. A round's id comes from what stays put:
-- its founding mention, the earliest-published one (ties by event_id); later reports that
-- refine the date, place or status join it without changing it.
-- Columns:
--   event_id: the event mention
--   round_id: 'r_' + 16 hex of sha256 of the founding mention's event_id
--   founder_event_id: the round's earliest-published mention
--   membership: anchored (dated or numbered) | attached (undated, joined a dated round) | undated
--   merged_by_correction: the mention is named in an analyst's merge correction
with mentions as (
    select event_id, mention_rank from {{ ref('int_event_mentions') }}
),

cores as (
    select event_id, core_id from {{ ref('int_mention_cores') }}
),

attached as (
    select event_id, core_id from {{ ref('int_undated_attachments') }}
),

merge_refs as (
    select distinct s.entry, m.event_id
    from {{ ref('stg_corrections_merge') }} as s
    join mentions as m
        on (s.ref_kind = 'event' and s.ref_id = m.event_id)
        or (s.ref_kind = 'round' and s.ref_id = short_id('r_', m.event_id))
),

links as (
    select event_id as a, core_id as b from cores
    union all
    select core_id, target_core_id from {{ ref('int_core_targets') }}
    union all
    select event_id, core_id from attached
    union all
    select event_id, other_event_id from {{ ref('int_undated_links') }}
    union all
    select event_id, min(event_id) over (partition by entry) from merge_refs
),

edges as (
    select ma.mention_rank as a, mb.mention_rank as b
    from links as l
    join mentions as ma on ma.event_id = l.a
    join mentions as mb on mb.event_id = l.b
),

nodes as (
    select mention_rank as node, event_id as id from mentions
),

rounds as (
    select id as event_id, founder_id as founder_event_id from component_founders('nodes', 'edges')
)

select
    r.event_id,
    short_id('r_', r.founder_event_id) as round_id,
    r.founder_event_id,
    case
        when r.event_id in (select event_id from cores) then 'anchored'
        when r.event_id in (select event_id from attached) then 'attached'
        else 'undated'
    end as membership,
    r.event_id in (select event_id from merge_refs) as merged_by_correction
from rounds as r
