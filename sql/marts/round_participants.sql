-- round_participants: a person taking part in a round, with the delegation they sit in.
-- Grain: one row per (round_id, person_id), for the rounds in negotiation_rounds (in scope).
-- Columns:
--   round_id: the round (negotiation_rounds.round_id)
--   person_id: the person (people.person_id)
--   side: country code of the person's delegation as reported most often, null if never reported
--   person_key: entity key of the person
--   mention_count: event mentions of the round that name the person as a participant
with named as (
    select r.round_id, u.person_key, u.side
    from (
        select event_id, unnest(participants, recursive := true)
        from {{ ref('int_event_mentions') }}
    ) as u
    join {{ ref('int_round_members') }} as r on r.event_id = u.event_id
    semi join {{ ref('negotiation_rounds') }} as n on n.round_id = r.round_id
),

counted as (
    select round_id, person_key, side, count(*) as n
    from named
    group by round_id, person_key, side
)

select
    round_id,
    short_id('p_', person_key) as person_id,
    first(side order by n desc, side) filter (where side is not null) as side,
    person_key,
    cast(sum(n) as integer) as mention_count
from counted
group by round_id, person_key
