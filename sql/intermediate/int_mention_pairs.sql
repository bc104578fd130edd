-- int_mention_pairs: two event mentions that might be the same round, with what they agree on:
-- the evidence every grouping rule reads (and an analyst can read to see why two were merged).
-- Grain: one row per ordered pair (event_id, other_event_id), both directions present.
--
-- Only mentions that share a negotiating side and the same split corrections are paired, and
-- only when some rule could link them: a dated mention within 3 days of the other's time span,
-- two undated mentions reported within 7 days of each other, the same round number, or a span
-- open in time. (Pairing every two mentions of one side would grow as n squared.)
-- Columns:
--   event_id: one mention
--   other_event_id: the other mention
--   parties_match: same sides once each sets aside the other's mediators
--   place_compatible: no place contradicts: either place unknown, the same place, or one inside the other
--   place_agree: both name a place and the places are compatible
--   shared_participants: people present in both
--   date_gap_days: days between their date ranges (0 when they overlap); null unless both are dated
--   spans_overlap: their time spans overlap (for undated mentions: the windows their status and publication allow)
--   published_gap_days: days between the two articles' publication days (null if either is unknown)
--   same_round_number: both carry the same round number
--   round_numbers_conflict: both carry a round number and the numbers differ
with mentions as (
    select * from {{ ref('int_event_mentions') }}
),

ancestors as (
    select location_key, ancestor_key from {{ ref('int_location_ancestors') }}
),

by_party as (
    select event_id, split_key, round_number, is_dated, span_lo, span_hi, published_date, unnest(parties) as party
    from mentions
),

near_in_time as (
    -- every rule needs the two mentions close in time: a dated mention within 3 days of the
    -- other's span (for an undated one, the window its status and publication allow) ...
    select a.event_id, b.event_id as other_event_id
    from by_party as a
    join by_party as b
        on b.party = a.party
       and b.split_key = a.split_key
       and b.span_lo <= a.span_hi + 3
       and a.span_lo <= b.span_hi + 3
    where b.event_id <> a.event_id and (a.is_dated or b.is_dated)
),

reported_together as (
    -- ... two undated mentions reported within 7 days of each other ...
    select a.event_id, b.event_id as other_event_id
    from by_party as a
    join by_party as b
        on b.party = a.party
       and b.split_key = a.split_key
       and b.published_date between a.published_date - 7 and a.published_date + 7
    where b.event_id <> a.event_id and not a.is_dated and not b.is_dated
),

same_number as (
    -- ... or the same round number ...
    select a.event_id, b.event_id as other_event_id
    from by_party as a
    join by_party as b
        on b.party = a.party
       and b.split_key = a.split_key
       and b.round_number = a.round_number
    where b.event_id <> a.event_id
),

open_spans as (
    select * from by_party where span_lo is null or span_hi is null
),

open_in_time as (
    -- ... or one of them open in time (undated, publication day unknown)
    select a.event_id, b.event_id as other_event_id
    from open_spans as a
    join by_party as b on b.party = a.party and b.split_key = a.split_key
    where b.event_id <> a.event_id
    union all
    select b.event_id, a.event_id
    from open_spans as a
    join by_party as b on b.party = a.party and b.split_key = a.split_key
    where b.event_id <> a.event_id
),

candidates as (
    select distinct event_id, other_event_id
    from (
        select * from near_in_time
        union all
        select * from reported_together
        union all
        select * from same_number
        union all
        select * from open_in_time
    )
),

compared as (
    select
        c.event_id,
        c.other_event_id,
        parties_match(a.parties, a.mediators, b.parties, b.mediators) as parties_match,
        a.location_key is not null and b.location_key is not null as both_placed,
        a.location_key is null or b.location_key is null
            or a.location_key = b.location_key
            or ab.location_key is not null
            or ba.location_key is not null as place_ok,
        len(list_intersect(a.participant_keys, b.participant_keys)) as shared_participants,
        case
            when a.is_dated and b.is_dated
                then greatest(date_diff('day', a.date_hi, b.date_lo), date_diff('day', b.date_hi, a.date_lo), 0)
        end as date_gap_days,
        coalesce(a.span_lo <= b.span_hi, true) and coalesce(b.span_lo <= a.span_hi, true) as spans_overlap,
        abs(date_diff('day', a.published_date, b.published_date)) as published_gap_days,
        coalesce(a.round_number = b.round_number, false) as same_round_number,
        coalesce(a.round_number <> b.round_number, false) as round_numbers_conflict
    from candidates as c
    join mentions as a on a.event_id = c.event_id
    join mentions as b on b.event_id = c.other_event_id
    left join ancestors as ab on ab.location_key = a.location_key and ab.ancestor_key = b.location_key
    left join ancestors as ba on ba.location_key = b.location_key and ba.ancestor_key = a.location_key
)

select
    event_id,
    other_event_id,
    parties_match,
    place_ok as place_compatible,
    both_placed and place_ok as place_agree,
    cast(shared_participants as integer) as shared_participants,
    cast(date_gap_days as integer) as date_gap_days,
    spans_overlap,
    cast(published_gap_days as integer) as published_gap_days,
    same_round_number,
    round_numbers_conflict
from compared
