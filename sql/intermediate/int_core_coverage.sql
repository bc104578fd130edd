-- int_core_coverage: the days a core's mentions of one class cover, merged into runs: what the
-- later grouping rules compare a mention with instead of each of those mentions one by one.
-- Grain: one row per (kind, class_id, core_id, person_key, run).
--
-- kind 'dates': the reported dates [date_lo, date_hi] of the core's dated mentions of the class;
-- kind 'days': the same for its day-precise mentions only (what a report naming some of the
-- sides is compared with, int_core_targets);
-- kind 'windows': the time windows [span_lo, span_hi] of its undated (numbered) mentions, whose
-- status and publication day allow those days (an unknown publication day: one open run).
-- person_key '' covers every such mention; a person's key covers those naming that person as a
-- participant (kind 'days' has '' only). Days that overlap or touch are merged into one run, so a run covers exactly the
-- days some mention covers, and a date lies within n days of the run only if it lies within n
-- days of one of its mentions.
-- Columns:
--   kind: dates | days | windows
--   class_id: the mentions' class (int_event_mentions.class_id)
--   core_id: their core (int_mention_cores.core_id)
--   person_key: '' for all the mentions, else a participant's canonical key
--   lo: first day of the run (null for an open window)
--   hi: last day of the run (null for an open window)
--   is_open: an undated mention whose publication day is unknown: its window has no bounds
--   mentions: mentions in the run
--   spans: the distinct [lo, hi] of its mentions, sorted, each with the mention_rank of the
--     earliest-published of them and how many they are: {lo, hi, first_rank, mentions}; null for
--     an open window
with spans as (
    select
        case when m.is_dated then 'dates' else 'windows' end as kind,
        m.class_id,
        c.core_id,
        case when m.is_dated then m.date_lo else m.span_lo end as lo,
        case when m.is_dated then m.date_hi else m.span_hi end as hi,
        m.mention_rank,
        m.participant_keys,
        m.date_precision = 'day' as is_day_precise
    from {{ ref('int_event_mentions') }} as m
    join {{ ref('int_mention_cores') }} as c on c.event_id = m.event_id
),

by_person as (
    select kind, class_id, core_id, '' as person_key, lo, hi, mention_rank from spans
    union all
    select kind, class_id, core_id, unnest(participant_keys) as person_key, lo, hi, mention_rank from spans
    union all
    select 'days', class_id, core_id, '', lo, hi, mention_rank from spans where kind = 'dates' and is_day_precise
),

ordered as (
    select
        *,
        max(hi) over (
            partition by kind, class_id, core_id, person_key order by lo, hi
            rows between unbounded preceding and 1 preceding
        ) as reached
    from by_person
    where lo is not null and hi is not null
),

runs as (
    select
        *,
        sum(case when reached is null or lo > reached + 1 then 1 else 0 end) over (
            partition by kind, class_id, core_id, person_key order by lo, hi rows unbounded preceding
        ) as run
    from ordered
),

distinct_spans as (
    select kind, class_id, core_id, person_key, run, lo, hi, min(mention_rank) as first_rank, count(*) as mentions
    from runs
    group by kind, class_id, core_id, person_key, run, lo, hi
)

select
    kind,
    class_id,
    core_id,
    person_key,
    min(lo) as lo,
    max(hi) as hi,
    false as is_open,
    sum(mentions) as mentions,
    list({'lo': lo, 'hi': hi, 'first_rank': first_rank, 'mentions': mentions} order by lo, hi) as spans
from distinct_spans
group by kind, class_id, core_id, person_key, run
union all
select kind, class_id, core_id, person_key, null, null, true, count(*), null
from by_person
where lo is null or hi is null
group by kind, class_id, core_id, person_key
