-- int_event_mentions: one event mention ready to be grouped into rounds: canonical keys, the
-- time span it stands for, its article's publication, its evidence checked against the text.
-- Grain: one row per event_id (mentions an analyst marked "not a round" are left out).
--
-- Time span: a dated mention covers [date_lo, date_hi], its dates widened by precision (a
-- week from its start, a whole month or year). An undated mention gets a window from its status
-- and publication day instead (undated_window in sql/macros/windows.sql): talks reported held
-- happened in the 60 days before, talks under way in the 14 days before, plans lie from 3 days
-- before to 120 days after; a cancellation 120 days either side. An unknown publication day
-- leaves the window open.
-- Columns:
--   event_id: the event mention
--   article_id: its article
--   ordinal: order of first appearance in the article
--   status: what the article claims (proposed | planned | ongoing | held | cancelled)
--   parties: ISO codes of the negotiating sides, sorted
--   sides: the negotiating sides themselves (ISO code, or org:<slug> for a non-state actor), sorted
--   mediators: ISO codes of hosts or mediators that are not sides, sorted
--   location_key: canonical key of the place, null if not named
--   location_kind: city | country | venue | region of that place
--   start_date: as reported
--   end_date: as reported
--   date_precision: day | week | month | year, null when undated
--   is_dated: the mention carries a start date
--   date_lo: first day the reported dates can mean (null when undated)
--   date_hi: last day the reported dates can mean (null when undated)
--   span_lo: start of the mention's time span: date_lo, or for an undated mention its window's start
--   span_hi: end of the mention's time span (null = open)
--   round_number: the round's number, null if not given
--   outcomes: outcome labels, sorted
--   participants: list of {person_key, side} under canonical keys
--   participant_keys: the participants' canonical keys, sorted
--   trigger: the trigger word as written
--   evidence: the sentence(s) the event was read from, verbatim from the article's text (cut
--     from the text by offsets when the extractor's string is not found in it)
--   evidence_start: character offset of the evidence
--   evidence_end: character offset just past the evidence
--   published_at: the article's publication time
--   published_date: the article's publication day
--   mention_rank: order of the mention by publication (earliest first; ties by event_id)
--   split_key: the analyst split corrections the mention is named in ('' for none); mentions
--     with different split keys never share a round
--   class_id: the mention's class: mentions with the same split key, parties, sides, mediators,
--     place and round number are alike for every grouping rule (int_class_pairs); a 64-bit hash
--     of those
with events as (
    select * from {{ ref('stg_events') }}
),

articles as (
    select article_id, text, published_at, published_date from {{ ref('stg_articles') }}
),

aliases as (
    select alias_key, canonical_key from {{ ref('int_entity_aliases') }}
),

participants as (
    select
        u.event_id,
        list_distinct(list(
            struct_pack(person_key := coalesce(al.canonical_key, u.person_key), side := norm_country(u.side))
            order by coalesce(al.canonical_key, u.person_key), norm_country(u.side)
        )) as participants,
        list_sort(list_distinct(list(coalesce(al.canonical_key, u.person_key)))) as participant_keys
    from (select event_id, unnest(participants, recursive := true) from events) as u
    left join aliases as al on al.alias_key = u.person_key
    where nullif(trim(u.person_key), '') is not null
    group by u.event_id
),

split_keys as (
    select e.event_id, string_agg(distinct cast(s.entry as varchar), ',' order by cast(s.entry as varchar)) as split_key
    from events as e
    join {{ ref('stg_corrections_split') }} as s
        on (s.ref_kind = 'event' and s.ref_id = e.event_id)
        or (s.ref_kind = 'article' and s.ref_id = e.article_id)
    group by e.event_id
),

joined as (
    select
        e.*,
        coalesce(al.canonical_key, e.location_key) as canonical_location_key,
        -- checked here, so the article's text is not carried any further
        case
            when e.evidence is not null and contains(a.text, e.evidence) then e.evidence
            when e.evidence_start >= 0 and e.evidence_end > e.evidence_start and e.evidence_end <= length(a.text)
                then substring(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)
            else e.evidence
        end as checked_evidence,
        a.published_at,
        a.published_date,
        p.participants as canonical_participants,
        p.participant_keys,
        sk.split_key,
        case e.date_precision
            when 'week' then e.start_date
            when 'month' then cast(date_trunc('month', e.start_date) as date)
            when 'year' then cast(date_trunc('year', e.start_date) as date)
            else e.start_date
        end as date_lo,
        case e.date_precision
            when 'week' then coalesce(e.end_date, e.start_date + 6)
            when 'month' then coalesce(e.end_date, last_day(e.start_date))
            when 'year' then coalesce(e.end_date, make_date(year(e.start_date), 12, 31))
            else coalesce(e.end_date, e.start_date)
        end as date_hi
    from events as e
    join articles as a on a.article_id = e.article_id
    left join aliases as al on al.alias_key = e.location_key
    left join participants as p on p.event_id = e.event_id
    left join split_keys as sk on sk.event_id = e.event_id
    where e.event_id not in (select event_id from {{ ref('stg_corrections_not_round') }})
)

select
    j.event_id,
    j.article_id,
    j.ordinal,
    j.status,
    j.parties,
    j.sides,
    j.mediators,
    j.canonical_location_key as location_key,
    ent.location_kind,
    j.start_date,
    j.end_date,
    j.date_precision,
    j.start_date is not null as is_dated,
    j.date_lo,
    j.date_hi,
    case
        when j.start_date is not null then j.date_lo
        when j.published_date is null then null
        else j.published_date - undated_window(j.status).before
    end as span_lo,
    case
        when j.start_date is not null then j.date_hi
        when j.published_date is null then null
        else j.published_date + undated_window(j.status).after
    end as span_hi,
    j.round_number,
    j.outcomes,
    coalesce(j.canonical_participants, []) as participants,
    coalesce(j.participant_keys, []::VARCHAR[]) as participant_keys,
    j.trigger,
    j.checked_evidence as evidence,
    j.evidence_start,
    j.evidence_end,
    j.published_at,
    j.published_date,
    row_number() over (order by j.published_at nulls last, j.published_date nulls last, j.event_id) as mention_rank,
    coalesce(j.split_key, '') as split_key,
    hash(coalesce(j.split_key, ''), j.parties, j.mediators, j.canonical_location_key, j.round_number, j.sides)
        as class_id
from joined as j
left join {{ ref('int_entities') }} as ent on ent.entity_key = j.canonical_location_key
