-- int_undated_links: undated mentions without a round number that joined no dated round, linked
-- to each other when they report the same talks: the links whose connected components group
-- them into rounds of their own (int_round_members).
-- Grain: one row per link (event_id, other_event_id); a link may appear in one direction only.
--
-- Two such mentions report the same talks when their classes are compatible (int_class_pairs),
-- their windows overlap, their articles were published within undated_publication_days() of each
-- other (two undated reports of one meeting come out together; weeks apart they are more likely
-- two meetings) and they agree: both name a place, or they share a participant. An unknown
-- publication day leaves the window open and those days unchecked.
--
-- Computed without pairing mentions: per class and window shape (the status's window around the
-- publication day) and per participant, the mentions sorted by publication day fall into islands,
-- a new one starting more than undated_publication_days() after the last; two mentions of an
-- island are always linked through it. Each mention is linked to its island's first mention and to
-- each island of a compatible class (or of a shared participant) holding a publication day its own
-- allows: those days, narrowed where the two windows would not overlap (reports of plans published
-- more than 4 days after reports of talks held), always at least 12 days wide, more than any gap
-- inside an island, so the island holds such a mention whenever its first-to-last days meet that
-- range. Mentions with an unknown publication day are compared with the islands whatever their
-- days, and with each other one by one (they are few).
-- Columns:
--   event_id: an unattached undated mention
--   other_event_id: a mention it reports the same talks as (the first mention of an island)
--   via: place (the places agree) | participant (a shared participant) | island (member of that island)
with leftover as (
    select
        m.event_id,
        m.mention_rank as node,
        m.class_id,
        m.location_key,
        m.published_date,
        cast(date_diff('day', m.published_date, m.span_lo) as integer) as window_lo,
        cast(date_diff('day', m.published_date, m.span_hi) as integer) as window_hi,
        m.participant_keys
    from {{ ref('int_event_mentions') }} as m
    where not m.is_dated
      and m.round_number is null
      and m.event_id not in (select event_id from {{ ref('int_undated_attachments') }})
),

pairs as (
    select class_id, other_class_id, place_agree from {{ ref('int_class_pairs') }}
),

self_compatible as (
    select class_id from pairs where other_class_id = class_id
),

keyed as (
    -- what islands are made of: the mentions of a placed class (its mentions agree on place),
    -- and each participant's mentions of a class
    select l.*, '' as person_key
    from leftover as l
    where l.location_key is not null and l.published_date is not null
      and l.class_id in (select class_id from self_compatible)
    union all
    select l.*, unnest(l.participant_keys) as person_key
    from leftover as l
    where l.published_date is not null
      and l.class_id in (select class_id from self_compatible)
),

ordered as (
    select
        *,
        lag(published_date) over (
            partition by class_id, window_lo, window_hi, person_key order by published_date, node
        ) as previous
    from keyed
),

numbered_islands as (
    select
        *,
        sum(case when previous is null or published_date > previous + undated_publication_days() then 1 else 0 end) over (
            partition by class_id, window_lo, window_hi, person_key order by published_date, node
            rows unbounded preceding
        ) as island_no
    from ordered
),

islands as (
    select
        class_id, window_lo, window_hi, person_key, island_no,
        min(node) as island, min(published_date) as first_day, max(published_date) as last_day
    from numbered_islands
    group by class_id, window_lo, window_hi, person_key, island_no
),

membership as (
    select n.node as a, i.island as b, 'island' as via
    from numbered_islands as n
    join islands as i using (class_id, window_lo, window_hi, person_key, island_no)
),

probes as (
    select
        node, published_date, window_lo, window_hi, other_class_id, person_key,
        published_date - undated_publication_days() as lo,
        published_date + undated_publication_days() as hi,
        {'class_id': other_class_id, 'person_key': person_key} as match_key
    from class_probes('leftover', 'pairs', true)
),

island_ranges as (
    select *, first_day as lo, last_day as hi, {'class_id': class_id, 'person_key': person_key} as match_key
    from islands
),

dated_links as (
    select distinct a.node as a, b.island as b, case when a.person_key = '' then 'place' else 'participant' end as via
    from overlapping_days('probes', 'island_ranges')
    -- the other's publication day lies within the days, and the windows overlap
    where b.first_day <= a.published_date + least(undated_publication_days(), a.window_hi - b.window_lo)
      and a.published_date + greatest(-undated_publication_days(), a.window_lo - b.window_hi) <= b.last_day
),

open_links as (
    select distinct p.node as a, i.island as b, case when p.person_key = '' then 'place' else 'participant' end as via
    from probes as p
    join islands as i on i.class_id = p.other_class_id and i.person_key = p.person_key
    where p.published_date is null
),

unknown_days as (
    select * from leftover where published_date is null
),

open_pairs as (
    select a.node as a, b.node as b, case when cp.place_agree then 'place' else 'participant' end as via
    from unknown_days as a
    join pairs as cp on cp.class_id = a.class_id
    join unknown_days as b on b.class_id = cp.other_class_id and b.node > a.node
    where cp.place_agree or len(list_intersect(a.participant_keys, b.participant_keys)) > 0
),

links as (
    select * from membership where a <> b
    union all
    select * from dated_links where a <> b
    union all
    select * from open_links where a <> b
    union all
    select * from open_pairs
),

ranks as (
    select mention_rank, event_id from {{ ref('int_event_mentions') }}
)

select ra.event_id, rb.event_id as other_event_id, l.via
from links as l
join ranks as ra on ra.mention_rank = l.a
join ranks as rb on rb.mention_rank = l.b
