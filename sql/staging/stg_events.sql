-- stg_events: one negotiation event as one article's current extraction describes it (an
-- "event mention"), with its fields normalised.
-- Grain: one row per event_id.
--
-- Normalised: status to the five contract values (common synonyms mapped), country codes upper
-- case and sorted, org sides lower case, a side never also listed as a mediator, end_date never
-- before start_date, a dated event without a precision taken as day precision, outcomes lower
-- case and sorted.
-- Columns:
--   event_id: 'e_' + 16 hex of sha256 of article_id|ordinal
--   article_id: the article
--   ordinal: order of first appearance in the article (0, 1, ...)
--   status: proposed | planned | ongoing | held | cancelled, as the article claims
--   parties: ISO codes of the negotiating sides, sorted (a non-state side counts as its country)
--   sides: the negotiating sides themselves, sorted: the ISO code for a state, org:<slug> for a
--     non-state actor; the parties when the lake row has none (older lakes have no sides column)
--   mediators: ISO codes of hosts or mediators that are not sides, sorted
--   location_key: entity key of the place, null if not named
--   start_date: first day (or start of the week/month/year at coarser precision), null if undated
--   end_date: last day, null if unknown
--   date_precision: day | week | month | year, null when undated
--   round_number: the round's number ("third round" = 3), null if not given
--   outcomes: outcome labels (prisoner_exchange, ceasefire, ...), sorted
--   participants: list of {person_key, side}: people in the talks and their delegation
--   trigger: the trigger word as written
--   evidence: the sentence(s) the event was read from, as the extractor gave them
--   evidence_start: character offset of the evidence in the article's text
--   evidence_end: character offset just past the evidence
--   extractor_version: the extraction it comes from
--   written_at: when the row was written
with source as (
    select * from {{ source('lake', 'events') }}
),

current_rows as (
    select *
    from current_extraction('source', '{{ ref('stg_extractions') }}', '{{ ref('stg_articles') }}')
    where nullif(trim(event_id), '') is not null
    qualify row_number() over (partition by event_id order by written_at desc nulls last) = 1
),

normalised as (
    select
        *,
        case lower(trim(status))
            when 'canceled' then 'cancelled'
            when 'scheduled' then 'planned'
            when 'announced' then 'planned'
            when 'agreed' then 'planned'
            when 'postponed' then 'planned'
            when 'suggested' then 'proposed'
            when 'in_progress' then 'ongoing'
            when 'underway' then 'ongoing'
            when 'completed' then 'held'
            when 'took_place' then 'held'
            else nullif(lower(trim(status)), '')
        end as status_norm,
        norm_countries(parties) as parties_norm,
        norm_sides(case when len(coalesce(sides, []::VARCHAR[])) = 0 then parties else sides end) as sides_norm,
        least(start_date, coalesce(end_date, start_date)) as start_norm,
        greatest(end_date, start_date) as end_norm
    from current_rows
)

select
    event_id,
    article_id,
    ordinal,
    status_norm as status,
    parties_norm as parties,
    sides_norm as sides,
    list_filter(
        norm_countries(mediators), lambda m: not list_contains(parties_norm, m) and not list_contains(sides_norm, m)
    ) as mediators,
    nullif(trim(location_key), '') as location_key,
    start_norm as start_date,
    case when start_norm is not null then end_norm end as end_date,
    case
        when start_norm is null then null
        else coalesce(nullif(lower(trim(date_precision)), ''), 'day')
    end as date_precision,
    case when round_number > 0 then round_number end as round_number,
    list_sort(list_distinct(list_filter(
        list_transform(coalesce(outcomes, []::VARCHAR[]), lambda o: nullif(lower(trim(o)), '')),
        lambda o: o is not null
    ))) as outcomes,
    coalesce(participants, []) as participants,
    trigger,
    evidence,
    evidence_start,
    evidence_end,
    extractor_version,
    written_at
from normalised
