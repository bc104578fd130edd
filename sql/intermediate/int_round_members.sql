-- int_round_members: the round each event mention belongs to, and that round's stable id.
-- Grain: one row per event mention (those marked "not a round" are left out).
--
-- Builds on the anchored cores (int_mention_cores) in steps that can never chain two rounds:
--   1. an unnumbered core joins the one numbered core it fits best (sides match, places
--      compatible, dates within 3 days; or, when the numbered core is undated, its time window
--      allows the date and place or participants agree);
--   2. an undated mention without a round number joins the one dated mention it agrees with
--      best: sides match, places compatible, its status/publication window allows the date, and
--      its place or its participants agree (most agreement, then nearest in time);
--   3. undated mentions that joined nothing group among themselves on the same conditions when
--      their articles were published within 7 days of each other (two undated reports of one
--      meeting come out together; weeks apart they are more likely two meetings), or stay a
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
with recursive mentions as (
    select * from {{ ref('int_event_mentions') }}
),

pairs as (
    select * from {{ ref('int_mention_pairs') }}
),

cores as (
    select * from {{ ref('int_mention_cores') }}
),

number_candidates as (
    select
        cu.core_id,
        cn.core_id as target_core_id,
        min(p.date_gap_days) as gap,
        count(*) as links
    from pairs as p
    join cores as cu on cu.event_id = p.event_id and cu.core_round_number is null
    join cores as cn on cn.event_id = p.other_event_id and cn.core_round_number is not null
    where p.parties_match
      and p.place_compatible
      and (
          p.date_gap_days <= 3
          or (p.date_gap_days is null and p.spans_overlap and (p.place_agree or p.shared_participants > 0))
      )
    group by cu.core_id, cn.core_id
),

number_choice as (
    select n.core_id, n.target_core_id
    from number_candidates as n
    join mentions as t on t.event_id = n.target_core_id
    qualify row_number() over (partition by n.core_id order by n.gap nulls last, n.links desc, t.mention_rank) = 1
),

undated as (
    select * from mentions where not is_dated and round_number is null
),

undated_candidates as (
    select
        p.event_id,
        p.other_event_id as target_event_id,
        (case when p.place_agree then 2 else 0 end) + p.shared_participants as agreement,
        abs(date_diff('day', u.published_date, t.date_lo)) as distance,
        t.mention_rank as target_rank
    from pairs as p
    join undated as u on u.event_id = p.event_id
    join mentions as t on t.event_id = p.other_event_id and t.is_dated
    where p.parties_match
      and p.place_compatible
      and p.spans_overlap
      and (p.place_agree or p.shared_participants > 0)
),

undated_choice as (
    select event_id, target_event_id
    from undated_candidates
    qualify row_number() over (
        partition by event_id order by agreement desc, distance nulls last, target_rank
    ) = 1
),

leftover_links as (
    select p.event_id, p.other_event_id
    from pairs as p
    join undated as a on a.event_id = p.event_id
    join undated as b on b.event_id = p.other_event_id
    where a.event_id not in (select event_id from undated_choice)
      and b.event_id not in (select event_id from undated_choice)
      and p.parties_match
      and p.place_compatible
      and p.spans_overlap
      and coalesce(p.published_gap_days <= 7, true)
      and (p.place_agree or p.shared_participants > 0)
),

merge_refs as (
    select distinct s.entry, m.event_id
    from {{ ref('stg_corrections_merge') }} as s
    join mentions as m
        on (s.ref_kind = 'event' and s.ref_id = m.event_id)
        or (s.ref_kind = 'round' and s.ref_id = short_id('r_', m.event_id))
),

edges as (
    select event_id as a, core_id as b from cores
    union all
    select core_id, target_core_id from number_choice
    union all
    select event_id, target_event_id from undated_choice
    union all
    select event_id, other_event_id from leftover_links
    union all
    select event_id, min(event_id) over (partition by entry) from merge_refs
),

undirected as (
    select a, b from edges
    union
    select b, a from edges
),

-- connected components by label propagation (see int_mention_cores)
components (event_id, label) using key (event_id) as (
    select event_id, mention_rank from mentions
    union
    select u.b, min(c.label)
    from components as c
    join undirected as u on u.a = c.event_id
    join recurring.components as current on current.event_id = u.b
    group by u.b
    having min(c.label) < min(current.label)
),

rounds as (
    select c.event_id, m.event_id as founder_event_id
    from components as c
    join mentions as m on m.mention_rank = c.label
)

select
    r.event_id,
    short_id('r_', r.founder_event_id) as round_id,
    r.founder_event_id,
    case
        when r.event_id in (select event_id from cores) then 'anchored'
        when r.event_id in (select event_id from undated_choice) then 'attached'
        else 'undated'
    end as membership,
    r.event_id in (select event_id from merge_refs) as merged_by_correction
from rounds as r
