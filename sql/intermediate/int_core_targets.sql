-- int_core_targets: an unnumbered core that joins a numbered one: reports of a round that give
-- no round number join the reports that do.
-- Grain: one row per unnumbered core that fits some numbered core (it joins exactly one).
--
-- A mention of the unnumbered core fits a mention of a numbered core when their classes are
-- compatible (int_class_pairs) and either the numbered mention is dated within merge_days() of it,
-- or it is undated, its window (status and publication day) allows the dates (and, when its core
-- has dated mentions, the dates come no later than merge_days() after them), and their places
-- agree or they share a participant. It also fits a mention that names some of its sides, or
-- all of them and more, at a city or venue that agrees (int_subset_pairs), when both give
-- day-precise dates within merge_days(). Of the numbered cores it fits, the unnumbered core joins the
-- one with the smallest gap in days (a fit through undated mentions only has none and comes last),
-- then the one with the most fitting pairs of mentions, then the earliest-published; so an
-- unnumbered core never chains two round numbers together. Gaps and counts are read from the
-- numbered cores' coverage runs and their distinct dates (int_core_coverage), not from their
-- mentions one by one. (An undated mention sharing two participants with one of the core's
-- mentions, with no place agreeing, counts twice.) A numbered mention recalled as held without a
-- date, at a city or venue that agrees, fits a dated mention up to numbered_recall_days() before its
-- report: the number and the place name the one meeting, however long ago it was.
-- Columns:
--   core_id: the unnumbered core (int_mention_cores.core_id)
--   target_core_id: the numbered core it joins
--   gap_days: days between their nearest dates, null when it fits only through undated mentions
--   fitting_pairs: pairs of mentions (one of each core) that fit
with cores as (
    select event_id, core_id, core_round_number from {{ ref('int_mention_cores') }}
),

probes as (
    -- every mention of an unnumbered core is dated and has no round number
    select m.event_id, c.core_id, m.class_id, m.date_lo, m.date_hi, m.participant_keys, m.date_precision = 'day' as is_day_precise
    from {{ ref('int_event_mentions') }} as m
    join cores as c on c.event_id = m.event_id
    where c.core_round_number is null
),

pairs as (
    select class_id, other_class_id, place_agree
    from {{ ref('int_class_pairs') }}
    where round_number is null and other_round_number is not null
),

subset_pairs as (
    -- an unnumbered class and a numbered one, either naming some of the other's sides: compared
    -- on day-precise dates only
    select class_id, superset_class_id as other_class_id
    from {{ ref('int_subset_pairs') }}
    where round_number is null and superset_round_number is not null
    union all
    select superset_class_id, class_id
    from {{ ref('int_subset_pairs') }}
    where superset_round_number is null and round_number is not null
),

coverage as (
    select * from {{ ref('int_core_coverage') }}
),

dated_probes as (
    -- each mention's dates widened by the days two meetings may lie apart, per compatible class
    select
        p.core_id, p.date_lo, p.date_hi, {'class_id': cp.other_class_id, 'kind': 'dates'} as match_key,
        p.date_lo - merge_days() as lo, p.date_hi + merge_days() as hi
    from probes as p
    join pairs as cp on cp.class_id = p.class_id
    union all
    select
        p.core_id, p.date_lo, p.date_hi, {'class_id': sp.other_class_id, 'kind': 'days'},
        p.date_lo - merge_days(), p.date_hi + merge_days()
    from probes as p
    join subset_pairs as sp on sp.class_id = p.class_id
    where p.is_day_precise
),

dated_runs as (
    select {'class_id': class_id, 'kind': kind} as match_key, core_id, lo, hi, spans
    from coverage
    where kind in ('dates', 'days') and person_key = ''
),

dated_hits as (
    -- dated mentions of a numbered core within merge_days() (each pair once)
    select
        a.core_id,
        b.core_id as target_core_id,
        greatest(date_diff('day', a.date_hi, b.lo), date_diff('day', b.hi, a.date_lo), 0) as gap,
        list_sum(list_transform(
            list_filter(b.spans, lambda s: s.lo <= a.hi and a.lo <= s.hi),
            lambda s: s.mentions
        )) as fitting
    from overlapping_days('dated_probes', 'dated_runs')
),

dated_cores as (
    select core_id, max(hi) as last_day from coverage where kind = 'dates' group by core_id
),

window_probes as (
    -- the other classes' undated windows to look in: all of them where the places agree, else
    -- those naming one of the participants
    select core_id, date_lo, date_hi, other_class_id, person_key
    from class_probes('probes', 'pairs', false)
),

window_hits as (
    -- undated mentions of a numbered core whose windows allow the dates
    select
        p.core_id,
        w.core_id as target_core_id,
        cast(null as bigint) as gap,
        case
            when w.is_open then w.mentions
            else list_sum(list_transform(
                list_filter(w.spans, lambda s: s.lo <= p.date_hi and p.date_lo <= s.hi),
                lambda s: s.mentions
            ))
        end as fitting
    from window_probes as p
    join coverage as w
        on w.kind = 'windows' and w.class_id = p.other_class_id and w.person_key = p.person_key
    -- a numbered core with a date of its own takes no talks dated after it (beyond merge_days()):
    -- a plan's four months of window would otherwise take in whatever met there months later
    left join dated_cores as d on d.core_id = w.core_id
    where (w.is_open or (w.lo <= p.date_hi and p.date_lo <= w.hi))
      and (d.core_id is null or p.date_lo <= d.last_day + merge_days())
),

recall_hits as (
    -- a numbered round recalled as held, undated, at a place that agrees («الجولة الأولى التي عقدت
    -- في كراكاس»): the dated talks there within numbered_recall_days() before the recall
    select p.core_id, c.core_id as target_core_id, cast(null as bigint) as gap, count(*) as fitting
    from probes as p
    join pairs as cp on cp.class_id = p.class_id and cp.place_agree
    join {{ ref('int_event_mentions') }} as m on m.class_id = cp.other_class_id
    join cores as c on c.event_id = m.event_id
    where not m.is_dated
      and m.status = 'held'
      and m.location_kind in ('city', 'venue')  -- a country says too little to name the meeting
      and p.date_lo <= m.published_date + 1
      and m.published_date - numbered_recall_days() <= p.date_hi
    group by p.core_id, c.core_id
),

candidates as (
    select core_id, target_core_id, min(gap) as gap, sum(fitting) as fitting
    from (
        select * from dated_hits
        union all
        select * from window_hits
        union all
        select * from recall_hits
    )
    group by core_id, target_core_id
)

select c.core_id, c.target_core_id, cast(c.gap as integer) as gap_days, cast(c.fitting as integer) as fitting_pairs
from candidates as c
join {{ ref('int_event_mentions') }} as t on t.event_id = c.target_core_id
qualify row_number() over (partition by c.core_id order by c.gap nulls last, c.fitting desc, t.mention_rank) = 1
