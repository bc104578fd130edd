-- negotiation_rounds: one real-world meeting or set of talks between named sides, however many
-- articles report it, in the negotiations the user follows.
-- Grain: one row per round_id.
--
-- Status is the one claimed by the most recently published report; on a tie the furthest along
-- (proposed < planned < cancelled < ongoing < held); talks last reported under way more than
-- ongoing_days() before the newest article in the warehouse read held. A later "cancelled" does not undo talks
-- some report says were held. Dates come from the reports of the finest precision, preferring
-- those that report the talks under way or held; their range is merged (int_rounds).
--
-- Scope: a round is a negotiation round when it has two or more sides. With no scope set, every
-- such round is here. With a scope (one or more followed sets of sides, `--only RU,UA,US`), a
-- round is here when, for some followed set S, at least min(2, |S|) of its parties, or of its
-- sides, are in S (so RU,UA,US keeps every meeting of two of the three; `--only IR` keeps every
-- round Iran sits in; `--only IL,org:hamas` keeps Israel–Hamas rounds). Round ids, labels and
-- tracks do not depend on the scope: widening it brings rounds back under the same ids.
-- Columns:
--   round_id: stable id: 'r_' + 16 hex of sha256 of the event_id of the round's earliest-published mention
--   label: headline-style label: sides, place (a venue with its city) and round number
--     ("Russia–United States talks, Miami", "Russia–Ukraine talks, Dolmabahce Palace, Istanbul, round 2",
--     "Hamas–Israel talks, Cairo"); the start date is added when two rounds would otherwise read the same
--   location_id: the most specific place reported (locations.location_id), null if unknown
--   start_date: first day, null if unknown
--   end_date: last day, null if unknown
--   date_precision: day | week | month | year: how precisely start_date is known; null if undated (week
--     also for talks no report dates, dated by the first report that says they were held or under way:
--     that day or the days before)
--   status: proposed | planned | ongoing | held | cancelled
--   parties: ISO 3166-1 alpha-2 codes of the negotiating sides, sorted (a non-state side counts as its country)
--   sides: the negotiating sides themselves, sorted: the ISO code for a state, org:<slug> for a
--     non-state actor (org:hamas, org:rsf)
--   mediators: codes of hosts or mediators that are not sides, sorted
--   round_number: the round's number ("third round" = 3), null if unknown
--   outcomes: union of the outcomes reported (prisoner_exchange, ceasefire, ...), sorted
--   first_reported: publication day of the earliest report
--   last_reported: publication day of the latest report (syndicated copies not counted)
--   article_count: reporting articles, syndicated copies of one story counted once
--   negotiation_id: the track the round belongs to (negotiations.negotiation_id)
--   location_key: entity key of the place
--   founder_event_id: the earliest-published mention, whose event_id the round_id is made from
--   mention_count: event mentions grouped into the round
--   report_count: reporting articles, syndicated copies included
with rounds as (
    -- two or more sides, or one country's rival sides named together (org:<cc>-factions)
    select * from {{ ref('int_rounds') }}
    where len(sides) >= 2 or len(list_filter(sides, lambda s: s like 'org:%-factions')) > 0
),

followed as (
    select set_id, sides from {{ ref('stg_scope') }}
),

in_scope as (
    select r.round_id
    from rounds as r
    where not exists (select 1 from followed)
       or exists (
           select 1
           from followed as f
           where greatest(len(list_intersect(r.parties, f.sides)), len(list_intersect(r.sides, f.sides)))
               >= least(2, len(f.sides))
       )
)

select
    r.round_id,
    r.label,
    r.location_id,
    r.start_date,
    r.end_date,
    r.date_precision,
    r.status,
    r.parties,
    r.sides,
    r.mediators,
    r.round_number,
    r.outcomes,
    r.first_reported,
    r.last_reported,
    r.article_count,
    t.negotiation_id,
    r.location_key,
    r.founder_event_id,
    r.mention_count,
    r.report_count
from rounds as r
join {{ ref('int_negotiation_tracks') }} as t on t.sides = r.sides
where r.round_id in (select round_id from in_scope)
