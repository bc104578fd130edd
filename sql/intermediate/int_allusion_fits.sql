-- int_allusion_fits: the rounds an allusion may stand for. An allusion is a mention with no
-- date, no place, no round number and no participant ("talks between Russia and the US", "the
-- trilateral talks will continue"): nothing in it tells one meeting of its sides from another.
-- Grain: one row per allusion whose round (int_round_components) holds nothing but allusions
-- (rounds an analyst merged are kept as they are, so their allusions are not listed).
--
-- An allusion fits a round that holds something more than allusions when one of the round's
-- mentions is of a compatible class (int_class_pairs: sides match; an allusion names no place,
-- so any place will do) and lies within the allusion's window (the days its status and
-- publication day allow, int_event_mentions.span_lo/span_hi; all days when the publication day
-- is unknown): its reported dates, or, undated, its own window. The round's mentions are
-- compared through their days merged into runs per class (a run covers exactly the days some
-- mention covers), never one by one.
-- Columns:
--   event_id: the allusion
--   fitting_rounds: how many rounds it fits
--   round_id: the round it fits when it fits exactly one, else null
with members as (
    select
        c.round_id,
        c.merged_by_correction,
        m.event_id,
        m.class_id,
        m.span_lo,
        m.span_hi,
        not m.is_dated and m.round_number is null and m.location_key is null and len(m.participant_keys) = 0
            as is_allusion
    from {{ ref('int_round_components') }} as c
    join {{ ref('int_event_mentions') }} as m on m.event_id = c.event_id
),

round_kinds as (
    select round_id, bool_and(is_allusion) and not bool_or(merged_by_correction) as allusions_only
    from members
    group by round_id
),

allusions as (
    select m.event_id, m.class_id, m.span_lo, m.span_hi
    from members as m
    join round_kinds as k on k.round_id = m.round_id
    where k.allusions_only
),

targets as (
    select m.round_id, m.class_id, m.span_lo as lo, m.span_hi as hi
    from members as m
    join round_kinds as k on k.round_id = m.round_id
    where not k.allusions_only
),

ordered as (
    select
        *,
        max(hi) over (
            partition by class_id, round_id order by lo, hi rows between unbounded preceding and 1 preceding
        ) as reached
    from targets
    where lo is not null and hi is not null
),

runs as (
    -- a round's days per class: spans that overlap or touch merged
    select class_id, round_id, min(lo) as lo, max(hi) as hi, false as is_open
    from (
        select
            *,
            sum(case when reached is null or lo > reached + 1 then 1 else 0 end) over (
                partition by class_id, round_id order by lo, hi rows unbounded preceding
            ) as run_no
        from ordered
    )
    group by class_id, round_id, run_no
    union all
    -- an undated mention whose publication day is unknown: its window has no bounds
    select distinct class_id, round_id, null, null, true
    from targets
    where lo is null or hi is null
),

probes as (
    select a.event_id, a.span_lo as lo, a.span_hi as hi, p.other_class_id as match_key
    from allusions as a
    join {{ ref('int_class_pairs') }} as p on p.class_id = a.class_id
),

run_ranges as (
    select round_id, lo, hi, class_id as match_key
    from runs
    where not is_open
),

hits as (
    select a.event_id, b.round_id
    from overlapping_days('probes', 'run_ranges')
    union
    -- an unbounded window on either side allows every day
    select p.event_id, r.round_id
    from probes as p
    join runs as r on r.class_id = p.match_key
    where p.lo is null or p.hi is null or r.is_open
),

counted as (
    select a.event_id, count(h.round_id) as fitting_rounds, any_value(h.round_id) as round_id
    from allusions as a
    left join hits as h on h.event_id = a.event_id
    group by a.event_id
)

select
    event_id,
    cast(fitting_rounds as integer) as fitting_rounds,
    case when fitting_rounds = 1 then round_id end as round_id
from counted
