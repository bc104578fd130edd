-- int_undated_attachments: an undated mention without a round number that joins the dated round
-- (core) it agrees with best.
-- Grain: one row per attached undated mention (it joins exactly one core).
--
-- The mention may join a core that has a dated mention of a compatible class (int_class_pairs:
-- sides match, places compatible) within the mention's window (the days its status and
-- publication day allow; all days when the publication day is unknown) and that agrees with it:
-- both name a place, or it names one of the mention's participants. Agreement with the core
-- counts 2 when such a dated mention names an agreeing place, plus 1 for each of the mention's
-- participants named by one of them (the core's reports together, not one report alone). The
-- mention joins the core it agrees with most, then the nearest in time (days from its
-- publication to the start date of the nearest such dated mention), then the one whose such
-- mention was published first. Read from the cores' coverage runs (int_core_coverage), so a
-- mention is compared with a core's distinct dates, not with each of its reports.
-- Columns:
--   event_id: the undated mention
--   core_id: the core it joins (int_mention_cores.core_id)
--   agreement: 2 when the places agree, plus the participants shared
--   distance_days: days from the mention's publication to the nearest start date of the core's
--     dated mentions it may join (null when the publication day is unknown)
with undated as (
    select event_id, class_id, published_date, span_lo, span_hi, participant_keys
    from {{ ref('int_event_mentions') }}
    where not is_dated and round_number is null
),

pairs as (
    select class_id, other_class_id, place_agree from {{ ref('int_class_pairs') }}
),

dated_runs as (
    select class_id, core_id, person_key, lo, hi, spans
    from {{ ref('int_core_coverage') }}
    where kind = 'dates'
),

probes as (
    -- where to look: the compatible classes' runs of all mentions where the places agree, and
    -- the runs of the participants the mention names
    select
        event_id, published_date, span_lo, span_hi, other_class_id, person_key,
        span_lo as lo, span_hi as hi, {'class_id': other_class_id, 'person_key': person_key} as match_key
    from class_probes('undated', 'pairs', true)
),

run_ranges as (
    select core_id, lo, hi, spans, {'class_id': class_id, 'person_key': person_key} as match_key
    from dated_runs
),

bounded_hits as (
    select
        a.event_id, a.published_date, a.person_key, b.core_id,
        list_filter(b.spans, lambda s: s.lo <= a.span_hi and a.span_lo <= s.hi) as spans
    from overlapping_days('probes', 'run_ranges')
),

open_hits as (
    -- a window without bounds allows every day
    select p.event_id, p.published_date, p.person_key, r.core_id, r.spans
    from probes as p
    join dated_runs as r on r.class_id = p.other_class_id and r.person_key = p.person_key
    where p.span_lo is null or p.span_hi is null
),

hits as (
    -- per hit, the nearest of its dated mentions that the window allows: days from the
    -- publication to its start, then the earliest-published
    select
        event_id,
        core_id,
        person_key,
        published_date is not null as has_day,
        list_min(list_transform(spans, lambda s: {
            'distance': coalesce(abs(date_diff('day', published_date, s.lo)), 0),
            'rank': s.first_rank
        })) as nearest
    from (
        select * from bounded_hits
        union all
        select * from open_hits
    )
),

scored as (
    select
        event_id,
        core_id,
        2 * max(case when person_key = '' then 1 else 0 end) + count(distinct nullif(person_key, '')) as agreement,
        min(nearest) as nearest,
        bool_and(has_day) as has_day
    from hits
    group by event_id, core_id
)

select
    event_id,
    core_id,
    cast(agreement as integer) as agreement,
    case when has_day then cast(nearest.distance as integer) end as distance_days
from scored
qualify row_number() over (partition by event_id order by agreement desc, nearest) = 1
